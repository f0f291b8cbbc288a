/**
 * Reversible recovery of a token transfer. A transfer climbs EQBM → +1 → +2 → +3 → EQBM (the
 * three exchanges of TIKTYKTIK, each one step of shared knowledge, back to equilibrium with the
 * token on the other side). An error at step +k does not abort forward: it unwinds through
 * ERR+k → ERR+(k−1) → … → ERR+1 → EQBM, undoing one step of knowledge at a time, so the token
 * ends where it started and no third party ever saw it (the receiver only releases it at the
 * final EQBM). After the spec's "reversibility points" and invocation/response as reversible
 * events (Open Atomic Ethernet specification, ch. 5 "Reversible transactions", and ch. 6's
 * ternary −1/0/+1 states with an equilibrium approached from either side).
 */
export type ReversibleState = 'EQBM' | '+1' | '+2' | '+3' | 'ERR+1' | 'ERR+2' | 'ERR+3';
export type ReversibleEvent = 'step' | 'error';

/** One transition; `released` is true on the step that completes the transfer (+3 → EQBM). */
export function reversibleStep(state: ReversibleState, event: ReversibleEvent): { state: ReversibleState; released: boolean } {
  if (state.startsWith('ERR')) {
    // Unwinding ignores further errors and steps down one level per event.
    const k = Number(state.slice(4));
    return { state: k === 1 ? 'EQBM' : (`ERR+${k - 1}` as ReversibleState), released: false };
  }
  if (event === 'error') return { state: state === 'EQBM' ? 'EQBM' : (`ERR${state}` as ReversibleState), released: false };
  switch (state) {
    case 'EQBM': return { state: '+1', released: false };
    case '+1': return { state: '+2', released: false };
    case '+2': return { state: '+3', released: false };
    default: return { state: 'EQBM', released: true };
  }
}

export interface ReversibleTraceStep {
  readonly step: number;
  readonly event: ReversibleEvent;
  readonly from: ReversibleState;
  readonly to: ReversibleState;
  /** Where the token is after the step: with the sender until released. */
  readonly tokenAt: 'sender' | 'receiver';
}

/** Runs a transfer that meets an error after `errorAfter` forward steps (or none: Infinity). */
export function reversibleTrace(errorAfter: number): ReversibleTraceStep[] {
  const trace: ReversibleTraceStep[] = [];
  let state: ReversibleState = 'EQBM';
  let tokenAt: 'sender' | 'receiver' = 'sender';
  let forward = 0;
  for (let step = 0; step < 16; step++) {
    const event: ReversibleEvent = forward === errorAfter && !state.startsWith('ERR') && state !== 'EQBM' ? 'error' : 'step';
    const next = reversibleStep(state, event);
    if (next.released) tokenAt = 'receiver';
    if (event === 'step' && !state.startsWith('ERR')) forward++;
    trace.push({ step, event, from: state, to: next.state, tokenAt });
    state = next.state;
    if (state === 'EQBM') break;
  }
  return trace;
}
