/**
 * NTP on-wire calculations, RFC 5905 §8 (the text, not Appendix A's sample code, which has known
 * errors). A client sends at T1 (its clock), the server receives at T2 and replies at T3 (server
 * clock), the client receives at T4 (its clock). Then
 *   offset θ = ((T2 − T1) + (T3 − T4)) / 2,    delay δ = (T4 − T1) − (T3 − T2).
 * θ is the server's clock minus the client's. With one-way delays d_fwd and d_ret and true offset
 * θ0, θ = θ0 + (d_fwd − d_ret)/2: the error is half the path asymmetry, and |θ − θ0| ≤ δ/2.
 */
export interface NtpTimestamps {
  readonly t1: number;
  readonly t2: number;
  readonly t3: number;
  readonly t4: number;
}

/** θ: server clock minus client clock (same unit as the timestamps). */
export function ntpOffset({ t1, t2, t3, t4 }: NtpTimestamps): number {
  return ((t2 - t1) + (t3 - t4)) / 2;
}

/** δ: round-trip delay, the server's holding time removed. */
export function ntpDelay({ t1, t2, t3, t4 }: NtpTimestamps): number {
  return (t4 - t1) - (t3 - t2);
}

/**
 * Sample dispersion ε0 = ρ_client + ρ_server + PHI·(T4 − T1), RFC 5905 §8 (seconds): the two
 * precisions plus the frequency tolerance accumulated over the exchange.
 */
export function ntpSampleDispersion(t: NtpTimestamps, clientPrecisionS: number, serverPrecisionS: number): number {
  return clientPrecisionS + serverPrecisionS + NTP_PHI * (t.t4 - t.t1);
}

/** PHI, the frequency tolerance 15 ppm (RFC 5905 §7.2, Figure 7 "PHI 15e-6 s/s"). */
export const NTP_PHI = 15e-6;
/** MAXDISP, the maximum dispersion, 16 s (RFC 5905 §7.2). */
export const NTP_MAXDISP = 16;
/** Precision 2^log2 seconds (RFC 5905 §7.3: the precision field is a signed log2 of seconds). */
export function ntpPrecisionS(log2: number): number {
  return 2 ** log2;
}
