import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

test('a notebook that does not parse is bad input: one line with file:line:column, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronotope-nb-'));
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n'); // as src/notebook/README.md asks
  const file = join(dir, '99-broken.ts');
  writeFileSync(file, "import { notebook } from 'x';\nexport default notebook({\n  title: 'broken',\n");
  const r = spawnSync(process.execPath, ['bin/chronotope', 'run', file, '--out', join(dir, 'out')], { encoding: 'utf8' });
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:1: syntax error: `));
});
