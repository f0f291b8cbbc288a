import {
  answerQuery, receiverApplyAnswer, receiverReceive, senderReceive, senderResponsible,
  type HandshakeStep, type ReceiverState, type SenderState,
} from './handshake.ts';
import { TIKTYKTIK_CUT_POINTS } from './tiktyktik.ts';
import { LINK_STATES, directionWorks, type LinkState } from '../failures/index.ts';

/**
 * An explicit-state model of the atomic handshake (`handshake.ts`) on two or three nodes, explored
 * exhaustively: Alice (A) sends one packet to Bob (B) over link AB, which fails at one of the
 * nine TIKTYKTIK cut points in one of its three failed states (dead, or working one way only);
 * with a third node Carol (C), the one-hop triangle A–C–B is the detour, and a second failure
 * may hit either detour link at any moment. Every interleaving of frame arrivals, of each end's
 * discovery that a link failed (a PHY loss-of-signal report or the silence of the ping-pong,
 * both of which come at an unknown moment, so any order is explored), of the recovery messages
 * and of the second failure is enumerated by depth-first search with a visited set.
 *
 * Checked at every state: Bob delivers at most once; no hop has its sender responsible while its
 * receiver has committed. Checked at every final state (nothing more can happen):
 * - when the detour survives: Bob delivered exactly once, no tentative copy is left anywhere,
 *   and the two ends of every hop agree on who is responsible;
 * - when it does not (two nodes, or link and detour both gone): Alice has been told, and a
 *   report of "undeliverable" is never wrong (Bob did not deliver).
 */

type Node = 'A' | 'B' | 'C';
type Link = 'AB' | 'AC' | 'CB';
type Hop = 1 | 2 | 3;
/** Hop 1: A→B on AB (direct); hop 2: A→C on AC; hop 3: C→B on CB (the detour). */
const HOPS: Record<Hop, { from: Node; to: Node; link: Link }> = {
  1: { from: 'A', to: 'B', link: 'AB' },
  2: { from: 'A', to: 'C', link: 'AC' },
  3: { from: 'C', to: 'B', link: 'CB' },
};
const LINK_ENDS: Record<Link, [Node, Node]> = { AB: ['A', 'B'], AC: ['A', 'C'], CB: ['C', 'B'] };

type Frame =
  | { k: 'hop'; hop: Hop; step: HandshakeStep }
  | { k: 'query' | 'yours' | 'mine'; hop: Hop; to: Node; relayed: boolean }
  | { k: 'undeliverable' | 'in-doubt'; to: Node; relayed: boolean };

/** What Alice's application has been told. */
export type AliceReport = 'none' | 'handed-over' | 'undeliverable' | 'in-doubt';

interface State {
  link: Record<Link, LinkState>;
  /** `${node}${link}`: the node has found the link failed and no longer uses it. */
  declared: Record<string, boolean>;
  /** FIFO channel per direction `${from}${to}`. */
  chan: Record<string, Frame[]>;
  s: Record<Hop, SenderState>;
  r: Record<Hop, ReceiverState>;
  report: AliceReport;
  delivered: number;
  secondFailures: number;
  /** Whether C has passed the packet on or given it up. */
  cDone: boolean;
}

export interface ModelOptions {
  readonly nodes: 2 | 3;
  /** TIKTYKTIK cut point 1 … 9 at which link AB fails. */
  readonly cutPoint: number;
  /** The failed state of AB: 'dead', 'forward-only' (A→B works) or 'backward-only'. */
  readonly failure: Exclude<LinkState, 'up'>;
  /** Failures allowed on the detour links after the first (0 or 1). */
  readonly secondFailures?: number;
  /** Depth bound of the search (events from the cut). */
  readonly maxDepth?: number;
  /**
   * The sender's answer to a tentative receiver's query; `answerQuery` of `handshake.ts` unless
   * replaced (tests replace it with wrong rules to show that the search finds their faults).
   */
  readonly answer?: (s: SenderState) => 'yours' | 'mine';
}

export interface ModelResult {
  readonly statesExplored: number;
  readonly finalStates: number;
  readonly violations: string[];
  /** Final states by Alice's report and whether Bob delivered, e.g. 'handed-over/delivered'. */
  readonly outcomes: Record<string, number>;
  readonly maxDepthReached: number;
}

