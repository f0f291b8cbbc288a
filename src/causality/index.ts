/**
 * Causality: the event model every trace uses, happened-before, logical clocks, log formats.
 * See README.md in this folder.
 */
export { EVENT_TYPES, eventInputFromRaw, type EventType, type RawEvent, type EventInput, type StampedEvent } from './event.ts';
export { Timestamper, CausalCycleError } from './timestamper.ts';
export { Trace, keepEvent, type TraceEvent } from './trace.ts';
export { compareClocks, mergeClocks, type VectorClock, type ClockRelation } from './vector-clock.ts';
export { CausalGraphBuilder, type CausalGraph } from './causal-graph.ts';
export { traceWidth } from './width.ts';
export { SummaryAccumulator, summarizeTrace, type TraceSummary } from './summary.ts';
export { parseEventLine, parseEventLines, formatEventLine } from './formats/events-jsonl.ts';
export { readLines } from './formats/line-reader.ts';
export { ShivizRegExp, SHIVIZ_DEFAULT_PARSER, GOVECTOR_PARSER, type ShivizMatch } from './formats/shiviz-regexp.ts';
export {
  readShiviz, readGoVector, writeShiviz, writeShivizExecutions, writeGoVector,
  type LoggedEvent, type Execution, type ShivizReadOptions,
} from './formats/shiviz.ts';
export { causalityMessages } from './messages.ts';
export {
  TRACE_FORMATS, detectFormat, readTraceFile, summarizeEventsFile, type TraceFormat, type TraceFileOptions,
} from './formats/trace-file.ts';
export { eventJson, traceJson } from './formats/trace-json.ts';
export { randomTrace, randomTraceLine, type RandomTraceOptions } from './random-trace.ts';
export { HybridLogicalClock, hlcTimestamps, compareHlc, type HlcTimestamp } from './clocks/hybrid-logical-clock.ts';
export { matrixClocks, knownByAll } from './clocks/matrix-clock.ts';
export { isConsistentCut, consistentCuts, eventsByHost, MAX_CUTS, type Cut } from './cuts.ts';
export { concurrentEventPairs, messageRaces, type MessageRace } from './races.ts';
export { FifoBroadcast, type FifoMessage } from './broadcast/fifo-broadcast.ts';
export { CausalBroadcast, type CausalMessage } from './broadcast/causal-broadcast.ts';
export { Sequencer, TotalOrderReceiver, type OrderedMessage } from './broadcast/total-order-broadcast.ts';
export {
  lightDelayPs, checkSpacetime, simulateSpacetime,
  type PositionM, type DelayPs, type SpacetimeTrace, type SpacetimeOptions,
} from './observer/spacetime-trace.ts';
export { observerOrder, arrivalTimesPs, disagreeingPairs, kendallTauDistance } from './observer/observer-order.ts';
export { messageViolationProbability, simulateMessageViolations, timestampViolations, type TimestampViolations } from './timestamp-order.ts';
export {
  itcSeed, itcFork, itcJoin, itcEvent, itcPeek, itcLeq, itcLeqEvent, itcToString,
  type ItcId, type ItcEvent, type ItcStamp,
} from './clocks/interval-tree-clock.ts';
export { dvvContains, dvvLeq, dvvContext, dvvUpdate, dvvSync, type Dvv } from './clocks/dotted-version-vector.ts';
