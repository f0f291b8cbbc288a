import { InputError } from '../../core/errors.ts';
import { deliveryMessages } from './messages.ts';
import { DELIVERY_LABELS, applicationMessage, type DeliveryRecord } from './record.ts';

/**
 * The delivery guarantee a history shows, in the usual vocabulary of message delivery:
 * - `exactly-once`: every message sent was delivered once, or (never both) its sender was told
 *   that it could not be delivered;
 * - `at-least-once`: no message lost, some delivered more than once;
 * - `at-most-once`: no duplicate, some messages lost (neither delivered nor reported);
 * - `none`: both duplicates and losses.
 * A report of "undeliverable" for a message that was in fact delivered is a broken promise too:
 * it counts against exactly-once (the sender would resend it), so such a history is at best
 * at-least-once.
 */
export type DeliverySemantics = 'exactly-once' | 'at-least-once' | 'at-most-once' | 'none';

export interface DeliveryVerdict {
  /** Messages sent by applications. */
  readonly sent: number;
  /** Distinct messages delivered at least once. */
  readonly delivered: number;
  /** All deliveries, duplicates included. */
  readonly deliveries: number;
  /** Deliveries beyond the first of each message. */
  readonly duplicates: number;
  /** Messages sent that were neither delivered nor reported undeliverable to their sender. */
  readonly lost: number;
  /** Messages never delivered whose sender was told so. */
  readonly reportedUndeliverable: number;
  /** Messages reported undeliverable that were delivered after all. */
  readonly falselyReported: number;
  /** Retransmissions. */
  readonly retries: number;
  /** Deliveries of a message that no application sent (a corrupted or invented message). */
  readonly phantoms: number;
  /** Deliveries that came after a later send of the same stream had already been delivered. */
  readonly reordered: number;
  readonly semantics: DeliverySemantics;
}

const SENT = 1;
const REPORTED = 2;

/**
 * Judges a delivery history: counts sends, deliveries, duplicates, losses and reports, and says
 * which guarantee (at-most-once, at-least-once, exactly-once) the history shows.
 *
 * It is written once for the whole toolkit: the link protocols of `hardware-timing` and the
 * causality models feed it the same way. Two ways in:
 * - `judgeHistory(records)` for a trace of `DeliveryRecord`s (message ids are strings);
 * - the incremental methods below, with dense integer message ids, for simulations that produce
 *   millions of steps and should not build a record for each (the counts live in typed arrays
 *   that grow by doubling).
 */
export class DeliveryJudge {
  private flags = new Uint8Array(1024);
  private deliveryCount = new Uint32Array(1024);
  private streamOf = new Int32Array(1024);
  private sendIndex = new Float64Array(1024);
  /** Highest send index delivered so far, per stream. */
  private readonly streamHighest: number[] = [];
  private readonly streamSends: number[] = [];
  private sentCount = 0;
  private retryCount = 0;
  private phantomCount = 0;
  private reorderedCount = 0;
  private deliveriesTotal = 0;
  private highestId = -1;

  private ensure(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new RangeError(deliveryMessages.badMessageId(id));
    if (id > this.highestId) this.highestId = id;
    if (id < this.flags.length) return;
    let size = this.flags.length;
    while (size <= id) size *= 2;
    const grow = <T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.deliveryCount = grow(this.deliveryCount, (n) => new Uint32Array(n));
    this.streamOf = grow(this.streamOf, (n) => new Int32Array(n));
    this.sendIndex = grow(this.sendIndex, (n) => new Float64Array(n));
  }

  /** An application sends message `id`, optionally as part of ordered stream `stream` (≥ 0). */
  send(id: number, stream = -1): void {
    this.ensure(id);
    if (this.flags[id] & SENT) return; // a second 'send' of the same id is a retry in disguise: count once
    this.flags[id] |= SENT;
    this.sentCount++;
    this.streamOf[id] = stream;
    if (stream >= 0) {
      while (this.streamSends.length <= stream) {
        this.streamSends.push(0);
        this.streamHighest.push(-1);
      }
      this.sendIndex[id] = this.streamSends[stream]++;
    }
  }

  /** Message `id` is retransmitted. */
  retry(id: number): void {
    this.ensure(id);
    this.retryCount++;
  }

