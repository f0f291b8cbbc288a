import { readFileSync } from 'node:fs';
import { InputError } from '../../core/errors.ts';
import { detectMessages } from '../messages.ts';

/** What goes wrong in a scenario (the CLI's built-in names, plus `mixed`). */
export const FAILURES = [
  'none', 'crash', 'link-cut', 'link-oneway', 'complete-partition', 'partial-partition', 'simplex-partition',
  'gray', 'delay-burst', 'mixed',
] as const;
export type FailureKind = (typeof FAILURES)[number];

/**
 * A failure scenario, as a JSON file gives it (every field but `failure` optional):
 *
 * ```json
 * { "name": "my-cut", "failure": "link-cut", "mesh": { "rows": 6, "cols": 6, "wrap": true },
 *   "physical": true, "trials": 500, "load": 0.3, "localSlowdown": 1,
 *   "gray": { "fraction": 0.2, "extraDelayS": 0.5 },
 *   "burst": { "everyS": 60, "lengthS": 5, "extraDelayS": 0.5 } }
 * ```
 * - `mesh`: the 8-neighbour mesh the mesh failures are drawn on (hardware-timing's mesh8);
 * - `physical`: broken lines make the receiving PHY report loss of signal (false: all silent);
 * - `trials`: random instances drawn for the classification and for crash detection times;
 * - `load`: data load on every link (the ENTL token waits behind data), in [0, 1);
 * - `localSlowdown`: how many times slower the observing node processes (≥ 1);
 * - `gray`: a slow sender — a fraction of heartbeats is delayed by an extra Exp(extraDelayS);
 * - `burst`: congestion — every `everyS`, for `lengthS`, heartbeats take `extraDelayS` longer.
 */
export interface Scenario {
  readonly name: string;
  readonly failure: FailureKind;
  readonly mesh: { readonly rows: number; readonly cols: number; readonly wrap: boolean };
  readonly physical: boolean;
  readonly trials: number;
  readonly load: number;
  readonly localSlowdown: number;
  readonly gray: { readonly fraction: number; readonly extraDelayS: number };
  readonly burst: { readonly everyS: number; readonly lengthS: number; readonly extraDelayS: number };
}

export const DEFAULT_SCENARIO: Scenario = {
  name: 'steady',
  failure: 'none',
  mesh: { rows: 6, cols: 6, wrap: true },
  physical: true,
  trials: 500,
  load: 0.3,
  localSlowdown: 1,
  gray: { fraction: 0, extraDelayS: 0.5 },
  burst: { everyS: 0, lengthS: 0, extraDelayS: 0 },
};

/** The built-in scenarios by name. */
export const BUILTIN_SCENARIOS: Readonly<Record<string, Scenario>> = {
  steady: DEFAULT_SCENARIO,
  crash: { ...DEFAULT_SCENARIO, name: 'crash', failure: 'crash' },
  'link-cut': { ...DEFAULT_SCENARIO, name: 'link-cut', failure: 'link-cut' },
  'link-oneway': { ...DEFAULT_SCENARIO, name: 'link-oneway', failure: 'link-oneway' },
  'complete-partition': { ...DEFAULT_SCENARIO, name: 'complete-partition', failure: 'complete-partition' },
  'partial-partition': { ...DEFAULT_SCENARIO, name: 'partial-partition', failure: 'partial-partition' },
  'simplex-partition': { ...DEFAULT_SCENARIO, name: 'simplex-partition', failure: 'simplex-partition' },
  gray: { ...DEFAULT_SCENARIO, name: 'gray', failure: 'gray', gray: { fraction: 0.2, extraDelayS: 0.5 }, localSlowdown: 10 },
  'delay-burst': { ...DEFAULT_SCENARIO, name: 'delay-burst', failure: 'delay-burst', burst: { everyS: 60, lengthS: 5, extraDelayS: 0.5 }, load: 0.9 },
  mixed: { ...DEFAULT_SCENARIO, name: 'mixed', failure: 'mixed' },
};

