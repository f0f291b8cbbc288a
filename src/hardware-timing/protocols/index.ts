export * from './handshake.ts';
export { TIKTYKTIK_CUT_POINTS, tiktyktikTimeline, type CutPoint } from './tiktyktik.ts';
export { exploreHandshake, type ModelOptions, type ModelResult, type AliceReport } from './handshake-model.ts';
export { EntlStateMachine, runEntlPair, ENTL_STATES, ENTL_WATCHDOG_NS, ENTL_COUNT_MAX, ENTL_QUEUE_SIZE, type EntlState, type EntlMessage, type EntlTraceStep } from './entl.ts';
export { reversibleStep, reversibleTrace, type ReversibleState, type ReversibleTraceStep } from './reversible.ts';
export { alternatingCausalityGraph, GRAY_COUNTER, type AcTransition } from './alternating-causality.ts';
export {
  abpSend, abpOnAck, abpOnTimeout, abpOnFrame, runAlternatingBit, ABP_SENDER_START, ABP_RECEIVER_START,
  type AbpFrame, type AbpSender, type AbpReceiver, type AbpRunOptions,
} from './alternating-bit.ts';