function otherEnd(link: Link, node: Node): Node {
  const [x, y] = LINK_ENDS[link];
  return node === x ? y : x;
}
function linkBetween(x: Node, y: Node): Link {
  return (['AB', 'AC', 'CB'] as const).find((l) => LINK_ENDS[l].includes(x) && LINK_ENDS[l].includes(y))!;
}
function works(st: State, from: Node, to: Node): boolean {
  const link = linkBetween(from, to);
  return directionWorks(st.link[link], LINK_ENDS[link][0] === from);
}
function clone(st: State): State {
  const chan: Record<string, Frame[]> = {};
  for (const key in st.chan) chan[key] = st.chan[key].slice();
  return { ...st, link: { ...st.link }, declared: { ...st.declared }, chan, s: { ...st.s }, r: { ...st.r } };
}

/** Puts a frame on the wire from `from` to `to`; a frame sent into a failed direction is lost. */
function put(st: State, from: Node, to: Node, frame: Frame): void {
  if (st.declared[from + linkBetween(from, to)]) return;
  if (works(st, from, to)) st.chan[from + to].push(frame);
}

/** Sends a control message towards `to`: directly if the sender still uses that link, else via the third node. */
function sendControl(st: State, from: Node, frame: Extract<Frame, { to: Node }>): void {
  const direct = linkBetween(from, frame.to);
  if (!st.declared[from + direct]) return put(st, from, frame.to, frame);
  const via = (['A', 'B', 'C'] as const).find((n) => n !== from && n !== frame.to)!;
  put(st, from, via, { ...frame, relayed: true });
}

/** True if `from` has a link it still uses to `to`, directly or through the third node. */
function hasRoute(st: State, from: Node, to: Node): boolean {
  if (!st.declared[from + linkBetween(from, to)]) return true;
  const via = (['A', 'B', 'C'] as const).find((n) => n !== from && n !== to)!;
  return !st.declared[from + linkBetween(from, via)];
}

/** The node that holds a committed copy takes the next step: Bob delivers; Carol forwards to Bob. */
function onCommit(st: State, node: Node): void {
  if (node === 'B') {
    st.delivered++;
    return;
  }
  // Carol committed hop 2: forward over CB, or give the packet up and tell Alice.
  if (!st.declared.CCB) {
    st.s[3] = 'SENT';
    put(st, 'C', 'B', { k: 'hop', hop: 3, step: 0 });
  } else {
    st.cDone = true;
    sendControl(st, 'C', { k: 'undeliverable', to: 'A', relayed: false });
  }
}

/** Alice, responsible and unable to use AB, sends over the detour or reports. */
function aliceReroute(st: State): void {
  if (st.report === 'undeliverable') return;
  if (!st.declared.AAC && st.s[2] === 'HOLD') {
    st.s[2] = 'SENT';
    put(st, 'A', 'C', { k: 'hop', hop: 2, step: 0 });
  } else if (st.s[2] === 'HOLD' || senderResponsible(st.s[2])) {
    st.report = 'undeliverable';
  }
}

/** Reactions when `node` finds `link` failed. */
function declare(st: State, node: Node, link: Link): void {
  const key = node + link;
  if (st.declared[key]) return;
  st.declared[key] = true;
  st.chan[node + otherEnd(link, node)] = []; // it stops sending on the link
  if (node === 'A') {
    if (link === 'AB') {
      if (senderResponsible(st.s[1])) aliceReroute(st);
    } else if (link === 'AC') {
      if (st.s[2] !== 'HOLD' && senderResponsible(st.s[2])) st.report = 'undeliverable';
      else if (st.s[2] === 'HOLD' && st.declared.AAB && senderResponsible(st.s[1])) st.report = 'undeliverable';
    }
  } else if (node === 'B') {
    if (link === 'AB' && st.r[1] === 'TENTATIVE') sendControl(st, 'B', { k: 'query', hop: 1, to: 'A', relayed: false });
    if (link === 'CB' && st.r[3] === 'TENTATIVE') sendControl(st, 'B', { k: 'query', hop: 3, to: 'C', relayed: false });
  } else {
    if (link === 'AC' && st.r[2] === 'TENTATIVE') sendControl(st, 'C', { k: 'query', hop: 2, to: 'A', relayed: false });
    if (link === 'CB' && !st.cDone) {
      if (st.r[2] === 'COMMITTED' && senderResponsible(st.s[3])) {
        st.cDone = true;
        sendControl(st, 'C', { k: 'undeliverable', to: 'A', relayed: false });
      } else if (st.s[3] === 'ACKED') {
        st.cDone = true;
        sendControl(st, 'C', { k: 'in-doubt', to: 'A', relayed: false });
      }
    }
  }
}

/** `node` receives `frame` from `from`. */
let answerRule: (s: SenderState) => 'yours' | 'mine' = answerQuery;

