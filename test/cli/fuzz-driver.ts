// Fuzzes one `chronotope` command in this process (see fuzz.test.ts, which starts one driver per
// command): random option lists, random values, random input files. For every run it checks
// that the exit status is 0 or 2, that bad input is one line with no stack trace, that nothing
// is left half-written (no temporary or staging file), and that bad input writes nothing.
// Usage: node --import tsx --import ./test/setup.ts test/cli/fuzz-driver.ts COMMAND WORKDIR RUNS
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { commands } from '../../src/cli/commands/index.ts';
import { cli } from '../../src/cli/main.ts';

const [name, workDir, runsText] = process.argv.slice(2);
const entry = commands.find((c) => c.name === name);
if (entry === undefined) throw new Error(`no command ${name}`);
const command = await entry.load();
process.chdir(workDir);

/** Files every run starts from (recreated each run); anything else afterwards is output. */
const INPUT_NAMES = ['in.txt', 'num.txt', 'in.npy', 'in.parquet', 'in.gz', 'nb.ts', 'in.csv', 'afile', 'adir'];

// Text without NUL (an argument cannot hold one), including control characters and non-ASCII.
const anyText = fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replaceAll('\0', ''));
const value = fc.oneof(
  anyText,
  fc.constantFrom('0', '1', '-1', '2', '3', '16', '0.5', '1e-9', '0x10', '1_000', 'Infinity', '-Infinity', 'NaN', '1e400', '', ' ', '9007199254740993', '1,2,4', 'octave', 'all', 'phase', 'freq', 'json', 'csv', 'table', 'x=1'),
  fc.constantFrom(...INPUT_NAMES, 'missing.txt', 'o.svg', 'o.csv', 'newdir/o.txt', 'afile/x.svg', 'adir/', 'out'),
);

const optionNames = Object.keys(command.options);
const optionsArb = fc.array(fc.oneof(
  { weight: 8, arbitrary: fc.tuple(optionNames.length > 0 ? fc.constantFrom(...optionNames) : fc.constant('zz'), value) },
  { weight: 1, arbitrary: fc.tuple(anyText.map((s) => `fuzz-${s}`), value) },
), { maxLength: 5 }).map((pairs) => pairs.flatMap(([option, v]) => (command.options[option]?.type === 'boolean' ? [`--${option}`] : [`--${option}`, v])));
const positionalsArb = fc.array(value, { maxLength: 2 });

const inputsArb = fc.record({
  bytes: fc.uint8Array({ maxLength: 200 }),
  numbers: fc.array(fc.oneof(fc.double({ noNaN: true }).map(String), fc.integer({ min: -5, max: 5 }).map(String), anyText), { maxLength: 40 }),
});

function writeInputs({ bytes, numbers }: { bytes: Uint8Array; numbers: string[] }): void {
  for (const entryName of readdirSync('.')) rmSync(entryName, { recursive: true, force: true });
  writeFileSync('in.txt', bytes);
  writeFileSync('num.txt', numbers.join('\n'));
  writeFileSync('in.csv', 't_s,x\n' + numbers.map((n, i) => `${i},${n}`).join('\n'));
  writeFileSync('in.npy', Buffer.concat([Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]), bytes]));
  writeFileSync('in.parquet', Buffer.concat([Buffer.from('PAR1'), bytes, Buffer.from('PAR1')]));
  writeFileSync('in.gz', bytes.length % 2 === 0 ? gzipSync(bytes) : Buffer.concat([Buffer.from([0x1f, 0x8b]), bytes]));
  writeFileSync('nb.ts', bytes);
  writeFileSync('afile', 'a file, not a directory');
  mkdirSync('adir');
}

function listing(dir = '.'): string[] {
  return readdirSync(dir).flatMap((n) => {
    const path = dir === '.' ? n : join(dir, n);
    return statSync(path).isDirectory() ? [path + '/', ...listing(path)] : [path];
  });
}

/** Runs the CLI in this process, capturing what it writes. */
async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => { stdout += String(chunk); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => { stderr += String(chunk); return true; }) as typeof process.stderr.write;
  try {
    process.exitCode = 0;
    await cli(argv);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout, stderr };
}

let runs = 0;
await fc.assert(fc.asyncProperty(inputsArb, optionsArb, positionalsArb, async (inputs, options, positionals) => {
  writeInputs(inputs);
  const before = listing().sort();
  // rawArguments commands (bench NAME …) do work for any valid name; an unknown option last
  // keeps every run short while still going through their own argument checks.
  const argv = command.rawArguments ? [name, ...positionals, ...options, '--fuzz-unknown-option'] : [name, ...positionals, ...options];
  const r = await runCli(argv);
  runs++;
  const where = `chronotope ${JSON.stringify(argv.slice(1))}`;
  assert.ok(r.code === 0 || r.code === 2, `${where}: exit ${r.code}\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /^\s+at .+(:\d+:\d+\)?)$/m, `${where}: stack trace\n${r.stderr}`);
  const after = listing().sort();
  const leftovers = after.filter((p) => /\.tmp-|\.staging-|\.old-/.test(p));
  assert.deepEqual(leftovers, [], `${where}: half-written files left`);
  if (r.code === 2) {
    assert.equal(r.stderr.split('\n').length, 2, `${where}: bad input must be one line: ${JSON.stringify(r.stderr)}`);
    assert.deepEqual(after, before, `${where}: bad input wrote files`);
  }
}), { numRuns: Number(runsText), interruptAfterTimeLimit: 12_000, markInterruptAsFailure: false });
process.stdout.write(JSON.stringify({ command: name, runs }) + '\n');
