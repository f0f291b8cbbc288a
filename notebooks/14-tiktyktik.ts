/**
 * Notebook 14: TIKTYKTIK — who knows what, and who is responsible, at each step and at each of
 * its nine failure points; a reversible-recovery trace; an ENTL/AIT trace. Run:
 * `chronotope run notebooks/14-tiktyktik.ts`.
 *
 * Sources:
 * - The steps, the nine failure points and their knowledge: Open Atomic Ethernet specification,
 *   ch. 10 "TIKTYKTIK" (Time-Appliances-Project/oae-papers, chapters/10_theory/section/
 *   tiktyktik.tex, Apache-2.0), paraphrased in src/hardware-timing/protocols/tiktyktik.ts.
 * - The ownership rule and the exhaustive model: src/hardware-timing/protocols/handshake.ts and
 *   handshake-model.ts (ours).
 * - ENTL and AIT: the Earth Computing driver, earthcomputing/NALDD, entl_drivers/e1000e-3.3.4/
 *   src/entl_state_machine.c (ported in src/hardware-timing/protocols/entl.ts).
 * - Reversible recovery and the alternating-causality graph: OAE spec ch. 5 and ch. 6 (see
 *   reversible.ts and alternating-causality.ts for what we made of them).
 */
import * as Plot from '@observablehq/plot';
import {
  TIKTYKTIK_CUT_POINTS, alternatingCausalityGraph, exploreHandshake, reversibleTrace, runEntlPair, tiktyktikTimeline,
} from '../src/index.ts';
import { Trace, type RawEvent } from '../src/causality/index.ts';
import { notebook, type TableRow } from '../src/notebook/index.ts';

const FAILURES = ['dead', 'forward-only', 'backward-only'] as const;

