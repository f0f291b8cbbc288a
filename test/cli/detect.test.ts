import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { InputError } from '../../src/core/errors.ts';
import { BUILTIN_SCENARIOS, nfdSAnalyticQos, parseDelay, runExperiment } from '../../src/failure-detection/index.ts';

function chronotope(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chronotope', 'detect', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--json prints the issue\'s shape; NFD-S agrees with its closed form; same seed, same bytes', () => {
  const args = ['--detector', 'nfd-s', '--scenario', 'steady', '--eta', '1', '--delta', '0.2', '--loss', '0.01',
    '--delay', 'exp:0.02', '--duration', '50000', '--seed', '3', '--json'];
  const r = chronotope(...args);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  for (const k of ['detectionTimeS', 'mistakeRecurrenceS', 'mistakeDurationS', 'queryAccuracy', 'classification']) assert.ok(k in out, k);
  for (const k of ['mean', 'p99', 'max']) assert.equal(typeof out.detectionTimeS[k], 'number');
  assert.deepEqual(Object.keys(out.classification).sort(), ['accuracy', 'matrix']);
  const exact = nfdSAnalyticQos(1, 0.2, 0.01, { kind: 'exp', meanS: 0.02 });
  const m = out.mistakeRecurrenceS;
  assert.ok(exact.mistakeRecurrenceS >= m.ciLow - 0.5 * (m.ciHigh - m.ciLow) && exact.mistakeRecurrenceS <= m.ciHigh + 0.5 * (m.ciHigh - m.ciLow));
  assert.ok(out.detectionTimeS.max <= 1.2 + 1e-6); // T_D ≤ η + δ
  assert.equal(chronotope(...args).stdout, r.stdout);
});

test('alternate-path classifies the crash, link and partition scenarios (confusion matrix reported)', () => {
  const common = { etaS: 1, deltaS: 1, lossProbability: 0.01, delay: parseDelay('exp:0.02'), durationS: 0.001, seed: 1 };
  const truths = {
    crash: 'node-crash', 'link-cut': 'link-both', 'link-oneway': 'link-oneway',
    'complete-partition': 'complete-partition', 'partial-partition': 'partial-partition',
  } as const;
  for (const [name, truth] of Object.entries(truths)) {
    const scenario = { ...BUILTIN_SCENARIOS[name], trials: 200 };
    const r = runExperiment({ ...common, detector: 'alternate-path', scenario });
    assert.equal(r.classification.accuracy, 1, name);
    assert.deepEqual(r.classification.matrix, { [truth]: { [truth]: 200 } });
    assert.ok(r.detectionTimeS.mean > 0 && r.detectionTimeS.mean < 1e-4, `${name}: ${r.detectionTimeS.mean}`);
  }
  // A timeout-based detector calls the cut link a crash every time.
  const fixed = runExperiment({ ...common, durationS: 2000, detector: 'fixed', scenario: { ...BUILTIN_SCENARIOS['link-cut'], trials: 200 } });
  assert.equal(fixed.classification.accuracy, 0);
  assert.deepEqual(fixed.classification.matrix, { 'link-both': { 'node-crash': 200 } });
});

test('bad input: exit code 2 and one line on stderr (child process)', () => {
  const r = chronotope('--detector', 'oracle', '--scenario', 'steady');
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "chronotope detect: option '--detector' expected one of fixed, nfd-s, nfd-e, phi, phi-akka, cassandra, swim, lifeguard, link-count, alternate-path, got 'oracle'\n");
  assert.equal(r.stdout, '');
});

test('bad input: one-line InputErrors naming the option, file and field (in process)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronotope-detect-'));
  try {
    const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
    const notJson = file('bad.json', '{"failure": "crash",');
    const badField = file('field.json', '{"failure": "crash", "mesh": {"rows": 2}}');
    const unknownField = file('unknown.json', '{"failure": "crash", "colour": "red"}');
    const badFailure = file('failure.json', '{"failure": "meteor"}');
    const base = ['--detector', 'nfd-s'];
    const cases: Array<[string[], RegExp]> = [
      [['--scenario', 'steady'], /missing option '--detector'/],
      [['--detector', 'phi'], /missing option '--scenario'/],
      [[...base, '--scenario', 'earthquake'], /option '--scenario' expected a file or one of steady, crash, .*got 'earthquake'$/],
      [[...base, '--scenario', 'steady', '--eta=-1'], /option '--eta' expected a number of seconds > 0, got '-1'$/],
      [[...base, '--scenario', 'steady', '--delta=-0.5'], /option '--delta' expected a number of seconds >= 0/],
      [[...base, '--scenario', 'steady', '--loss', '1.5'], /option '--loss' expected a probability in \[0, 1\], got '1.5'$/],
      [[...base, '--scenario', 'steady', '--delay', 'gamma:1'], /option '--delay' expected exp:MEAN, lognormal:MU,SIGMA or pareto:XM,ALPHA, got 'gamma:1'$/],
      [[...base, '--scenario', 'steady', '--delay', 'exp:-2'], /'--delay' 'exp:-2': expected a mean delay in seconds > 0$/],
      [[...base, '--scenario', 'steady', '--delay', 'pareto:0.01'], /expected exp:MEAN, lognormal:MU,SIGMA or pareto:XM,ALPHA/],
      [[...base, '--scenario', 'steady', '--delay', 'lognormal:-4,0'], /SIGMA, a standard deviation of ln\(delay \/ 1 s\) > 0$/],
      [[...base, '--scenario', 'steady', '--threshold', '0'], /option '--threshold' expected a number > 0/],
      [[...base, '--scenario', 'steady', '--seed', '1.5'], /option '--seed' expected an integer/],
      [[...base, '--scenario', 'steady', '--bogus'], /unknown option '--bogus'/],
      [[...base, '--scenario', join(dir, 'missing.json')], /missing\.json: cannot read scenario \(ENOENT\)$/],
      [[...base, '--scenario', notJson], /bad\.json: scenario is not valid JSON/],
      [[...base, '--scenario', badField], /field\.json: field 'mesh\.rows' expected an integer from 3 to 64$/],
      [[...base, '--scenario', unknownField], /unknown\.json: field 'colour' expected no such field/],
      [[...base, '--scenario', badFailure], /failure\.json: field 'failure' expected one of none, crash/],
    ];
    for (const [args, message] of cases) {
      await assert.rejects(main(['detect', ...args]),
        (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes('\n'), args.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
