// Fuzzes every command listed in src/cli/commands/index.ts (so commands added later are fuzzed
// too) with fast-check: random option lists, random values (control characters, hex, Infinity,
// paths that are directories or under a file) and random input files. Each command runs in its
// own driver process (fuzz-driver.ts) with a bounded number of runs and small inputs; the
// driver asserts exit 0 or 2, never a stack trace, one line for bad input, and no file left
// half-written (nor any written at all on bad input).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { commands } from '../../src/cli/commands/index.ts';
import { runProcess, type ProcessResult } from '../run-process.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const work = mkdtempSync(join(tmpdir(), 'chronotope-fuzz-'));
after(() => rmSync(work, { recursive: true, force: true }));

function drive(command: string): Promise<ProcessResult> {
  const dir = mkdtempSync(join(work, `${command}-`));
  return runProcess(process.execPath, ['--import', 'tsx', '--import', './test/setup.ts', 'test/cli/fuzz-driver.ts', command, dir, String(RUNS)], { cwd: ROOT, timeout: 240_000 });
}

describe('fuzzing every command', { concurrency: 2 }, () => {
  test('the list of commands is read from src/cli/commands/index.ts', () => {
    assert.ok(commands.length >= 5);
    for (const name of ['run', 'stability', 'noise', 'new', 'bench']) assert.ok(commands.some((c) => c.name === name), name);
  });
  for (const { name } of commands) {
    test(`chronotope ${name}: random options and inputs exit 0 or 2, one line, nothing half-written`, async () => {
      const r = await drive(name);
      assert.equal(r.code, 0, r.stderr.slice(0, 4000));
      const summary = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { runs?: number };
      assert.ok((summary.runs ?? 0) >= 5, `too few runs: ${r.stdout}`);
    });
  }
});
