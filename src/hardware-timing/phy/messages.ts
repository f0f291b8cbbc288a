/** Every message the PHY model shows a user: one line naming the value and what was expected. */
export const phyMessages = {
  unknownRate: (rate: string, known: readonly string[]) =>
    `phy: rate expected one of ${known.join(', ')}, got '${rate}'`,
  unknownMedium: (medium: string, known: readonly string[]) =>
    `phy: medium expected one of ${known.join(', ')}, got '${medium}'`,
  badFrame: (bytes: unknown, min: number, max: number, jumbo: boolean) =>
    `phy: frame expected an integer number of bytes from ${min} to ${max}${jumbo ? ' (jumbo)' : ' (--jumbo allows up to 9216)'}, got ${String(bytes)}`,
  badLength: (text: unknown) =>
    `phy: cable length expected a number of metres ≥ 0 (e.g. 2, 2m, 30cm, 5mm), got '${String(text)}'`,
  badPpm: (ppm: unknown) =>
    `phy: clock offset expected a number of ppm from -100 to 100 (IEEE 802.3 tolerance), got ${String(ppm)}`,
} as const;