function receive(st: State, from: Node, node: Node, frame: Frame): void {
  if (frame.k === 'hop') {
    const hop = HOPS[frame.hop];
    if (node === hop.to) {
      const { state, reply } = receiverReceive(st.r[frame.hop], frame.step);
      const committed = state === 'COMMITTED' && st.r[frame.hop] !== 'COMMITTED';
      st.r[frame.hop] = state;
      if (reply >= 0) put(st, node, from, { k: 'hop', hop: frame.hop, step: reply as HandshakeStep });
      if (committed) onCommit(st, node);
    } else {
      const { state, reply } = senderReceive(st.s[frame.hop], frame.step);
      st.s[frame.hop] = state;
      if (reply >= 0) put(st, node, from, { k: 'hop', hop: frame.hop, step: reply as HandshakeStep });
      if (frame.hop !== 3 && state === 'ACKED' && st.report === 'none') st.report = 'handed-over';
      if (frame.hop === 3 && state === 'ACKED') st.cDone = true;
    }
    return;
  }
  if (frame.to !== node) {
    // Relay once, directly (a relayed frame is not detoured again, so control cannot loop).
    if (!frame.relayed || !st.declared[node + linkBetween(node, frame.to)]) put(st, node, frame.to, frame);
    return;
  }
  if (frame.k === 'query') {
    // The asker has abandoned the hop's link, so it has failed: the sender declares it too
    // (reacting first, so a responsible sender reroutes) and answers from its frozen state.
    const hop = HOPS[frame.hop];
    declare(st, node, hop.link);
    sendControl(st, node, { k: answerRule(st.s[frame.hop]), hop: frame.hop, to: hop.to, relayed: false });
  } else if (frame.k === 'yours' || frame.k === 'mine') {
    const before = st.r[frame.hop];
    st.r[frame.hop] = receiverApplyAnswer(before, frame.k);
    if (before === 'TENTATIVE' && st.r[frame.hop] === 'COMMITTED') onCommit(st, node);
  } else if (node === 'A') {
    if (st.report !== 'undeliverable') st.report = frame.k;
  }
}

function initialState(options: ModelOptions): State {
  const cut = TIKTYKTIK_CUT_POINTS[options.cutPoint - 1];
  if (!cut) throw new RangeError(`cut point must be 1 … 9, got ${options.cutPoint}`);
  const st: State = {
    link: { AB: 'up', AC: 'up', CB: 'up' },
    declared: {},
    chan: { AB: [], BA: [], AC: [], CA: [], CB: [], BC: [] },
    s: { 1: 'HOLD', 2: 'HOLD', 3: 'HOLD' },
    r: { 1: 'NONE', 2: 'NONE', 3: 'NONE' },
    report: 'none',
    delivered: 0,
    secondFailures: options.nodes === 3 ? (options.secondFailures ?? 1) : 0,
    cDone: false,
  };
  if (options.nodes === 2) {
    // No Carol: her links never existed, and both ends know it.
    st.link.AC = 'dead';
    st.link.CB = 'dead';
    for (const key of ['AAC', 'CAC', 'CCB', 'BCB']) st.declared[key] = true;
  }
  // The failure-free prefix up to the cut point (a single sequence: nothing else runs yet).
  if (cut.started) {
    st.s[1] = 'SENT';
    put(st, 'A', 'B', { k: 'hop', hop: 1, step: 0 });
  }
  for (let n = 0; n < cut.delivered; n++) {
    const toB = n % 2 === 0;
    const frame = st.chan[toB ? 'AB' : 'BA'].shift()!;
    receive(st, toB ? 'A' : 'B', toB ? 'B' : 'A', frame);
  }
  // The cut: frames in a failed direction are lost.
  st.link.AB = options.failure;
  if (!directionWorks(options.failure, true)) st.chan.AB = [];
  if (!directionWorks(options.failure, false)) st.chan.BA = [];
  return st;
}

/** Every event that can happen next, as functions producing the successor state. */
function successors(st: State): Array<() => State> {
  const next: Array<() => State> = [];
  for (const key in st.chan) {
    if (st.chan[key].length === 0) continue;
    next.push(() => {
      const t = clone(st);
      const from = key[0] as Node;
      const to = key[1] as Node;
      const frame = t.chan[key].shift()!;
      if (!t.declared[to + linkBetween(from, to)]) receive(t, from, to, frame);
      return t;
    });
  }
  for (const link of ['AB', 'AC', 'CB'] as const) {
    if (st.link[link] === 'up') continue;
    for (const node of LINK_ENDS[link]) {
      if (!st.declared[node + link]) next.push(() => { const t = clone(st); declare(t, node, link); return t; });
    }
  }
  // Alice, still holding an unsent packet and using AB, sends it (cut point 1).
  if (st.s[1] === 'HOLD' && !st.declared.AAB) {
    next.push(() => { const t = clone(st); t.s[1] = 'SENT'; put(t, 'A', 'B', { k: 'hop', hop: 1, step: 0 }); return t; });
  }
  if (st.secondFailures > 0) {
    for (const link of ['AC', 'CB'] as const) {
      if (st.link[link] !== 'up') continue;
      for (const failure of LINK_STATES.filter((s) => s !== 'up')) {
        next.push(() => {
          const t = clone(st);
          t.secondFailures--;
          t.link[link] = failure;
          const [x, y] = LINK_ENDS[link];
          if (!directionWorks(failure, true)) t.chan[x + y] = [];
          if (!directionWorks(failure, false)) t.chan[y + x] = [];
          return t;
        });
      }
    }
  }
  return next;
}

