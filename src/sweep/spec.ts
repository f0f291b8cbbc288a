import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.ts';
import { sweepMessages } from './messages.ts';
import { sweepModels } from './models.ts';

/**
 * A sweep spec (JSON), e.g. sweeps/clock-ensemble-small.json:
 *
 *   { "model": "clock-ensemble", "seed": 1, "replicates": 2,
 *     "fixed":  { "clocks": 64, "steps": 2000 },
 *     "grid":   { "syncIntervalSteps": { "values": [10, 100] },
 *                 "jitterS": { "logRange": { "from": 1e-8, "to": 1e-6, "count": 3 } },
 *                 "frequencyGain": { "range": { "from": 0, "to": 1, "count": 3 } } },
 *     "random": { "count": 4, "parameters": { "whiteFmSigma": { "logUniform": [1e-10, 1e-8] } } },
 *     "outputs": ["offsetRmsS", "precisionMaxS"],
 *     "engine": "auto" }
 *
 * Design points are the grid's cartesian product (keys in the order written, the last varying
 * fastest), each crossed with `random.count` random draws when `random` is given; tasks are
 * points × replicates, replicate fastest. Ranges include both ends.
 */
export type Axis =
  | { readonly values: readonly number[] }
  | { readonly range: { readonly from: number; readonly to: number; readonly count: number } }
  | { readonly logRange: { readonly from: number; readonly to: number; readonly count: number } };

export type Distribution = { readonly uniform: readonly [number, number] } | { readonly logUniform: readonly [number, number] };

export interface SweepSpec {
  readonly model: string;
  readonly seed: number;
  readonly replicates: number;
  readonly fixed: Readonly<Record<string, number>>;
  readonly grid: Readonly<Record<string, Axis>>;
  readonly random?: { readonly count: number; readonly parameters: Readonly<Record<string, Distribution>> };
  readonly outputs: readonly string[];
  readonly engine: 'auto' | 'ts' | 'scalar' | 'simd';
}

