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
 * not of the delivery history, and the judge skips it. `stream` (optional, on `send`) names an
 * ordered stream: deliveries of one stream must come in the order of its sends.
 */
export interface DeliveryRecord {
  readonly host: string;
  readonly type: 'send' | 'recv' | 'local';
  readonly msg: string;
  readonly label?: string;
  readonly stream?: string;
}

/** The labels the judge reads (see `DeliveryRecord`). */
export const DELIVERY_LABELS = {
  send: 'send',
  retry: 'retry',
  deliver: 'deliver',
  undeliverable: 'undeliverable',
} as const;
