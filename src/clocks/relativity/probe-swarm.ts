import { SPEED_OF_LIGHT_M_PER_S } from '../../core/units/index.ts';
import { ntpOffset } from '../sync/ntp/on-wire.ts';
import { lorentzFactor } from './time-dilation.ts';

/**
 * A two-way time transfer between two probes of a swarm cruising at speed v (to Proxima
 * Centauri at 0.2 c, say), B a proper distance L ahead of A along the motion, computed in the
 * Earth's frame: the probes' clocks run at 1/γ and read the same at equal Earth time; light
 * from A catches B after (L/γ)/(c − v), light from B meets A after (L/γ)/(c + v).
 *
 * The exchange (NTP's on-wire formula) then reports B ahead by exactly vL/c² — the relativity of
 * simultaneity: clocks equal in the Earth's frame are not equal in the swarm's. After B corrects,
 * the pair is Einstein-synchronised in its own rest frame, which is the only synchronisation
 * two-way exchanges can reach (the one-way-delay property, with the asymmetry made by motion).
 */
export interface SwarmExchange {
  /** Proper times (s) of the four stamps: A sends, B receives, B replies, A receives. */
  readonly t1: number;
  readonly t2: number;
  readonly t3: number;
  readonly t4: number;
  /** θ = B − A as the exchange reports it, s. */
  readonly offsetS: number;
  /** vL/c², the simultaneity offset, s. */
  readonly simultaneityS: number;
  readonly gamma: number;
}

export function swarmExchange(separationM: number, speedFraction: number, sendEarthS = 0, turnaroundS = 0): SwarmExchange {
  const c = SPEED_OF_LIGHT_M_PER_S;
  const v = speedFraction * c;
  const gamma = lorentzFactor(v);
  const earthSeparation = separationM / gamma; // length contraction
  const tSend = sendEarthS;
  const tArrive = tSend + earthSeparation / (c - v);
  const tReply = tArrive + turnaroundS * gamma;
  const tBack = tReply + earthSeparation / (c + v);
  const t = { t1: tSend / gamma, t2: tArrive / gamma, t3: tReply / gamma, t4: tBack / gamma };
  return { ...t, offsetS: ntpOffset(t), simultaneityS: (v * separationM) / (c * c), gamma };
}
