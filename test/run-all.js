// Runs every test/**/*.test.ts with node's built-in test runner (tsx loads TypeScript).
// Files are sorted so the run order, and so the output, is the same on every machine.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...find(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : find('test');
const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/setup.ts', '--test', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
