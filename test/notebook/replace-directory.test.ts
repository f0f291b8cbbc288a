import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceDirectory } from '../../src/notebook/replace-directory.ts';

function withTemp(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'chronotope-replace-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('replaceDirectory creates the directory, then replaces it whole: stale files go', () => {
  withTemp((dir) => {
    const target = join(dir, 'out', '01-x');
    replaceDirectory(target, new Map([['a.csv', 'old a\n'], ['b.svg', '<svg/>']]));
    assert.deepEqual(readdirSync(target).sort(), ['a.csv', 'b.svg']);
    replaceDirectory(target, new Map<string, string | Uint8Array>([['a.csv', 'new a\n'], ['c.png', Uint8Array.of(1, 2)]]));
    assert.deepEqual(readdirSync(target).sort(), ['a.csv', 'c.png']);
    assert.equal(readFileSync(join(target, 'a.csv'), 'utf8'), 'new a\n');
    // No staging or old directories are left beside it.
    assert.deepEqual(readdirSync(join(dir, 'out')), ['01-x']);
  });
});

test('replaceDirectory leaves the previous results untouched when writing the new ones fails', () => {
  withTemp((dir) => {
    const target = join(dir, '01-x');
    replaceDirectory(target, new Map([['a.csv', 'good\n']]));
    // 'a.csv/inner' cannot be written after the file 'a.csv': the second write fails half-way.
    const failing = new Map([['a.csv', 'bad\n'], ['a.csv/inner', 'x']]);
    assert.throws(() => replaceDirectory(target, failing));
    assert.equal(readFileSync(join(target, 'a.csv'), 'utf8'), 'good\n');
    assert.deepEqual(readdirSync(dir), ['01-x']);
  });
});

test('replaceDirectory removes what a killed run left, but not that of a live process', () => {
  withTemp((dir) => {
    // PID 2^22 + 1 is above Linux's default pid_max (2^22, kernel.pid_max on 64-bit), so dead.
    mkdirSync(join(dir, `.01-x.staging-${2 ** 22 + 1}-0`));
    mkdirSync(join(dir, `.01-x.old-${2 ** 22 + 1}-3`));
    writeFileSync(join(dir, 'keep.txt'), '');
    // PID 1 is always alive.
    mkdirSync(join(dir, '.01-x.staging-1-0'));
    replaceDirectory(join(dir, '01-x'), new Map([['a', 'b']]));
    assert.deepEqual(readdirSync(dir).sort(), ['.01-x.staging-1-0', '01-x', 'keep.txt']);
  });
});
