import type { MeshFailures, MeshTopology } from './mesh-model.ts';

/** What happened, as the alternate-path detector (or a scenario's ground truth) names it. */
export const VERDICTS = [
  'none', 'node-crash', 'link-both', 'link-oneway', 'complete-partition', 'partial-partition', 'simplex-partition',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * What node a can learn after its link to b fell silent, by asking through alternate paths:
 * - on the direct link, both ends send a probe; a sees b's probe itself (`directFromB`), and
 *   learns whether b got a's (`directToB`) only if b's answer reaches it some other way;
 * - a sends "do you hear me?" to b over every other route; b, alive, answers over every route
 *   back: a hears from b iff a path b → a exists (`heardFromB`), and b reports whether a's
 *   question reached it (`bHeardA`, a path a → b);
 * - a asks each common neighbour c (the one-hop triangles a–c–b, "two to tango, three to
 *   party") how its own link to b is: token circulating, silent, or loss of signal;
 * - a's own PHY may report loss of signal from b.
 */
export interface Evidence {
  readonly directFromB: boolean;
  readonly heardFromB: boolean;
  readonly directToB: boolean | undefined;
  readonly bHeardA: boolean | undefined;
  /** Triangles a–c–b where a ↔ c works both ways, and c's view of its link to b. */
  readonly triangles: ReadonlyArray<{ readonly via: number; readonly link: 'up' | 'silent' | 'los' }>;
  readonly lossOfSignal: boolean;
  /** Hops of the shortest alternate route b → a (−1 if none): the verdict's extra latency. */
  readonly returnHops: number;
}

/** Hops on the shortest path from → to over working directions, without the direct link a–b. */
export function alternateHops(mesh: MeshTopology, f: MeshFailures, from: number, to: number, a: number, b: number): number {
  const dist = new Int32Array(mesh.nodeCount).fill(-1);
  dist[from] = 0;
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head];
    if (x === to) return dist[x];
    for (const y of mesh.neighbours(x)) {
      if (dist[y] >= 0 || !f.works(x, y)) continue;
      if ((x === a && y === b) || (x === b && y === a)) continue;
      dist[y] = dist[x] + 1;
      queue.push(y);
    }
  }
  return -1;
}

/** Collects what a can learn about b (the messages of `Evidence` travelling as they would). */
export function gatherEvidence(mesh: MeshTopology, f: MeshFailures, a: number, b: number): Evidence {
  const directFromB = f.works(b, a);
  const returnHops = directFromB ? 1 : alternateHops(mesh, f, b, a, a, b);
  const heardFromB = returnHops >= 0;
  const forwardHops = alternateHops(mesh, f, a, b, a, b);
  const triangles: Array<{ via: number; link: 'up' | 'silent' | 'los' }> = [];
  const nb = new Set(mesh.neighbours(b));
  for (const c of mesh.neighbours(a)) {
    if (c === b || !nb.has(c) || !f.tokenCirculates(a, c)) continue;
    const link = f.tokenCirculates(c, b) ? 'up' : f.lossOfSignal(b, c) ? 'los' : 'silent';
    triangles.push({ via: c, link });
  }
  return {
    directFromB,
    heardFromB,
    directToB: heardFromB ? f.works(a, b) : undefined,
    bHeardA: heardFromB ? forwardHops >= 0 || f.works(a, b) : undefined,
    triangles,
    lossOfSignal: f.lossOfSignal(b, a),
    returnHops,
  };
}

/**
 * The verdict from a's evidence — no clock involved:
 * - b is heard from (directly or around): it is alive.
 *   - the direct link works both ways: a false alarm ('none');
 *   - it works one way: 'link-oneway' if a's question still reached b around it, else
 *     'simplex-partition' (a's side can send nothing to b's at all, Alquraan et al. §2);
 *   - it is dead both ways: 'link-both' if some one-hop triangle a–c–b carries traffic both ways,
 *     'partial-partition' if only a longer detour joins them (a third group reaches both), and
 *     'simplex-partition' if b cannot hear a's side at all.
 * - b is never heard from: 'complete-partition' when most of the PHYs looking at b (a's own and
 *   the triangles') report loss of signal — the lines are broken, b may be alive on the other
 *   side; else 'node-crash' — b's PHYs are up but nothing comes out of it.
 * Limits, shown in the confusion matrix rather than hidden: a complete partition made of
 * *silent* failures looks like a crash, and a simplex partition that lets a's side send but not
 * hear looks like a complete one (a learns nothing from b either way).
 */
export function classify(e: Evidence): Verdict {
  if (e.heardFromB) {
    const toB = e.directToB === true;
    if (e.directFromB && toB) return 'none';
    if (e.directFromB !== toB) return e.bHeardA ? 'link-oneway' : 'simplex-partition';
    if (!e.bHeardA) return 'simplex-partition';
    return e.triangles.some((t) => t.link === 'up') ? 'link-both' : 'partial-partition';
  }
  // Broken lines all around b mean b was cut off; one broken line next to a silent b is an
  // older fault beside a crash. A majority of the PHYs that look at b (a's and the triangles')
  // decides.
  const views = [e.lossOfSignal, ...e.triangles.map((t) => t.link === 'los')];
  const broken = views.filter((v) => v).length;
  return 2 * broken > views.length ? 'complete-partition' : 'node-crash';
}

/**
 * What a timeout-based detector can say in the same situation: it sees only that b went silent
 * on the path it watches, so every silence is "b crashed".
 */
export function classifyByTimeout(mesh: MeshTopology, f: MeshFailures, a: number, b: number): Verdict {
  void mesh;
  return f.works(b, a) && f.works(a, b) ? 'none' : 'node-crash';
}