  /** Message `id` is handed to the receiving application. */
  deliver(id: number): void {
    this.ensure(id);
    this.deliveriesTotal++;
    if (!(this.flags[id] & SENT)) {
      this.phantomCount++;
      return;
    }
    const first = this.deliveryCount[id] === 0;
    this.deliveryCount[id]++;
    const stream = this.streamOf[id];
    if (first && stream >= 0) {
      const index = this.sendIndex[id];
      if (index < this.streamHighest[stream]) this.reorderedCount++;
      else this.streamHighest[stream] = index;
    }
  }

  /** The sender of `id` is told that it could not be delivered. */
  reportUndeliverable(id: number): void {
    this.ensure(id);
    this.flags[id] |= REPORTED;
  }

  /** Deliveries of message `id` so far. */
  deliveriesOf(id: number): number {
    return id < this.deliveryCount.length ? this.deliveryCount[id] : 0;
  }

  verdict(): DeliveryVerdict {
    let delivered = 0;
    let reported = 0;
    let falselyReported = 0;
    let lost = 0;
    for (let id = 0; id <= this.highestId; id++) {
      const f = this.flags[id];
      if (!(f & SENT)) continue;
      const n = this.deliveryCount[id];
      if (n > 0) {
        delivered++;
        if (f & REPORTED) falselyReported++;
      } else if (f & REPORTED) reported++;
      else lost++;
    }
    const duplicates = this.deliveriesTotal - this.phantomCount - delivered;
    const broken = duplicates > 0 || falselyReported > 0 || this.phantomCount > 0;
    const semantics: DeliverySemantics = lost === 0
      ? (broken ? 'at-least-once' : 'exactly-once')
      : (broken ? 'none' : 'at-most-once');
    return {
      sent: this.sentCount, delivered, deliveries: this.deliveriesTotal, duplicates, lost,
      reportedUndeliverable: reported, falselyReported, retries: this.retryCount, phantoms: this.phantomCount,
      reordered: this.reorderedCount, semantics,
    };
  }
}

/**
 * Judges a history of records (see `DeliveryRecord` for the labels read). `where` names the
 * history's source in error messages (a file name, say): a record that is not of the expected
 * shape is bad input.
 */
export function judgeHistory(records: Iterable<DeliveryRecord>, where = 'history'): DeliveryVerdict {
  const judge = new DeliveryJudge();
  const ids = new Map<string, number>();
  const streams = new Map<string, number>();
  const idOf = (wireMsg: string) => {
    const msg = applicationMessage(wireMsg);
    let id = ids.get(msg);
    if (id === undefined) ids.set(msg, (id = ids.size));
    return id;
  };
  let index = 0;
  for (const r of records) {
    if (r === null || typeof r !== 'object') throw new InputError(deliveryMessages.badRecord(where, index, 'not an object'));
    if (typeof r.host !== 'string') throw new InputError(deliveryMessages.badRecord(where, index, "'host' is not a string"));
    if (typeof r.msg !== 'string') throw new InputError(deliveryMessages.badRecord(where, index, "'msg' is not a string"));
    if (r.type !== 'send' && r.type !== 'recv' && r.type !== 'local') {
      throw new InputError(deliveryMessages.badRecord(where, index, `'type' is ${JSON.stringify(r.type)}`));
    }
    const label = r.label ?? (r.type === 'recv' ? DELIVERY_LABELS.deliver : r.type === 'send' ? DELIVERY_LABELS.send : '');
    if (r.type === 'send' && label === DELIVERY_LABELS.send) {
      let stream = -1;
      if (typeof r.stream === 'string') {
        stream = streams.get(r.stream) ?? streams.size;
        streams.set(r.stream, stream);
      }
      judge.send(idOf(r.msg), stream);
    } else if (r.type === 'send' && label === DELIVERY_LABELS.retry) judge.retry(idOf(r.msg));
    else if (r.type === 'recv' && label === DELIVERY_LABELS.deliver) judge.deliver(idOf(r.msg));
    else if (r.type === 'local' && label === DELIVERY_LABELS.undeliverable) judge.reportUndeliverable(idOf(r.msg));
    index++;
  }
  return judge.verdict();
}
