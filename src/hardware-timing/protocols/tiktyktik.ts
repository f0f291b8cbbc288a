/**
 * TIKTYKTIK's nine steps and the nine points where a link can fail, with who knows what and who
 * is responsible at each, after the Open Atomic Ethernet specification, chapter 10 "TIKTYKTIK"
 * (Time-Appliances-Project/oae-papers, chapters/10_theory/section/tiktyktik.tex, Apache-2.0):
 * its first list walks the protocol without failure, its second list ("Alice has a packet to send
 * when link fails", …, "Alice receives signal") gives the nine failure points. The knowledge
 * entries below paraphrase that list; `redAlice` / `redBob` mark the entries the spec prints in
 * red ("incomplete common knowledge [that] needs to be resolved over the new path").
 */
export interface CutPoint {
  /** 1 … 9, the spec's numbering. */
  readonly point: number;
  /** What has happened when the link fails. */
  readonly event: string;
  /** Handshake messages (0 … 4) delivered before the cut: the state the model starts from. */
  readonly delivered: number;
  /** Whether Alice has put the packet on the wire. */
  readonly started: boolean;
  readonly alice: string;
  readonly bob: string;
  readonly redAlice: boolean;
  readonly redBob: boolean;
  /** Responsible party by the rule of `handshake.ts` (first signal received by Alice). */
  readonly responsible: 'Alice' | 'Bob';
}

export const TIKTYKTIK_CUT_POINTS: readonly CutPoint[] = [
  { point: 1, event: 'Alice has a packet to send when the link fails', delivered: 0, started: false,
    alice: "knows Bob doesn't have it; knows she is responsible", bob: "doesn't know the packet exists", redAlice: false, redBob: false, responsible: 'Alice' },
  { point: 2, event: 'Alice sends the packet, then the link fails', delivered: 0, started: true,
    alice: "doesn't know if Bob got it; knows Bob knows Alice is responsible", bob: "doesn't know the packet exists", redAlice: false, redBob: false, responsible: 'Alice' },
  { point: 3, event: 'Bob receives the packet, then the link fails', delivered: 1, started: true,
    alice: "doesn't know if Alice or Bob is responsible", bob: 'knows Alice knows she is responsible', redAlice: true, redBob: false, responsible: 'Alice' },
  { point: 4, event: 'Bob sends the signal, then the link fails', delivered: 1, started: true,
    alice: "doesn't know if Alice or Bob is responsible", bob: "doesn't know if Alice got the signal, nor who is responsible", redAlice: true, redBob: true, responsible: 'Alice' },
  { point: 5, event: 'Alice receives the signal, then the link fails', delivered: 2, started: true,
    alice: "knows Bob is responsible; knows Bob doesn't know it", bob: "doesn't know if Alice knows Bob is responsible", redAlice: false, redBob: true, responsible: 'Bob' },
  { point: 6, event: 'Alice sends the signal, then the link fails', delivered: 2, started: true,
    alice: "knows Bob is responsible; doesn't know if Bob knows", bob: "doesn't know if he is responsible", redAlice: true, redBob: true, responsible: 'Bob' },
  { point: 7, event: 'Bob receives the signal, then the link fails', delivered: 3, started: true,
    alice: "doesn't know if Bob knows he is responsible", bob: 'knows Alice knows Bob is responsible: may forward', redAlice: false, redBob: false, responsible: 'Bob' },
  { point: 8, event: 'Bob sends the signal, then the link fails', delivered: 3, started: true,
    alice: "knows Bob is responsible; doesn't know if Bob knows", bob: "knows he is responsible; doesn't know if Alice knows he knows", redAlice: false, redBob: false, responsible: 'Bob' },
  { point: 9, event: 'Alice receives the signal', delivered: 4, started: true,
    alice: 'knows Bob knows he is responsible: may delete her copy', bob: 'knows he is responsible', redAlice: false, redBob: false, responsible: 'Bob' },
];

/**
 * The handshake timeline on a link of one-way delay d (RTT = 2d): message k leaves at k·d and
 * arrives at (k + 1)·d. The receiver may forward when message 2 arrives (1.5 RTT), the sender
 * deletes its copy when message 3 arrives (2 RTT): the spec's claim, and what `handshake.ts` does.
 */
export function tiktyktikTimeline(oneWayTicks: number): { forwardAtTicks: number; deleteAtTicks: number; arrivals: number[] } {
  const arrivals = [1, 2, 3, 4].map((k) => k * oneWayTicks);
  return { forwardAtTicks: arrivals[2], deleteAtTicks: arrivals[3], arrivals };
}