const TOP_FIELDS = ['model', 'seed', 'replicates', 'fixed', 'grid', 'random', 'outputs', 'engine'] as const;
const ENGINES = ['auto', 'ts', 'scalar', 'simd'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses and validates a sweep spec; every error is one InputError line naming the field. */
export function parseSweepSpec(text: string, file: string): SweepSpec {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(sweepMessages.badJson(file, (error as Error).message));
  }
  const fail = (field: string, expected: string, got: unknown): never => {
    throw new InputError(sweepMessages.field(file, field, expected, got));
  };
  const onlyKnown = (object: Record<string, unknown>, prefix: string, allowed: readonly string[]) => {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) throw new InputError(sweepMessages.unknownField(file, prefix + key, allowed));
    }
  };
  const finite = (field: string, value: unknown): number =>
    typeof value === 'number' && Number.isFinite(value) ? value : fail(field, 'a finite number', value);
  const integer = (field: string, value: unknown, low: number, high: number): number =>
    typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high
      ? value : fail(field, `an integer from ${low} to ${high}`, value);

  if (!isObject(json)) return fail('(top level)', 'an object', json);
  onlyKnown(json, '', TOP_FIELDS);
  if (typeof json.model !== 'string' || !(json.model in sweepModels)) {
    return fail('model', `one of ${Object.keys(sweepModels).join(', ')}`, json.model);
  }
  const model = sweepModels[json.model];
  const parameterNames = Object.keys(model.defaults);
  const seed = integer('seed', json.seed, 0, Number.MAX_SAFE_INTEGER);
  const replicates = json.replicates === undefined ? 1 : integer('replicates', json.replicates, 1, 1_000_000);
  const engine = json.engine === undefined ? 'auto' : json.engine;
  if (!ENGINES.includes(engine as never)) fail('engine', ENGINES.join(', '), engine);

  const checkParameter = (field: string, name: string) => {
    if (!parameterNames.includes(name)) throw new InputError(sweepMessages.unknownField(file, field, parameterNames));
  };
  const fixed: Record<string, number> = {};
  if (json.fixed !== undefined) {
    if (!isObject(json.fixed)) fail('fixed', 'an object of parameter values', json.fixed);
    for (const [name, value] of Object.entries(json.fixed as Record<string, unknown>)) {
      checkParameter(`fixed.${name}`, name);
      fixed[name] = finite(`fixed.${name}`, value);
    }
  }
  const seen = new Set(Object.keys(fixed));
  const once = (field: string, name: string) => {
    if (seen.has(name)) fail(field, 'a parameter not given elsewhere in fixed, grid or random', name);
    seen.add(name);
  };

  const grid: Record<string, Axis> = {};
  if (json.grid !== undefined) {
    if (!isObject(json.grid)) fail('grid', 'an object of parameter axes', json.grid);
    for (const [name, axis] of Object.entries(json.grid as Record<string, unknown>)) {
      const field = `grid.${name}`;
      checkParameter(field, name);
      once(field, name);
      if (!isObject(axis) || Object.keys(axis).length !== 1) fail(field, 'one of {"values": [...]}, {"range": {...}}, {"logRange": {...}}', axis);
      const a = axis as Record<string, unknown>;
      onlyKnown(a, `${field}.`, ['values', 'range', 'logRange']);
      if (a.values !== undefined) {
        if (!Array.isArray(a.values) || a.values.length === 0) fail(`${field}.values`, 'a non-empty list of numbers', a.values);
        grid[name] = { values: (a.values as unknown[]).map((v, i) => finite(`${field}.values[${i}]`, v)) };
      } else {
        const kind = a.range !== undefined ? 'range' : 'logRange';
        const r = a[kind];
        const f = `${field}.${kind}`;
        if (!isObject(r)) return fail(f, 'an object {from, to, count}', r);
        onlyKnown(r, `${f}.`, ['from', 'to', 'count']);
        const from = finite(`${f}.from`, r.from);
        const to = finite(`${f}.to`, r.to);
        const count = integer(`${f}.count`, r.count, 1, 1_000_000);
        if (count === 1 && from !== to) fail(`${f}.count`, 'at least 2 when from ≠ to', count);
        if (kind === 'logRange' && !(from > 0 && to > 0)) fail(`${f}.from`, 'positive ends for a log range', from > 0 ? to : from);
        grid[name] = kind === 'range' ? { range: { from, to, count } } : { logRange: { from, to, count } };
      }
    }
  }

  let random: SweepSpec['random'];
  if (json.random !== undefined) {
    if (!isObject(json.random)) fail('random', 'an object {count, parameters}', json.random);
    const r = json.random as Record<string, unknown>;
    onlyKnown(r, 'random.', ['count', 'parameters']);
    const count = integer('random.count', r.count, 1, 1_000_000);
    if (!isObject(r.parameters) || Object.keys(r.parameters).length === 0) fail('random.parameters', 'a non-empty object of distributions', r.parameters);
    const parameters: Record<string, Distribution> = {};
    for (const [name, d] of Object.entries(r.parameters as Record<string, unknown>)) {
      const field = `random.parameters.${name}`;
      checkParameter(field, name);
      once(field, name);
      if (!isObject(d) || Object.keys(d).length !== 1) fail(field, 'one of {"uniform": [low, high]}, {"logUniform": [low, high]}', d);
      onlyKnown(d as Record<string, unknown>, `${field}.`, ['uniform', 'logUniform']);
      const kind = 'uniform' in (d as object) ? 'uniform' : 'logUniform';
      const ends = (d as Record<string, unknown>)[kind];
      if (!Array.isArray(ends) || ends.length !== 2) fail(`${field}.${kind}`, 'two numbers [low, high]', ends);
      const low = finite(`${field}.${kind}[0]`, (ends as unknown[])[0]);
      const high = finite(`${field}.${kind}[1]`, (ends as unknown[])[1]);
      if (!(low < high)) fail(`${field}.${kind}`, 'low < high', ends);
      if (kind === 'logUniform' && !(low > 0)) fail(`${field}.${kind}[0]`, 'a positive number', low);
      parameters[name] = kind === 'uniform' ? { uniform: [low, high] } : { logUniform: [low, high] };
    }
    random = { count, parameters };
  }

  if (!Array.isArray(json.outputs) || json.outputs.length === 0) return fail('outputs', `a non-empty list of ${model.outputs.join(', ')}`, json.outputs);
  const outputs = (json.outputs as unknown[]).map((o, i) =>
    typeof o === 'string' && model.outputs.includes(o) ? o : fail(`outputs[${i}]`, `one of ${model.outputs.join(', ')}`, o));
  if (new Set(outputs).size !== outputs.length) fail('outputs', 'names without repetition', json.outputs);
  if (outputs.includes('histogram') && (grid.histogramBins !== undefined || random?.parameters.histogramBins !== undefined)) {
    fail('outputs', 'no histogram when histogramBins varies (the columns would differ between rows)', 'histogram');
  }
  return { model: json.model, seed, replicates, fixed, grid, random, outputs, engine: engine as SweepSpec['engine'] };
}

/**
 * Identity of a sweep's results: a hash of everything that determines them (the engine does
 * not: all engines are bit-identical). Shards and resumed runs must agree on it.
 */
export function specHash(spec: SweepSpec): string {
  const { engine: _engine, ...rest } = spec;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}
