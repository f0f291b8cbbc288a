import { InputError } from '../../core/errors.ts';
import { RandomStream } from '../../core/random/stream.ts';
import { SPEED_OF_LIGHT_M_PER_S } from '../../core/units/constants.ts';
import type { EventInput } from '../event.ts';
import { Trace } from '../trace.ts';

/** A point in space, metres. */
export type PositionM = readonly [number, number, number];

/** One-way delay in picoseconds from a place to another (hosts or observers, by name). */
export type DelayPs = (from: string, to: string) => number;

/**
 * Light-speed delay between named places, rounded up to whole picoseconds. Rounding up keeps the
 * triangle inequality (⌈a + b⌉ ≤ ⌈a⌉ + ⌈b⌉), which is what makes observers agree on causal order.
 */
export function lightDelayPs(positions: Readonly<Record<string, PositionM>>): DelayPs {
  return (from, to) => {
    const a = positions[from], b = positions[to];
    if (a === undefined || b === undefined) throw new InputError(`causality: no position for ${JSON.stringify(a === undefined ? from : to)}; expected every host and observer placed`);
    const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    return Math.ceil((d / SPEED_OF_LIGHT_M_PER_S) * 1e12 - 1e-9);
  };
}

/** A trace whose events happen at known true times (ps): the input of observer order. */
export interface SpacetimeTrace {
  readonly trace: Trace;
  /** True time of each event, by event id, in picoseconds. */
  readonly timePs: readonly number[];
}

/**
 * Checks that no message travels faster than `delay` allows and each host's times increase;
 * throws InputError naming the event otherwise.
 */
export function checkSpacetime(st: SpacetimeTrace, delay: DelayPs): void {
  const { trace, timePs } = st;
  const last = new Map<string, number>();
  for (const e of trace.events) {
    const t = timePs[e.id];
    const before = last.get(e.host);
    if (before !== undefined && t <= before) throw new InputError(`causality: event ${e.host}#${e.index} at ${t} ps is not after the host's previous event (${before} ps); expected increasing times per host`);
    last.set(e.host, t);
    for (const s of e.senderIds) {
      const send = trace.events[s];
      const need = timePs[s] + delay(send.host, e.host);
      if (t < need) throw new InputError(`causality: message to ${e.host}#${e.index} arrives at ${t} ps, before ${need} ps (send + delay); expected no message faster than the delay`);
    }
  }
}

export interface SpacetimeOptions {
  readonly hosts: readonly string[];
  readonly delay: DelayPs;
  readonly events: number;
  readonly seed: number;
  readonly stream?: number;
  /** Mean time between a host's own events, ps (exponential gaps). */
  readonly meanGapPs: number;
  /** Probability that an event is a send to a uniformly chosen other host (default 0.4). */
  readonly sendProbability?: number;
}

/**
 * Simulates a message-passing run in space: each host makes events with exponential gaps; a send
 * arrives exactly `delay` later at its destination, as a receive. Returns the trace and true times.
 */
export function simulateSpacetime(options: SpacetimeOptions): SpacetimeTrace {
  const { hosts, delay, events, seed, meanGapPs } = options;
  const pSend = options.sendProbability ?? 0.4;
  const rng = new RandomStream(seed, options.stream ?? 0);
  // Next own event per host, and arrivals; the earliest happens next (ties: arrivals first, then host order).
  const nextOwn = hosts.map(() => Math.max(1, Math.round(rng.exponential(meanGapPs))));
  const arrivals: Array<{ t: number; host: number; msg: string }> = [];
  const inputs: EventInput[] = [];
  const times: number[] = [];
  const lastTime: number[] = hosts.map(() => -1);
  let count = 0, msgs = 0;
  while (count < events) {
    let h = 0;
    for (let k = 1; k < hosts.length; k++) if (nextOwn[k] < nextOwn[h]) h = k;
    let a = -1;
    for (let k = 0; k < arrivals.length; k++) if (a < 0 || arrivals[k].t < arrivals[a].t) a = k;
    if (a >= 0 && arrivals[a].t <= nextOwn[h]) {
      const [arr] = arrivals.splice(a, 1);
      // Two events of a host never share an instant: an arrival on a busy instant waits 1 ps.
      const t = Math.max(arr.t, lastTime[arr.host] + 1);
      lastTime[arr.host] = t;
      inputs.push({ host: hosts[arr.host], receives: [arr.msg], line: inputs.length + 1 });
      times.push(t);
    } else {
      const t = Math.max(nextOwn[h], lastTime[h] + 1);
      lastTime[h] = t;
      nextOwn[h] = t + Math.max(1, Math.round(rng.exponential(meanGapPs)));
      if (hosts.length > 1 && rng.uniform() < pSend) {
        let to = rng.uniformInt(hosts.length - 1);
        if (to >= h) to++;
        const msg = `m${msgs++}`;
        arrivals.push({ t: t + delay(hosts[h], hosts[to]), host: to, msg });
        inputs.push({ host: hosts[h], sends: [msg], line: inputs.length + 1 });
      } else {
        inputs.push({ host: hosts[h], line: inputs.length + 1 });
      }
      times.push(t);
    }
    count++;
  }
  // Messages still in flight at the end are dropped from the sends (they were never received).
  const trace = Trace.fromEvents(inputs.map((e) => (e.sends && arrivals.some((x) => x.msg === e.sends![0]) ? { host: e.host, line: e.line } : e)));
  const timePs = new Array<number>(trace.events.length);
  for (const e of trace.events) timePs[e.id] = times[e.line! - 1];
  return { trace, timePs };
}
