/** NTP (RFC 5905): on-wire offset and delay, clock filter, select/cluster/combine, discipline. */
export { NTP_MAXDISP, NTP_PHI, ntpDelay, ntpOffset, ntpPrecisionS, ntpSampleDispersion } from './on-wire.ts';
export type { NtpTimestamps } from './on-wire.ts';
export { ClockFilter, NTP_NSTAGE, filterDispersion, filterJitter } from './clock-filter.ts';
export type { FilterOutput, FilterStage } from './clock-filter.ts';
export { NTP_NMIN, ntpCluster, ntpCombine, ntpSelect, selectionJitter } from './select.ts';
export type { NtpCandidate, SelectionResult } from './select.ts';
export { NTP_ALLAN_S, NTP_PLL, NTP_STEPT_S, NtpDiscipline } from './discipline.ts';
export type { DisciplineUpdate } from './discipline.ts';
