import { philox4x32Blocks } from './philox.ts';
import { philox4x32BlocksWasm } from './philox-wasm.ts';

/** The WebAssembly kernel when available, else the TypeScript reference: identical blocks. */
const fillBlocks = philox4x32BlocksWasm ?? philox4x32Blocks;
import { standardNormalPair } from './distributions/normal.ts';
import { exponential } from './distributions/exponential.ts';

const TWO_POW_32 = 4294967296;
/** 2^-53: multiplying by it is exact and faster than dividing by 2^53. */
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;
/** Blocks computed per batch (64 words). */
const BATCH_BLOCKS = 64;

/** High 32 bits of the 64-bit product of two unsigned 32-bit integers (exact, via 16-bit halves). */
function mulHigh32(a: number, b: number): number {
  const aLo = a & 0xffff, aHi = a >>> 16, bLo = b & 0xffff, bHi = b >>> 16;
  const lh = aLo * bHi;
  const hl = aHi * bLo;
  const mid = ((aLo * bLo) >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (aHi * bHi + (lh >>> 16) + (hl >>> 16) + Math.floor(mid / 65536)) >>> 0;
}

function checkId(what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`RandomStream: ${what} must be an integer from 0 to 2^53 - 1, got ${value}`);
  }
}

/**
 * A stream of random numbers that is a pure function of (seed, stream id, counter).
 *
 * Draw number `i` of a stream is word `i mod 4` of the Philox4x32-10 block with counter
 * `(⌊i/4⌋ low, ⌊i/4⌋ high, stream low, stream high)` and key `(seed low, seed high)`. No state is
 * carried between blocks, so:
 * - a worker can start stream 17 at draw 1,000,000 without computing the draws before it
 *   (`new RandomStream(seed, 17, 1_000_000)`), and gets exactly the numbers a single process would;
 * - streams never overlap (each has its own 64-bit counter space);
 * - results cannot depend on worker count, shard count or execution order.
 *
 * Convention: give each independent source of randomness in a model its own stream id (one per
 * link, per oscillator, per noise type, ...) so that adding a source does not shift any other.
 *
 * @example
 * const rng = new RandomStream(42, 0);
 * const u = rng.uniform();       // in [0, 1), 53 random bits
 * const z = rng.normal();        // standard normal
 * const d = rng.exponential(2);  // mean 2
 */
export class RandomStream {
  readonly seed: number;
  readonly streamId: number;
  private readonly key0: number;
  private readonly key1: number;
  private readonly stream0: number;
  private readonly stream1: number;
  /** A batch of BATCH_BLOCKS consecutive blocks, computed together to amortise call overhead. */
  private readonly batch = new Uint32Array(4 * BATCH_BLOCKS);
  /** Block index held in batch[0..3]. */
  private batchStart: number;
  /** Block index the next batch starts at. */
  private nextBlock: number;
  /** Index into `batch` of the next draw; 4·BATCH_BLOCKS means a new batch must be computed. */
  private word: number;
  /** The second value of the last polar-method pair, if not yet used. */
  private spareNormal = NaN;

  constructor(seed: number, streamId: number, counter = 0) {
    checkId('seed', seed);
    checkId('stream id', streamId);
    checkId('counter', counter);
    this.seed = seed;
    this.streamId = streamId;
    this.key0 = seed % TWO_POW_32;
    this.key1 = Math.floor(seed / TWO_POW_32);
    this.stream0 = streamId % TWO_POW_32;
    this.stream1 = Math.floor(streamId / TWO_POW_32);
    const word = counter % 4;
    this.batchStart = (counter - word) / 4;
    this.nextBlock = this.batchStart;
    this.word = 4 * BATCH_BLOCKS;
    if (word !== 0) {
      this.fillBatch();
      this.word = word;
    }
  }

  private fillBatch(): void {
    const firstBlock = this.nextBlock;
    this.batchStart = firstBlock;
    this.nextBlock = firstBlock + BATCH_BLOCKS;
    fillBlocks(
      this.batch, 0, BATCH_BLOCKS, firstBlock % TWO_POW_32, Math.floor(firstBlock / TWO_POW_32),
      this.stream0, this.stream1, this.key0, this.key1,
    );
  }

  /**
   * Index of the next 32-bit draw: pass it to the constructor to resume exactly here. (A normal
   * held back by the polar method is not part of it: resume between pairs.)
   */
  get counter(): number {
    return this.word === 4 * BATCH_BLOCKS ? this.nextBlock * 4 : this.batchStart * 4 + this.word;
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
    if (this.word === 4 * BATCH_BLOCKS) {
      this.fillBatch();
      this.word = 0;
    }
    return this.batch[this.word++];
  }

  /** Uniform on [0, 1) with 53 random bits: (a·2^26 + b) / 2^53, a and b the top 27 and 26 bits of two draws. */
  uniform(): number {
    const a = this.uint32() >>> 5; // 27 bits
    const b = this.uint32() >>> 6; // 26 bits
    return (a * 67108864 + b) * TWO_POW_MINUS_53;
  }

  /** Uniform on (0, 1]: never 0, so safe for logarithms. */
  uniformPositive(): number {
    return 1 - this.uniform();
  }

  /** Uniform on [low, high). */
  uniformRange(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /**
   * Uniform integer in [0, n), without bias: Lemire's multiply-and-reject method
   * ("Fast random integer generation in an interval", ACM TOMACS 29(1), 2019), for n ≤ 2^32.
   */
  uniformInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`uniformInt: n must be an integer from 1 to 2^32, got ${n}`);
    if (n === TWO_POW_32) return this.uint32();
    const x = this.uint32();
    // The 64-bit product x·n: its high word is the candidate, its low word decides rejection.
    let low = Math.imul(x, n) >>> 0;
    if (low < n) {
      // Only now is the exact threshold 2^32 mod n needed (Lemire's trick: usually skipped).
      const threshold = (TWO_POW_32 - n) % n;
      let y = x;
      while (low < threshold) {
        y = this.uint32();
        low = Math.imul(y, n) >>> 0;
      }
      return mulHigh32(y, n);
    }
    return mulHigh32(x, n);
  }

  /** Standard normal N(0, 1) by Marsaglia's polar method (see distributions/normal.ts). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = NaN;
      return z;
    }
    const pair = standardNormalPair(this);
    this.spareNormal = pair[1];
    return pair[0];
  }

  /** Normal with the given mean and standard deviation. */
  gaussian(mean: number, standardDeviation: number): number {
    return mean + standardDeviation * this.normal();
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return exponential(this, mean);
  }

  /** Fills `out` with standard normals, in the order `normal()` would return them. */
  fillNormal(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.normal();
    return out;
  }

  /** Fills `out` with uniforms on [0, 1). */
  fillUniform(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.uniform();
    return out;
  }
}
