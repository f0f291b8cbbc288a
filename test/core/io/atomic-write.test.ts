// Output paths that cannot be written are bad input (one line naming the path and the reason),
// and the old file stays as it was, with no temporary file left behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isInputError } from '../../../src/core/errors.ts';
import { writeFileAtomic } from '../../../src/core/io/atomic-write.ts';

const work = mkdtempSync(join(tmpdir(), 'chronotope-atomic-'));
after(() => rmSync(work, { recursive: true, force: true }));

function inputErrorOf(f: () => void): string {
  try {
    f();
  } catch (error) {
    assert.ok(isInputError(error), `expected an InputError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('expected an error');
}

test('writes a new file, creating its directory, and replaces an old one whole', () => {
  const path = join(work, 'new/dir/out.txt');
  writeFileAtomic(path, 'one');
  writeFileAtomic(path, 'two');
  assert.equal(readFileSync(path, 'utf8'), 'two');
  assert.deepEqual(readdirSync(join(work, 'new/dir')), ['out.txt']);
});

test('a parent that is a file: one line naming the path and the file in the way', () => {
  writeFileSync(join(work, 'plain'), 'keep');
  const message = inputErrorOf(() => writeFileAtomic(join(work, 'plain/x.svg'), 'data'));
  assert.equal(message, `${join(work, 'plain/x.svg')}: cannot write (${join(work, 'plain')} is a file, not a directory)`);
  const deeper = inputErrorOf(() => writeFileAtomic(join(work, 'plain/a/b/x.svg'), 'data'));
  assert.match(deeper, /plain is a file, not a directory\)$/);
  assert.equal(readFileSync(join(work, 'plain'), 'utf8'), 'keep');
});

test('a target that is a directory: one line, the directory and its contents untouched', () => {
  mkdirSync(join(work, 'taken.svg/inner'), { recursive: true });
  const message = inputErrorOf(() => writeFileAtomic(join(work, 'taken.svg'), 'data'));
  assert.equal(message, `${join(work, 'taken.svg')}: cannot write (it is a directory)`);
  assert.deepEqual(readdirSync(join(work, 'taken.svg')), ['inner']);
  assert.deepEqual(readdirSync(work).filter((n) => n.includes('.tmp-')), []);
});

test('a directory without write permission: one line, the old file intact (run as an unprivileged user)', () => {
  const dir = join(work, 'locked');
  mkdirSync(dir);
  writeFileSync(join(dir, 'old.csv'), 'old contents');
  chmodSync(dir, 0o555);
  chmodSync(work, 0o755);
  // Root ignores permission bits, so the write is tried by a child running as "nobody" then.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const script = `
    import { writeFileAtomic } from ${JSON.stringify(new URL('../../../src/core/io/atomic-write.ts', import.meta.url).href)};
    try { writeFileAtomic(${JSON.stringify(join(dir, 'old.csv'))}, 'new'); console.log('written'); }
    catch (e) { console.log(e.name + ': ' + e.message); }`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: new URL('../../../', import.meta.url).pathname, ...asNobody });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.trim(), `InputError: ${join(dir, 'old.csv')}: cannot write (no permission to write in ${dir})`);
  assert.equal(readFileSync(join(dir, 'old.csv'), 'utf8'), 'old contents');
  assert.deepEqual(readdirSync(dir), ['old.csv']);
});
