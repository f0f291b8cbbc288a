import { InputError } from '../../core/errors.ts';
import { phyMessages } from './messages.ts';
import { SPEED_OF_LIGHT_M_PER_S } from '../../core/units/index.ts';

export type MediumName = 'fiber' | 'dac' | 'pcb' | 'vacuum';
export const MEDIUM_NAMES: readonly MediumName[] = ['fiber', 'dac', 'pcb', 'vacuum'];


export interface Medium {
  readonly name: MediumName;
  /** Group index n_g (or 1/velocity factor): propagation delay = n_g / c. */
  readonly groupIndex: number;
  readonly source: string;
}

/**
 * Propagation by medium. IEEE 802.3 does not fix these; each comes from the medium's physics:
 * - fiber: single-mode fibre, effective group index 1.4682 at 1550 nm (Corning SMF-28 Ultra
 *   product information sheet; 1.4676 at 1310 nm): 4.90 ns/m.
 * - dac: twin-axial copper direct-attach cable, velocity factor 0.70 (1/0.70 = 1.4286), typical of
 *   the foamed-dielectric twinax in DAC assemblies (velocity factor = 1/√εr): 4.77 ns/m.
 * - pcb: FR-4 stripline, εr = 4.3 at 1 GHz; delay = √εr / c (Johnson & Graham, "High-Speed
 *   Digital Design", 1993, §5.4): 6.92 ns/m.
 * - vacuum: c exactly: 3.336 ns/m (free-space optics, the lower bound).
 */
export const MEDIA: Readonly<Record<MediumName, Medium>> = {
  fiber: { name: 'fiber', groupIndex: 1.4682, source: 'Corning SMF-28 Ultra, group index at 1550 nm' },
  dac: { name: 'dac', groupIndex: 1 / 0.7, source: 'twinax velocity factor 0.70' },
  pcb: { name: 'pcb', groupIndex: Math.sqrt(4.3), source: 'FR-4 stripline, εr = 4.3' },
  vacuum: { name: 'vacuum', groupIndex: 1, source: 'SI definition of the metre' },
};

export function medium(name: string): Medium {
  if (!Object.hasOwn(MEDIA, name)) throw new InputError(phyMessages.unknownMedium(name, MEDIUM_NAMES));
  return MEDIA[name as MediumName];
}

/** Propagation delay per metre in ns. */
export function nsPerMetre(m: Medium): number {
  return (m.groupIndex / SPEED_OF_LIGHT_M_PER_S) * 1e9;
}

/** Propagation delay of a cable in picoseconds (a real number; simulations round it once per link). */
export function propagationPs(m: Medium, lengthM: number): number {
  if (!(Number.isFinite(lengthM) && lengthM >= 0)) throw new InputError(phyMessages.badLength(lengthM));
  return lengthM * nsPerMetre(m) * 1000;
}

/** Parses a length such as '2', '2m', '30cm', '5mm', '0.5 m' into metres; negative or malformed is bad input. */
export function parseLengthM(text: string): number {
  const match = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(m|cm|mm|km)?\s*$/.exec(text);
  if (!match) throw new InputError(phyMessages.badLength(text));
  const scale = { m: 1, cm: 0.01, mm: 0.001, km: 1000 }[match[2] ?? 'm'] as number;
  const metres = Number(match[1]) * scale;
  if (!(Number.isFinite(metres) && metres >= 0)) throw new InputError(phyMessages.badLength(text));
  return metres;
}
