/**
 * Writes the sample logs in this folder: synthetic, made by chronotope (not recorded on a real
 * machine), each line laid out as its tool's documentation says (README.md here names the pages).
 * Deterministic: Philox streams with fixed seeds, so rerunning gives the same bytes.
 * Run: `node --import tsx data/logs/make-sample-logs.ts`.
 */
import { writeFileSync } from 'node:fs';
import { RandomStream } from '../../src/core/random/index.ts';
import { powerLawPhase } from '../../src/oscillators/noise/index.ts';

const dir = new URL('.', import.meta.url).pathname;
const rng = new RandomStream(2026, 0);
const pad = (s: string | number, n: number) => String(s).padStart(n);
const sign = (v: number) => (v >= 0 ? `+${v}` : `${v}`);

// ptp4l: 900 one-second summaries. Locked offsets: white PM (σ ≈ 4 ns, hardware time stamps
// with 8 ns ticks) on flicker PM; the frequency wanders around −30.6 ppm (a TCXO).
{
  const n = 900;
  const flicker = powerLawPhase({ type: 'fpm', n, seed: 2026, stream: 1, level: { qd: 9 } });
  const freqWalk = powerLawPhase({ type: 'wpm', n, seed: 2026, stream: 2, level: { qd: 1 } });
  const lines = [
    'ptp4l[5017.332]: selected /dev/ptp0 as PTP clock',
    'ptp4l[5017.341]: port 1 (eth3): INITIALIZING to LISTENING on INIT_COMPLETE',
    'ptp4l[5017.342]: port 0 (/var/run/ptp4l): INITIALIZING to LISTENING on INIT_COMPLETE',
    'ptp4l[5018.101]: port 1 (eth3): new foreign master 00a069.fffe.0b552d-1',
    'ptp4l[5022.101]: selected best master clock 00a069.fffe.0b552d',
    'ptp4l[5022.101]: port 1 (eth3): LISTENING to UNCALIBRATED on RS_SLAVE',
  ];
  const startS = 5023.118;
  const unlocked = [-23947, -28867, -32801];
  let freq = -30575;
  for (let i = 0; i < n; i++) {
    const t = (startS + i + 0.0004 * rng.normal()).toFixed(3);
    const delay = Math.round(784 + 3 * rng.normal());
    let offset: number;
    let state: number;
    if (i < 3) { offset = unlocked[i]; state = 0; freq = 0; } else if (i === 3) { offset = -37203; state = 1; freq = 0; } else {
      state = 2;
      offset = Math.round(4 * rng.normal() + flicker[i] + (i < 20 ? -7275 * 0.55 ** (i - 4) : 0));
      freq = Math.round(-30575 + 0.7 * offset + 2 * freqWalk[i]);
    }
    lines.push(`ptp4l[${t}]: master offset ${pad(offset, 10)} s${state} freq ${pad(sign(freq), 7)} path delay ${pad(delay, 9)}`);
    if (i === 6) lines.push(`ptp4l[${t}]: port 1 (eth3): UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED`);
  }
  writeFileSync(`${dir}ptp4l.log`, lines.join('\n') + '\n');
}

// phc2sys: the system clock following the PHC, 300 summaries (software path: σ ≈ 20 ns).
{
  const lines = ['phc2sys[5024.250]: Waiting for ptp4l...'];
  for (let i = 0; i < 300; i++) {
    const t = (5025.251 + i).toFixed(3);
    const state = i === 0 ? 0 : i === 1 ? 1 : 2;
    const offset = i === 0 ? 38411 : i === 1 ? 38502 : Math.round(20 * rng.normal());
    const freq = i < 2 ? 0 : Math.round(-12345 + 0.7 * offset);
    lines.push(`phc2sys[${t}]: CLOCK_REALTIME phc offset ${pad(offset, 9)} s${state} freq ${pad(sign(freq), 7)} delay ${pad(Math.round(567 + 9 * rng.normal()), 6)}`);
  }
  writeFileSync(`${dir}phc2sys.log`, lines.join('\n') + '\n');
}

/** chrony's UTC date and time columns, 'YYYY-MM-DD HH:MM:SS'. */
function chronyTime(s: number): string {
  return new Date(s * 1000).toISOString().replace('T', ' ').slice(0, 19);
}
const exp = (v: number, digits = 3) => v.toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2');
const epoch = Date.UTC(2026, 10, 30, 12, 0, 0) / 1000;
const banner = (header: string) => ['='.repeat(header.length), header, '='.repeat(header.length)];

