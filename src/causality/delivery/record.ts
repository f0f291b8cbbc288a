import type { RawEvent } from '../event.ts';

/**
 * One record of a delivery history, in the causality event vocabulary (`src/causality`): a host
 * did a `send`, a `recv` or a `local` step concerning message `msg`. The delivery judge reads the
 * `label` to tell what kind of step it was:
 *
 * | type    | label           | meaning                                                      |
 * |---------|-----------------|--------------------------------------------------------------|
 * | `send`  | `send`          | the application at `host` sends `msg` (once per message)     |
 * | `send`  | `retry`         | a retransmission of `msg` (timeout-retry, stop-and-wait)     |
 * | `recv`  | `deliver`       | `msg` is handed to the application at `host`                 |
 * | `local` | `undeliverable` | the sender at `host` is told that `msg` could not be delivered |
 *
 * Any other label (wire frames, acknowledgements, handshake signals) is part of the trace but
 * not of the delivery history, and the judge skips it. A record without a label counts by its
 * type: `send` as a send, `recv` as a delivery. `stream` (optional, on `send`) names an
 * ordered stream: deliveries of one stream must come in the order of its sends.
 */
export interface DeliveryRecord extends RawEvent {
  readonly msg: string;
  readonly stream?: string;
}

/**
 * The application message a record is about. The causality model wants one id per wire message
 * (a retry is a new message), so copies are written `ID#k` (copy k of message ID): the judge
 * reads the part before the last `#`.
 */
export function applicationMessage(msg: string): string {
  const hash = msg.lastIndexOf('#');
  return hash < 0 ? msg : msg.slice(0, hash);
}

/** The labels the judge reads (see `DeliveryRecord`). */
export const DELIVERY_LABELS = {
  send: 'send',
  retry: 'retry',
  deliver: 'deliver',
  undeliverable: 'undeliverable',
} as const;
