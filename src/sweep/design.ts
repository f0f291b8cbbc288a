import { InputError } from '../core/errors.ts';
import { log } from '../core/math/log.ts';
import { exp } from '../core/math/exp.ts';
import { philox4x32 } from '../core/random/philox.ts';
import { u53 } from '../kernel/index.ts';
import { sweepMessages } from './messages.ts';
import { outputColumns, sweepModels, type SweepModel } from './models.ts';
import type { Axis, SweepSpec } from './spec.ts';

/**
 * Philox counter word 1 of random-design draws: far above the kernels' purposes (0–2), so design
 * draws never reuse a kernel's numbers. Draw r of the p-th random parameter is
 * u53(w0, w1) of philox(r, DESIGN_PURPOSE, p, 0; master seed).
 */
export const DESIGN_PURPOSE = 0x40000;

/** Most tasks one sweep may have (task indices are Philox counter words and file names). */
export const MAX_TASKS = 100_000_000;

function axisValues(axis: Axis): number[] {
  if ('values' in axis) return [...axis.values];
  const { from, to, count } = 'range' in axis ? axis.range : axis.logRange;
  const values: number[] = [];
  if ('range' in axis) {
    for (let k = 0; k < count; k++) values.push(k === count - 1 ? to : from + (k * (to - from)) / (count - 1));
  } else {
    const a = log(from);
    const b = log(to);
    for (let k = 0; k < count; k++) values.push(k === 0 ? from : k === count - 1 ? to : exp(a + (k * (b - a)) / (count - 1)));
  }
  return values;
}

/** One task: its design point's parameters (all of them) and where it sits in the design. */
export interface SweepTask {
  readonly index: number;
  readonly point: number;
  readonly replicate: number;
  /** Values of the varied parameters, in column order. */
  readonly design: readonly number[];
  /** Every parameter of the model: defaults, then fixed, then the design values. */
  readonly params: Record<string, number>;
}

/** The expanded design of a spec: tasks are computed on demand from their index. */
export class SweepDesign {
  readonly spec: SweepSpec;
  readonly model: SweepModel;
  /** Names of the varied parameters (grid keys, then random keys): CSV columns. */
  readonly designParameters: readonly string[];
  readonly points: number;
  readonly tasks: number;
  readonly columns: readonly string[];
  private readonly axes: number[][];
  private readonly randomNames: string[];
  private readonly randomCount: number;

  constructor(spec: SweepSpec, file: string) {
    this.spec = spec;
    this.model = sweepModels[spec.model];
    const gridNames = Object.keys(spec.grid);
    this.axes = gridNames.map((name) => axisValues(spec.grid[name]));
    this.randomNames = spec.random ? Object.keys(spec.random.parameters) : [];
    this.randomCount = spec.random ? spec.random.count : 1;
    this.designParameters = [...gridNames, ...this.randomNames];
    this.points = this.axes.reduce((n, values) => n * values.length, 1) * this.randomCount;
    this.tasks = this.points * spec.replicates;
    if (this.tasks > MAX_TASKS) throw new InputError(sweepMessages.tooManyTasks(file, this.tasks, MAX_TASKS));
    // Every point is checked before any work starts (cheap: no simulation).
    for (let p = 0; p < this.points; p++) {
      const params = this.pointParams(p);
      try {
        this.model.validate(params);
      } catch (error) {
        throw new InputError(sweepMessages.badPoint(file, p, (error as Error).message));
      }
    }
    const first = this.pointParams(0);
    this.columns = ['task', 'point', 'replicate', ...this.designParameters, ...outputColumns(this.model, spec.outputs, first)];
  }

  private designValues(point: number): number[] {
    const values: number[] = [];
    let gridIndex = Math.floor(point / this.randomCount);
    const draw = point % this.randomCount;
    const gridPart: number[] = new Array(this.axes.length);
    for (let a = this.axes.length - 1; a >= 0; a--) {
      const axis = this.axes[a];
      gridPart[a] = axis[gridIndex % axis.length];
      gridIndex = Math.floor(gridIndex / axis.length);
    }
    values.push(...gridPart);
    const key0 = this.spec.seed % 4294967296;
    const key1 = Math.floor(this.spec.seed / 4294967296);
    const block = new Uint32Array(4);
    this.randomNames.forEach((name, p) => {
      philox4x32(draw, DESIGN_PURPOSE, p, 0, key0, key1, block);
      const u = u53(block[0], block[1]);
      const d = this.spec.random!.parameters[name];
      values.push('uniform' in d
        ? d.uniform[0] + (d.uniform[1] - d.uniform[0]) * u
        : exp(log(d.logUniform[0]) + (log(d.logUniform[1]) - log(d.logUniform[0])) * u));
    });
    return values.map((v, i) => (this.model.integerParameters.has(this.designParameters[i]) ? Math.round(v) : v));
  }

  private pointParams(point: number): Record<string, number> {
    const params: Record<string, number> = { ...this.model.defaults, ...this.spec.fixed };
    const values = this.designValues(point);
    this.designParameters.forEach((name, i) => { params[name] = values[i]; });
    return params;
  }

  task(index: number): SweepTask {
    const point = Math.floor(index / this.spec.replicates);
    const design = this.designValues(point);
    const params: Record<string, number> = { ...this.model.defaults, ...this.spec.fixed };
    this.designParameters.forEach((name, i) => { params[name] = design[i]; });
    return { index, point, replicate: index % this.spec.replicates, design, params };
  }

  /** Runs one task and formats its CSV row (numbers in JavaScript's shortest round-trip form). */
  runTask(index: number): { row: string; laneSteps: number } {
    const t = this.task(index);
    const values = this.model.run(t.params, this.spec.seed, index, this.spec.engine);
    const outputs = this.columns.slice(3 + this.designParameters.length).map((c) => values[c]);
    return { row: [t.index, t.point, t.replicate, ...t.design, ...outputs].map(String).join(','), laneSteps: this.model.laneSteps(t.params) };
  }

  laneSteps(index: number): number {
    return this.model.laneSteps(this.task(index).params);
  }
}
