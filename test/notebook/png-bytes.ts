/** The 8-byte signature every PNG starts with (PNG spec, ISO/IEC 15948:2004, section 5.2). */
export const pngSignature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** True when `bytes` starts with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return pngSignature.every((b, i) => bytes[i] === b);
}

/** Width and height from the IHDR chunk, which must come first (PNG spec, section 11.2.2). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
