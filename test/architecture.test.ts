import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * Keeps ARCHITECTURE.md true: every relative import in src/ must go to a folder its layer may use.
 */
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  oscillators: ['core', 'oscillators'],
  causality: ['core', 'causality'],
  'hardware-timing': ['core', 'oscillators', 'causality', 'hardware-timing'],
  clocks: ['core', 'oscillators', 'hardware-timing', 'clocks'],
  'failure-detection': ['core', 'oscillators', 'causality', 'hardware-timing', 'clocks', 'failure-detection'],
  kernel: ['core', 'kernel'],
  sweep: ['core', 'oscillators', 'clocks', 'hardware-timing', 'causality', 'failure-detection', 'kernel', 'sweep'],
  notebook: ['core', 'notebook'],
  cli: ['*'],
  'index.ts': ['*'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level area of a path: a folder under src/, 'index.ts', or 'bench' / 'outside'. */
function area(path: string): string {
  const rel = relative('src', path);
  if (rel.startsWith('..')) return rel.startsWith(`..${'/'}bench`) ? 'bench' : 'outside';
  return rel.split('/')[0];
}

test('every import in src/ respects the layers in ARCHITECTURE.md', () => {
  const violations: string[] = [];
  for (const file of sources('src')) {
    const from = area(file);
    const allowed = ALLOWED[from];
    assert.ok(allowed, `${file}: folder '${from}' is not listed in ARCHITECTURE.md`);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const target = normalize(join(dirname(file), match[1] ?? match[2]));
      const to = area(target);
      if (allowed.includes('*')) {
        if (to === 'outside') violations.push(`${file} imports ${target}, outside src/ and bench/`);
        continue;
      }
      if (!allowed.includes(to)) violations.push(`${file} (${from}) imports ${target} (${to})`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the folder table in ARCHITECTURE.md names every folder in src/', () => {
  const doc = readFileSync('ARCHITECTURE.md', 'utf8');
  for (const name of readdirSync('src')) {
    if (statSync(join('src', name)).isDirectory()) assert.ok(doc.includes(`\`src/${name}\``), `ARCHITECTURE.md does not describe src/${name}`);
  }
});
