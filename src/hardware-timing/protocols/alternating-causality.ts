/**
 * The alternating-causality graph of a link: 8 states, 16 transitions.
 *
 * After Lynch's two-bit refinement of the alternating-bit protocol (Bartlett, Scantlebury &
 * Wilkinson 1969), as the Open Atomic Ethernet specification presents it (ch. 6, "Alternating
 * Causality": two bits "have a direction in their evolution through their set", 00 → 01 → 11 →
 * 10, and the equilibrium is approached from either side, forward or backward). A state is the
 * two-bit counter Alice last advanced (a Gray code: one bit changes per step) together with who
 * holds the token. Forward, Alice advances the counter when she passes the token (TIK) and Bob
 * echoes it back (TYK), so one round trip of four TIKs and four TYKs visits all 8 states; every
 * forward transition has its reverse (the step undone, as reversible recovery does), giving 16.
 */
export const GRAY_COUNTER = ['00', '01', '11', '10'] as const;
export type Holder = 'Alice' | 'Bob';

export interface AcState {
  readonly counter: (typeof GRAY_COUNTER)[number];
  readonly holder: Holder;
}

export interface AcTransition {
  readonly from: string;
  readonly to: string;
  readonly direction: 'forward' | 'reverse';
  readonly label: 'TIK' | 'TYK';
}

export function acStateName(s: AcState): string {
  return `${s.counter}/${s.holder}`;
}

/** The graph: its 8 states and 16 transitions. */
export function alternatingCausalityGraph(): { states: string[]; transitions: AcTransition[] } {
  const states: AcState[] = GRAY_COUNTER.flatMap((counter) => [{ counter, holder: 'Alice' as const }, { counter, holder: 'Bob' as const }]);
  const forward: AcTransition[] = [];
  for (const s of states) {
    // Alice passes the token and advances the counter (TIK); Bob returns it unchanged (TYK).
    const i = GRAY_COUNTER.indexOf(s.counter);
    const next: AcState = s.holder === 'Alice'
      ? { counter: GRAY_COUNTER[(i + 1) % 4], holder: 'Bob' }
      : { counter: s.counter, holder: 'Alice' };
    forward.push({ from: acStateName(s), to: acStateName(next), direction: 'forward', label: s.holder === 'Alice' ? 'TIK' : 'TYK' });
  }
  const reverse = forward.map((t): AcTransition => ({ from: t.to, to: t.from, direction: 'reverse', label: t.label }));
  return { states: states.map(acStateName), transitions: [...forward, ...reverse] };
}