// chrony tracking.log: one line per clock update, 64 s apart, 120 lines.
{
  const header = '   Date (UTC) Time     IP Address   St   Freq ppm   Skew ppm     Offset L Co  Offset sd Rem. corr. Root delay Root disp. Max. error';
  const lines = banner(header);
  for (let i = 0; i < 120; i++) {
    const offset = 2e-6 * rng.normal() + 1.5e-6 * Math.sin(i / 9);
    lines.push(`${chronyTime(epoch + 64 * i)} 192.0.2.11       2 ${pad((-3.541 + 0.01 * rng.normal()).toFixed(3), 10)} ${pad((0.075).toFixed(3), 10)} ${pad(exp(offset), 10)} N  1 ${exp(3.6e-6)} ${exp(0)} ${exp(3.58e-4)} ${exp(2.1e-5)} ${exp(4.0e-4)}`);
  }
  writeFileSync(`${dir}chrony-tracking.log`, lines.join('\n') + '\n');
}

// chrony measurements.log: two servers polled every 64 s, 100 measurements each.
{
  const header = '   Date (UTC) Time     IP Address   L St 123 567 ABCD  LP RP Score    Offset  Peer del. Peer disp.  Root del. Root disp. Refid     MTxRx';
  const lines = banner(header);
  for (let i = 0; i < 100; i++) {
    for (const [k, ip] of ['192.0.2.11', '198.51.100.7'].entries()) {
      const theta = 4e-6 * rng.normal() - (k === 1 ? 150e-6 : 0);
      const delay = 2.3e-4 + 2e-5 * Math.abs(rng.normal());
      lines.push(`${chronyTime(epoch + 64 * i + 3 * k)} ${ip.padEnd(15)} N  ${k + 1} 111 111 1111   6  6 1.00 ${pad(exp(theta), 10)}  ${exp(delay)}  ${exp(1.6e-5)}  ${exp(1.6e-4)}  ${exp(7.4e-3)} CB00717B  4B D K`);
    }
  }
  writeFileSync(`${dir}chrony-measurements.log`, lines.join('\n') + '\n');
}

// chrony statistics.log: one line per regression, 100 per server.
{
  const header = '   Date (UTC) Time     IP Address    Std dev\'n Est offset  Offset sd  Diff freq   Est skew  Stress  Ns  Bs  Nr  Asym';
  const lines = banner(header);
  for (let i = 0; i < 100; i++) {
    const est = 1.5e-6 * rng.normal();
    lines.push(`${chronyTime(epoch + 64 * i)} 192.0.2.11      ${exp(4.6e-6)} ${pad(exp(est), 10)} ${exp(1.1e-6)} ${pad(exp(3e-8 * rng.normal()), 10)} ${exp(4.4e-6)} ${exp(0.07, 1)}  ${pad(8, 2)}   0   4  0.00`);
  }
  writeFileSync(`${dir}chrony-statistics.log`, lines.join('\n') + '\n');
}

// ntpd peerstats (ntpd 4.2.8 layout with dispersion) and loopstats, MJD 61374 (2026-11-30).
{
  const mjd = 61374;
  const peers: string[] = [];
  const loops: string[] = [];
  for (let i = 0; i < 150; i++) {
    const s = 43200 + 64 * i;
    for (const [k, ip] of ['192.0.2.11', '203.0.113.5'].entries()) {
      const off = 5e-6 * rng.normal() + (k === 1 ? 2.1e-4 : 0);
      peers.push(`${mjd} ${(s + 1.25 * k).toFixed(3)} ${ip} ${k === 0 ? '9614' : '9414'} ${off.toFixed(9)} ${(4.2e-4 + 3e-5 * Math.abs(rng.normal())).toFixed(9)} ${(1.9e-4).toFixed(9)} ${(6e-6).toFixed(9)}`);
    }
    loops.push(`${mjd} ${(s + 0.5).toFixed(3)} ${(3e-6 * rng.normal()).toFixed(9)} ${(13.778 + 0.002 * rng.normal()).toFixed(3)} ${(3.5e-6).toFixed(9)} ${(0.0134).toFixed(6)} 6`);
  }
  writeFileSync(`${dir}ntpd-peerstats`, peers.join('\n') + '\n');
  writeFileSync(`${dir}ntpd-loopstats`, loops.join('\n') + '\n');
}