function checkAlways(st: State, violations: string[], where: string): void {
  if (st.delivered > 1) violations.push(`${where}: Bob delivered ${st.delivered} times`);
  for (const hop of [1, 2, 3] as const) {
    if (st.s[hop] !== 'HOLD' && senderResponsible(st.s[hop]) && st.r[hop] === 'COMMITTED') {
      violations.push(`${where}: hop ${hop}: sender responsible (${st.s[hop]}) while receiver committed`);
    }
  }
  if (st.report === 'undeliverable' && st.delivered > 0) violations.push(`${where}: Alice told undeliverable but Bob delivered`);
}

function checkFinal(st: State, detourIntact: boolean, violations: string[], where: string): void {
  if (detourIntact) {
    if (st.delivered !== 1) violations.push(`${where}: detour intact but Bob delivered ${st.delivered} times`);
    for (const hop of [1, 2, 3] as const) {
      if (st.r[hop] === 'TENTATIVE') violations.push(`${where}: hop ${hop}: a tentative copy is left`);
      if (st.s[hop] !== 'HOLD' && !senderResponsible(st.s[hop]) && st.r[hop] !== 'COMMITTED') {
        violations.push(`${where}: hop ${hop}: sender handed over (${st.s[hop]}) but receiver ${st.r[hop]}`);
      }
    }
  } else if (st.delivered === 0) {
    // Link and detour gone. Either Alice kept responsibility and was told "undeliverable" (and
    // no tentative copy can ever commit: its sender would answer 'mine'), or the packet is parked
    // in exactly one tentative copy whose sender handed it over (it commits once a path returns),
    // and Alice was told it was handed over.
    const parked = ([1, 2, 3] as const).filter((h) => st.r[h] === 'TENTATIVE' && !senderResponsible(st.s[h]));
    if (st.report === 'undeliverable') {
      if (parked.length > 0) violations.push(`${where}: Alice told undeliverable but hop ${parked[0]} will commit later`);
    } else if (parked.length !== 1 || (st.report !== 'handed-over' && st.report !== 'in-doubt')) {
      violations.push(`${where}: not delivered, Alice told '${st.report}', ${parked.length} parked copies: ${JSON.stringify(st)}`);
    }
  }
}

/** Explores every interleaving from the cut; see the module comment for what is checked. */
export function exploreHandshake(options: ModelOptions): ModelResult {
  const maxDepth = options.maxDepth ?? 64;
  answerRule = options.answer ?? answerQuery;
  const visited = new Set<string>();
  const violations: string[] = [];
  const outcomes: Record<string, number> = {};
  let finalStates = 0;
  let maxDepthReached = 0;
  const label = `${options.nodes} nodes, cut ${options.cutPoint}, AB ${options.failure}`;
  const stack: Array<{ st: State; depth: number }> = [{ st: initialState(options), depth: 0 }];
  while (stack.length > 0) {
    const { st, depth } = stack.pop()!;
    const key = JSON.stringify(st);
    if (visited.has(key)) continue;
    visited.add(key);
    if (depth > maxDepthReached) maxDepthReached = depth;
    checkAlways(st, violations, label);
    const next = successors(st);
    if (next.length === 0) {
      finalStates++;
      const detourIntact = options.nodes === 3 && st.link.AC === 'up' && st.link.CB === 'up';
      checkFinal(st, detourIntact, violations, label);
      const outcome = `${st.report}/${st.delivered === 1 ? 'delivered' : 'not delivered'}`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      continue;
    }
    if (depth >= maxDepth) {
      violations.push(`${label}: depth bound ${maxDepth} reached`);
      continue;
    }
    for (const make of next) stack.push({ st: make(), depth: depth + 1 });
  }
  return { statesExplored: visited.size, finalStates, violations: [...new Set(violations)], outcomes, maxDepthReached };
}
