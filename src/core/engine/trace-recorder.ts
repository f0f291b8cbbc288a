import type { Observer, Simulation } from './simulation.ts';

/**
 * An observer that records every event the engine runs: time (ticks), entity, kind and data, in
 * growable typed arrays. Attach with `sim.observe(new TraceRecorder())` before `run`.
 *
 * `toCsv(sim)` gives one row per event with the time in ticks and in seconds and the entity's
 * name, for a notebook table or a log.
 */
export class TraceRecorder implements Observer {
  private times = new Float64Array(1024);
  private entities = new Int32Array(1024);
  private kinds = new Int32Array(1024);
  private data = new Float64Array(1024);
  /** Number of events recorded. */
  length = 0;

  /** Stops recording after this many events (the rest are counted in `dropped`). */
  constructor(readonly limit = Number.MAX_SAFE_INTEGER) {}
  dropped = 0;

  onEvent(timeTicks: number, entity: number, kind: number, data: number): void {
    if (this.length >= this.limit) {
      this.dropped++;
      return;
    }
    if (this.length === this.times.length) this.grow();
    const i = this.length++;
    this.times[i] = timeTicks;
    this.entities[i] = entity;
    this.kinds[i] = kind;
    this.data[i] = data;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const copy = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.times = copy(this.times, (k) => new Float64Array(k));
    this.entities = copy(this.entities, (k) => new Int32Array(k));
    this.kinds = copy(this.kinds, (k) => new Int32Array(k));
    this.data = copy(this.data, (k) => new Float64Array(k));
  }

  /** The i-th recorded event. */
  event(i: number): { timeTicks: number; entity: number; kind: number; data: number } {
    if (i < 0 || i >= this.length) throw new RangeError(`no recorded event ${i} (recorded ${this.length})`);
    return { timeTicks: this.times[i], entity: this.entities[i], kind: this.kinds[i], data: this.data[i] };
  }

  /** CSV with a header: time_ticks,time_s,entity,kind,data. */
  toCsv(sim: Simulation): string {
    const lines = ['time_ticks,time_s,entity,kind,data'];
    for (let i = 0; i < this.length; i++) {
      const name = sim.entityName(this.entities[i]);
      const quoted = /[",\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
      lines.push(`${this.times[i]},${sim.timebase.toSeconds(this.times[i])},${quoted},${this.kinds[i]},${this.data[i]}`);
    }
    return lines.join('\n') + '\n';
  }
}