export default notebook(
  {
    title: 'TIKTYKTIK: knowledge, responsibility and recovery at every failure point',
    summary: 'The epistemic table of the three-exchange handshake at each step and each of its nine cut points, checked exhaustively; reversible recovery; an ENTL/AIT trace.',
    params: {
      oneWayNs: { value: 5, min: 0.001, description: 'one-way delay of the link for the timeline (ns)' },
      entlSteps: { value: 8, min: 4, max: 64, integer: true, description: 'ENTL exchanges in the trace' },
      secondFailure: { value: false, description: 'also explore a second failure on the detour (about 90,000 states; the test suite always does)' },
    },
    seed: 14,
  },
  (nb, { oneWayNs, entlSteps, secondFailure }) => {
    const t = tiktyktikTimeline(oneWayNs);
    nb.md`
      Alice sends a packet to Bob over one link. TIKTYKTIK acknowledges it twice: the packet (TIK),
      a signal back (TYK), a signal forward (TIK), a signal back (TYK). With a one-way delay of
      ${oneWayNs} ns (RTT ${2 * oneWayNs} ns), Bob may forward the packet at **${t.forwardAtTicks} ns (1.5 RTT)**,
      Alice deletes her copy at **${t.deleteAtTicks} ns (2 RTT)**.

      Responsibility passes to Bob when Alice receives the first signal (the spec's step 5). Each end
      then knows from its own state where the packet's responsibility lies, except Bob between
      receiving the packet and receiving the second TIK: he holds a *tentative* copy and must ask
      Alice, over another path, before he may forward it. That is the uncertainty the spec marks in
      red.
    `;
    const messages = ['TIK (packet)', 'TYK (signal)', 'TIK (signal)', 'TYK (signal)'].map((name, k) => ({
      name, k, fromX: k % 2 === 0 ? 0 : 1, toX: k % 2 === 0 ? 1 : 0, sentNs: k * oneWayNs, arrivedNs: (k + 1) * oneWayNs,
    }));
    const timeline = nb.table('timeline', messages, [
      { key: 'name', header: 'message' },
      { key: 'sentNs', header: 'sent (ns)' },
      { key: 'arrivedNs', header: 'arrives (ns)' },
    ], { caption: 'The four messages of one transfer.' });
    nb.figure('timeline', {
      width: 520, height: 380, marginLeft: 60, marginRight: 170,
      x: { domain: [-0.2, 1.2], ticks: [0, 1], tickFormat: (x: number) => (x === 0 ? 'Alice' : 'Bob'), label: null },
      y: { reverse: true, label: 'time (ns)', grid: true },
      marks: [
        Plot.ruleX([0, 1], { stroke: '#bbb' }),
        Plot.arrow(messages, { x1: 'fromX', y1: 'sentNs', x2: 'toX', y2: 'arrivedNs', stroke: '#333' }),
        Plot.text(messages, { x: 0.5, y: (d: { sentNs: number; arrivedNs: number }) => (d.sentNs + d.arrivedNs) / 2, text: 'name', dy: -8, fontSize: 10 }),
        Plot.text([{ y: t.forwardAtTicks, label: 'Bob may forward (1.5 RTT)' }], { x: 1, y: 'y', text: 'label', dx: 8, textAnchor: 'start' }),
        Plot.text([{ y: t.deleteAtTicks, label: 'Alice deletes her copy (2 RTT)' }], { x: 0, y: 'y', text: 'label', dx: -8, textAnchor: 'end' }),
        Plot.dot([{ x: 1, y: t.forwardAtTicks }, { x: 0, y: t.deleteAtTicks }], { x: 'x', y: 'y', fill: '#d95f02', r: 4 }),
      ],
    } as Plot.PlotOptions, { caption: 'Space-time diagram of one TIKTYKTIK transfer.', data: timeline });

    // The exhaustive model at every cut point: two nodes (no detour) and three (the triangle).
    const progress = nb.progress('cut points', TIKTYKTIK_CUT_POINTS.length);
    const rows: TableRow[] = [];
    let states = 0;
    for (const cut of TIKTYKTIK_CUT_POINTS) {
      const two = FAILURES.map((failure) => exploreHandshake({ nodes: 2, cutPoint: cut.point, failure }));
      const triangle = FAILURES.map((failure) => exploreHandshake({ nodes: 3, cutPoint: cut.point, failure, secondFailures: 0 }));
      const both = secondFailure ? FAILURES.map((failure) => exploreHandshake({ nodes: 3, cutPoint: cut.point, failure, secondFailures: 1 })) : [];
      const all = [...two, ...triangle, ...both];
      states += all.reduce((s, r) => s + r.statesExplored, 0);
      const outcomes = (rs: typeof two) => [...new Set(rs.flatMap((r) => Object.keys(r.outcomes)))].sort().join('; ');
      rows.push({
        point: cut.point, event: cut.event, alice: cut.alice + (cut.redAlice ? ' [red]' : ''), bob: cut.bob + (cut.redBob ? ' [red]' : ''),
        responsible: cut.responsible, noDetour: outcomes(two), triangle: outcomes(triangle),
        states: all.reduce((s, r) => s + r.statesExplored, 0), violations: all.reduce((s, r) => s + r.violations.length, 0),
      });
      progress.tick(1, `cut ${cut.point}`);
    }
    progress.done();
    nb.table('cut-points', rows, [
      { key: 'point', header: 'cut point (1)' },
      { key: 'event', header: 'the link fails when' },
      { key: 'alice', header: 'Alice knows (spec)' },
      { key: 'bob', header: 'Bob knows (spec)' },
      { key: 'responsible', header: 'responsible (rule)' },
      { key: 'noDetour', header: 'outcome, no detour: Alice told / Bob' },
      { key: 'triangle', header: 'outcome over the triangle' },
      { key: 'states', header: 'states explored (1)' },
      { key: 'violations', header: 'violations (1)' },
    ], { caption: `The nine failure points of the spec, each explored exhaustively: every failed state of the link, every interleaving of arrivals, failure notices and recovery messages${secondFailure ? ', and a second failure on either detour link' : ''}. "[red]": knowledge the spec marks as needing resolution over the new path.` });
    nb.md`
      **${states.toLocaleString('en-US')} states** explored in all, with no violation: over the triangle the packet is
      always delivered exactly once and both ends of every hop agree on who is responsible.
      ${secondFailure ? '' : '(Run with `--param secondFailure=true` to add a second failure on the detour, as the test suite does.)'}

      **Where the atomic protocol cannot deliver.** With no detour (or the detour gone as well), the packet
      cannot arrive, and Alice learns what she can at once. With the link dead both ways: at cut points 1–4 she still holds it
      and is told "undeliverable" (a tentative copy at Bob is never delivered: Bob may only commit
      it on Alice's word, and she will say "mine"). At 5–6 Alice knows Bob holds it and was told so,
      but Bob's copy is tentative and stays *parked* until a path returns: neither delivered nor
      lost, and nothing else can be promised (the two generals' problem). From 7 on Bob has
      committed and delivers. When one direction still works, a message may still get through after
      the cut, and the outcome is that of a later point (hence the second outcome at 3–6).

      Where the spec and the rule differ: the spec marks Alice's knowledge at 3–4 as unresolved
      ("doesn't know if Alice or Bob is responsible"); under the rule she knows she still is, since
      the first signal has not reached her. What she does not know is whether Bob holds a tentative
      copy, which is why Bob, not Alice, has to ask.
    `;

    // Reversible recovery.
    const reversible = [Infinity, 1, 2, 3].flatMap((errorAfter) => reversibleTrace(errorAfter).map((s) => ({
      run: errorAfter === Infinity ? 'no error' : `error at +${errorAfter}`, step: s.step, event: s.event, from: s.from, to: s.to, token: s.tokenAt,
    })));
    nb.table('reversible-recovery', reversible, [
      { key: 'run', header: 'run' },
      { key: 'step', header: 'step (1)' },
      { key: 'event', header: 'event' },
      { key: 'from', header: 'from' },
      { key: 'to', header: 'to' },
      { key: 'token', header: 'token with' },
    ], { caption: 'EQBM → +1 → +2 → +3 → EQBM hands the token over; an error at +k unwinds ERR+k → … → EQBM and the token never leaves the sender, so no third party ever saw it.' });

    // An ENTL session with one AIT transfer, with Lamport clocks from the causality model.
    const { trace } = runEntlPair(0x0a, 0x05, entlSteps, new Map([[3, 'AIT payload']]));
    const raw: RawEvent[] = trace.flatMap((s) => {
      const id = `${s.message.kind}-${s.message.value}-${s.step}`;
      const to = s.from === 'A' ? 'B' : 'A';
      return [
        { host: s.from, type: 'send' as const, msg: id, label: s.message.kind },
        { host: to, type: 'recv' as const, msg: id, label: s.message.kind },
      ];
    });
    const causal = Trace.fromRaw(raw);
    const lamportOfRecv = new Map(causal.events.filter((e) => e.receives.length > 0).map((e) => [e.receives[0], e.lamport]));
    const entlRows = trace.map((s) => ({
      step: s.step, from: s.from === 'A' ? 'A (0x0a)' : 'B (0x05)', kind: s.message.kind, value: s.message.value,
      stateA: s.stateA, stateB: s.stateB, lamport: lamportOfRecv.get(`${s.message.kind}-${s.message.value}-${s.step}`) ?? '',
    }));
    nb.table('entl-ait-trace', entlRows, [
      { key: 'step', header: 'message (1)' },
      { key: 'from', header: 'from' },
      { key: 'kind', header: 'kind' },
      { key: 'value', header: 'event number (1)' },
      { key: 'stateA', header: 'A after' },
      { key: 'stateB', header: 'B after' },
      { key: 'lamport', header: 'Lamport time of the receive (1)' },
    ], { caption: 'ENTL between addresses 0x0a and 0x05, with an AIT message queued at A before its 4th turn: HELLO breaks the symmetry by the larger address, event numbers climb by 2 so each side sends one parity, AIT goes AM/AH → BM/BH and is delivered on the final ACK. The Lamport clock of each receive comes from the causality model.' });

    const graph = alternatingCausalityGraph();
    nb.table('alternating-causality', graph.transitions.map((tr) => ({ ...tr })), [
      { key: 'from', header: 'from (counter/holder)' },
      { key: 'to', header: 'to' },
      { key: 'label', header: 'message' },
      { key: 'direction', header: 'direction' },
    ], { caption: `The alternating-causality graph: ${graph.states.length} states (Lynch's two-bit Gray counter × who holds the token), ${graph.transitions.length} transitions (each forward step and its reverse).` });
  },
);
