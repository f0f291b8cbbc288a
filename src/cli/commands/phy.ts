import {
  elasticBuffer, medium, MEDIUM_NAMES, nsPerMetre, parseLengthM, phyRate, phyReport, RATE_NAMES, checkFrameBytes,
  type FecName,
} from '../../hardware-timing/phy/index.ts';
import type { Command } from '../command.ts';
import { choiceOption, integerOption } from '../options.ts';

const NAME = 'phy';

const usage = `usage: chronotope phy [--rate R] [--frame BYTES] [--cable LENGTH] [--medium M] [--fec F] [--jumbo] [--json]

Timing of one Ethernet frame over one link, per IEEE 802.3: bytes on the wire (preamble, SFD,
minimum gap), time on the wire, maximum frame rate, and the latency of each stage.

options:
  --rate R        ${RATE_NAMES.join(', ')}                                  (default 10G)
  --frame BYTES   frame size, destination address through FCS, 64 to 2000
                  (to 9216 with --jumbo)                                        (default 64)
  --cable LENGTH  cable length: 2, 2m, 30cm, 5mm                               (default 0)
  --medium M      ${MEDIUM_NAMES.join(', ')}                                (default fiber)
  --fec F         none, rs528, rs544                       (default: the rate's usual FEC)
  --jumbo         allow frames up to 9216 bytes (not part of IEEE 802.3)
  --json          print {"wireBytes":…,"frameTimeNs":…,"framesPerSecond":…,"propagationNs":…,"latencyNs":{…}}`;

function fmt(x: number, digits = 3): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

export const phyCommand: Command = {
  name: NAME,
  usage,
  options: {
    rate: { type: 'string' },
    frame: { type: 'string' },
    cable: { type: 'string' },
    medium: { type: 'string' },
    fec: { type: 'string' },
    jumbo: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  run(values) {
    const rate = phyRate(typeof values.rate === 'string' ? values.rate : '10G');
    const jumbo = values.jumbo === true;
    // Any integer parses here; the PHY's own check names the allowed range.
    const frameBytes = checkFrameBytes(integerOption(NAME, 'frame', values.frame, 64), jumbo);
    const m = medium(typeof values.medium === 'string' ? values.medium : 'fiber');
    const lengthM = typeof values.cable === 'string' ? parseLengthM(values.cable) : 0;
    const fec = choiceOption<FecName>(NAME, 'fec', values.fec, ['none', 'rs528', 'rs544'], rate.defaultFec);
    const report = phyReport({ rate, frameBytes, medium: m, lengthM, fec });
    if (values.json === true) {
      const { wireBytes, frameTimeNs, framesPerSecond, propagationNs, latencyNs } = report;
      process.stdout.write(JSON.stringify({ wireBytes, frameTimeNs, framesPerSecond, propagationNs, latencyNs }) + '\n');
      return 0;
    }
    const slip = elasticBuffer(-100, 100, frameBytes);
    const lines = [
      `${rate.name} Ethernet (${rate.clause})`,
      `encoding          ${rate.encoding}, ${rate.lanes} × ${rate.laneBaud / 1e9} GBd, FEC ${fec}`,
      `frame             ${frameBytes} B, on the wire ${report.wireBytes} B (preamble 7 + SFD 1 + gap 12)`,
      `frame time        ${fmt(report.frameTimeNs)} ns`,
      `max frame rate    ${report.framesPerSecond.toFixed(2)} frames/s`,
      `medium            ${m.name}, ${fmt(nsPerMetre(m), 4)} ns/m (${m.source}), cable ${lengthM} m`,
      `latency (ns)      serialisation ${fmt(report.latencyNs.serialisation)}, PCS ${fmt(report.latencyNs.pcs)}, FEC ${fmt(report.latencyNs.fec)}, propagation ${fmt(report.latencyNs.propagation)}`,
      `                  total ${fmt(report.latencyNs.total)}`,
      `clock tolerance   ±100 ppm: at 200 ppm apart, one 4-byte idle column every ${Math.round(slip.framesPerIdleColumn)} frames of this size`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