/** The names `--scenario` accepts besides a file. */
export const SCENARIO_NAMES = Object.keys(BUILTIN_SCENARIOS);

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates a parsed scenario; `path` names the file in every message. */
export function validateScenario(path: string, raw: Json): Scenario {
  const fail = (field: string, expected: string): never => {
    throw new InputError(detectMessages.scenarioField(path, field, expected));
  };
  if (!isObject(raw)) fail('(top level)', 'an object');
  const o = raw as Record<string, Json>;
  const known = ['name', 'failure', 'mesh', 'physical', 'trials', 'load', 'localSlowdown', 'gray', 'burst'];
  for (const k of Object.keys(o)) if (!known.includes(k)) fail(k, `no such field (known: ${known.join(', ')})`);
  const num = (field: string, v: Json, fallback: number, ok: (x: number) => boolean, expected: string): number => {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) fail(field, expected);
    return v as number;
  };
  const sub = (field: string, v: Json, keys: readonly string[]): Record<string, Json> => {
    if (v === undefined) return {};
    if (!isObject(v)) fail(field, 'an object');
    for (const k of Object.keys(v as object)) if (!keys.includes(k)) fail(`${field}.${k}`, `no such field (known: ${keys.join(', ')})`);
    return v as Record<string, Json>;
  };
  if (o.failure === undefined) fail('failure', `one of ${FAILURES.join(', ')}`);
  if (typeof o.failure !== 'string' || !(FAILURES as readonly string[]).includes(o.failure)) fail('failure', `one of ${FAILURES.join(', ')}`);
  if (o.name !== undefined && typeof o.name !== 'string') fail('name', 'a string');
  if (o.physical !== undefined && typeof o.physical !== 'boolean') fail('physical', 'true or false');
  const d = DEFAULT_SCENARIO;
  const mesh = sub('mesh', o.mesh, ['rows', 'cols', 'wrap']);
  const int = (x: number) => Number.isSafeInteger(x);
  if (mesh.wrap !== undefined && typeof mesh.wrap !== 'boolean') fail('mesh.wrap', 'true or false');
  const gray = sub('gray', o.gray, ['fraction', 'extraDelayS']);
  const burst = sub('burst', o.burst, ['everyS', 'lengthS', 'extraDelayS']);
  const scenario: Scenario = {
    name: (o.name as string | undefined) ?? path,
    failure: o.failure as FailureKind,
    mesh: {
      rows: num('mesh.rows', mesh.rows, d.mesh.rows, (x) => int(x) && x >= 3 && x <= 64, 'an integer from 3 to 64'),
      cols: num('mesh.cols', mesh.cols, d.mesh.cols, (x) => int(x) && x >= 3 && x <= 64, 'an integer from 3 to 64'),
      wrap: (mesh.wrap as boolean | undefined) ?? d.mesh.wrap,
    },
    physical: (o.physical as boolean | undefined) ?? d.physical,
    trials: num('trials', o.trials, d.trials, (x) => int(x) && x >= 1 && x <= 1_000_000, 'an integer from 1 to 1000000'),
    load: num('load', o.load, d.load, (x) => x >= 0 && x < 1, 'a number in [0, 1)'),
    localSlowdown: num('localSlowdown', o.localSlowdown, d.localSlowdown, (x) => x >= 1 && x <= 1000, 'a number from 1 to 1000'),
    gray: {
      fraction: num('gray.fraction', gray.fraction, o.failure === 'gray' ? 0.2 : 0, (x) => x >= 0 && x <= 1, 'a probability in [0, 1]'),
      extraDelayS: num('gray.extraDelayS', gray.extraDelayS, d.gray.extraDelayS, (x) => x >= 0, 'a number of seconds >= 0'),
    },
    burst: {
      everyS: num('burst.everyS', burst.everyS, o.failure === 'delay-burst' ? 60 : 0, (x) => x >= 0, 'a number of seconds >= 0'),
      lengthS: num('burst.lengthS', burst.lengthS, o.failure === 'delay-burst' ? 5 : 0, (x) => x >= 0, 'a number of seconds >= 0'),
      extraDelayS: num('burst.extraDelayS', burst.extraDelayS, o.failure === 'delay-burst' ? 0.5 : 0, (x) => x >= 0, 'a number of seconds >= 0'),
    },
  };
  if (scenario.mesh.wrap && (scenario.mesh.rows < 3 || scenario.mesh.cols < 3)) fail('mesh', 'rows and cols >= 3 with wrap');
  return scenario;
}

/** A built-in scenario by name, or a JSON scenario file. */
export function loadScenario(nameOrPath: string): Scenario {
  const builtin = Object.hasOwn(BUILTIN_SCENARIOS, nameOrPath) ? BUILTIN_SCENARIOS[nameOrPath] : undefined;
  if (builtin !== undefined) return builtin;
  if (!nameOrPath.endsWith('.json') && !nameOrPath.includes('/')) {
    throw new InputError(detectMessages.unknownScenario(nameOrPath, SCENARIO_NAMES));
  }
  let text: string;
  try {
    text = readFileSync(nameOrPath, 'utf8');
  } catch (e) {
    throw new InputError(detectMessages.scenarioUnreadable(nameOrPath, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  let raw: Json;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(detectMessages.scenarioNotJson(nameOrPath, (e as Error).message.split('\n')[0]));
  }
  return validateScenario(nameOrPath, raw);
}
