/*
 * The clock-ensemble and heartbeat-QoS kernels of src/kernel/README.md in C with 128-bit SSE2
 * vectors: the "c128" column of `chronotope bench kernel`, which builds this file with the system
 * compiler (gcc -O3 -msse2 -ffp-contract=off). Lane for lane the same arithmetic as the
 * WebAssembly SIMD build (Philox4x32-10 on four 32-bit lanes with _mm_mul_epu32, f64 pairs), so it
 * also checks the README: the benchmark compares its results with the TypeScript reference.
 *
 * usage: kernel-c128 clock LANES STEPS SYNC K0 K1 TASK TAU WHITE WALK Y0 ASYM JITTER GAIN INVT LOW INVB BINS REPEATS
 *        kernel-c128 heartbeat LANES PERIODS WINDOW K0 K1 TASK ETA DELTA MEAN LOSS REPEATS
 * prints: best CPU seconds per run, then checksums as the 64-bit patterns of doubles (hex).
 */
#include <emmintrin.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static __m128i P0, P1, P2, P3;

static inline void mulhilo(__m128i x, __m128i m, __m128i *lo, __m128i *hi) {
  __m128i even = _mm_mul_epu32(x, m);                     /* lanes 0, 2 as 64-bit products */
  __m128i odd = _mm_mul_epu32(_mm_srli_epi64(x, 32), m);  /* lanes 1, 3 */
  *lo = _mm_unpacklo_epi32(_mm_shuffle_epi32(even, _MM_SHUFFLE(2, 0, 2, 0)), _mm_shuffle_epi32(odd, _MM_SHUFFLE(2, 0, 2, 0)));
  *hi = _mm_unpacklo_epi32(_mm_shuffle_epi32(even, _MM_SHUFFLE(3, 1, 3, 1)), _mm_shuffle_epi32(odd, _MM_SHUFFLE(3, 1, 3, 1)));
}

static inline void philox4(uint32_t c0, uint32_t c1, uint32_t lane, uint32_t c3, uint32_t k0, uint32_t k1) {
  const __m128i m0 = _mm_set1_epi32((int)0xd2511f53u), m1 = _mm_set1_epi32((int)0xcd9e8d57u);
  __m128i x0 = _mm_set1_epi32((int)c0), x1 = _mm_set1_epi32((int)c1);
  __m128i x2 = _mm_add_epi32(_mm_set1_epi32((int)lane), _mm_set_epi32(3, 2, 1, 0));
  __m128i x3 = _mm_set1_epi32((int)c3);
  uint32_t key0 = k0, key1 = k1;
  for (int round = 0; round < 10; round++) {
    __m128i lo0, hi0, lo1, hi1;
    mulhilo(x0, m0, &lo0, &hi0);
    mulhilo(x2, m1, &lo1, &hi1);
    __m128i y0 = _mm_xor_si128(_mm_xor_si128(hi1, x1), _mm_set1_epi32((int)key0));
    __m128i y2 = _mm_xor_si128(_mm_xor_si128(hi0, x3), _mm_set1_epi32((int)key1));
    x1 = lo1; x3 = lo0; x0 = y0; x2 = y2;
    key0 += 0x9e3779b9u; key1 += 0xbb67ae85u;
  }
  P0 = x0; P1 = x1; P2 = x2; P3 = x3;
}

static inline __m128i high(__m128i v) { return _mm_shuffle_epi32(v, _MM_SHUFFLE(3, 2, 3, 2)); }
static inline __m128d select_pd(__m128i mask, __m128d a, __m128d b) {
  return _mm_or_pd(_mm_and_pd(_mm_castsi128_pd(mask), a), _mm_andnot_pd(_mm_castsi128_pd(mask), b));
}

/* u53 of the low two 32-bit lanes of a, b (the shifted words fit int32: signed convert is exact). */
static inline __m128d u53x2(__m128i a, __m128i b) {
  __m128d h = _mm_cvtepi32_pd(_mm_srli_epi32(a, 5)), l = _mm_cvtepi32_pd(_mm_srli_epi32(b, 6));
  return _mm_mul_pd(_mm_add_pd(_mm_add_pd(_mm_mul_pd(h, _mm_set1_pd(67108864.0)), l), _mm_set1_pd(0.5)), _mm_set1_pd(1.1102230246251565e-16));
}

#define LN2_HI 6.93147180369123816490e-01
#define LN2_LO 1.90821492927058770002e-10
#define LG1 6.666666666666735130e-01
#define LG2 3.999999999940941908e-01
#define LG3 2.857142874366239149e-01
#define LG4 2.222219843214978396e-01
#define LG5 1.818357216161805012e-01
#define LG6 1.531383769920937332e-01
#define LG7 1.479819860511658591e-01
#define S(x) _mm_set1_pd(x)

/* fdlibm log of two positive normal doubles, branches as selects (README "SIMD layout"). */
static inline __m128d log2lanes(__m128d x) {
  __m128i bits = _mm_castpd_si128(x);
  __m128i hx = _mm_srli_epi64(bits, 32); /* x > 0: logical = arithmetic shift */
  __m128i k = _mm_sub_epi64(_mm_srli_epi64(hx, 20), _mm_set1_epi64x(1023));
  hx = _mm_and_si128(hx, _mm_set1_epi64x(0xfffff));
  __m128i i = _mm_and_si128(_mm_add_epi64(hx, _mm_set1_epi64x(0x95f64)), _mm_set1_epi64x(0x100000));
  __m128i newHigh = _mm_or_si128(hx, _mm_xor_si128(i, _mm_set1_epi64x(0x3ff00000)));
  __m128d xr = _mm_castsi128_pd(_mm_or_si128(_mm_slli_epi64(newHigh, 32), _mm_and_si128(bits, _mm_set1_epi64x(0xffffffff))));
  k = _mm_add_epi64(k, _mm_srli_epi64(i, 20));
  __m128d f = _mm_sub_pd(xr, S(1.0));
  __m128d dk = _mm_cvtepi32_pd(_mm_shuffle_epi32(k, _MM_SHUFFLE(2, 0, 2, 0)));
  __m128i small = _mm_shuffle_epi32(_mm_cmplt_epi32(_mm_and_si128(_mm_add_epi32(hx, _mm_set1_epi32(2)), _mm_set1_epi32(0xfffff)), _mm_set1_epi32(3)), _MM_SHUFFLE(2, 2, 0, 0));
  __m128i bandOr = _mm_or_si128(_mm_sub_epi32(hx, _mm_set1_epi32(0x6147a)), _mm_sub_epi32(_mm_set1_epi32(0x6b851), hx));
  __m128i band = _mm_shuffle_epi32(_mm_cmpgt_epi32(bandOr, _mm_setzero_si128()), _MM_SHUFFLE(2, 2, 0, 0));
  __m128d dkHi = _mm_mul_pd(dk, S(LN2_HI)), dkLo = _mm_mul_pd(dk, S(LN2_LO));
  __m128d rSmall = _mm_mul_pd(_mm_mul_pd(f, f), _mm_sub_pd(S(0.5), _mm_mul_pd(S(0.33333333333333333), f)));
  __m128d smallResult = _mm_sub_pd(dkHi, _mm_sub_pd(_mm_sub_pd(rSmall, dkLo), f));
  __m128d s = _mm_div_pd(f, _mm_add_pd(S(2.0), f));
  __m128d z = _mm_mul_pd(s, s), w = _mm_mul_pd(z, z);
  __m128d t1 = _mm_mul_pd(w, _mm_add_pd(S(LG2), _mm_mul_pd(w, _mm_add_pd(S(LG4), _mm_mul_pd(w, S(LG6))))));
  __m128d t2 = _mm_mul_pd(z, _mm_add_pd(S(LG1), _mm_mul_pd(w, _mm_add_pd(S(LG3), _mm_mul_pd(w, _mm_add_pd(S(LG5), _mm_mul_pd(w, S(LG7))))))));
  __m128d r = _mm_add_pd(t2, t1);
  __m128d hfsq = _mm_mul_pd(_mm_mul_pd(S(0.5), f), f);
  __m128d bandResult = _mm_sub_pd(dkHi, _mm_sub_pd(_mm_sub_pd(hfsq, _mm_add_pd(_mm_mul_pd(s, _mm_add_pd(hfsq, r)), dkLo)), f));
  __m128d plainResult = _mm_sub_pd(dkHi, _mm_sub_pd(_mm_sub_pd(_mm_mul_pd(s, _mm_sub_pd(f, r)), dkLo), f));
  return select_pd(small, smallResult, select_pd(band, bandResult, plainResult));
}

#define S1 -1.66666666666666324348e-01
#define S2 8.33333333332248946124e-03
#define S3 -1.98412698298579493134e-04
#define S4 2.75573137070700676789e-06
#define S5 -2.50507602534068634195e-08
#define S6 1.58969099521155010221e-10
#define C1 4.16666666666666019037e-02
#define C2 -1.38888888888741095749e-03
#define C3 2.48015872894767294178e-05
#define C4 -2.75573143513906633035e-07
#define C5 2.08757232129817482790e-09
#define C6 -1.13596475577881948265e-11
#define PIO2 1.57079632679489655800e+00

static __m128d N0, N1;

/* Box–Muller pair of the low two lanes of a, b, c. */
static inline void normalPair2(__m128i a, __m128i b, __m128i c) {
  __m128d radius = _mm_sqrt_pd(_mm_mul_pd(S(-2.0), log2lanes(u53x2(a, b))));
  __m128i q = _mm_srli_epi32(c, 30);
  __m128d frac = _mm_cvtepi32_pd(_mm_and_si128(c, _mm_set1_epi32(0x3fffffff)));
  __m128d phi = _mm_mul_pd(_mm_sub_pd(_mm_mul_pd(_mm_add_pd(frac, S(0.5)), S(9.313225746154785e-10)), S(0.5)), S(PIO2));
  __m128d z = _mm_mul_pd(phi, phi), v = _mm_mul_pd(z, phi);
  __m128d sr = _mm_add_pd(S(S5), _mm_mul_pd(z, S(S6)));
  sr = _mm_add_pd(S(S4), _mm_mul_pd(z, sr));
  sr = _mm_add_pd(S(S3), _mm_mul_pd(z, sr));
  sr = _mm_add_pd(S(S2), _mm_mul_pd(z, sr));
  __m128d sine = _mm_add_pd(phi, _mm_mul_pd(v, _mm_add_pd(S(S1), _mm_mul_pd(z, sr))));
  __m128d cr = _mm_add_pd(S(C5), _mm_mul_pd(z, S(C6)));
  cr = _mm_add_pd(S(C4), _mm_mul_pd(z, cr));
  cr = _mm_add_pd(S(C3), _mm_mul_pd(z, cr));
  cr = _mm_add_pd(S(C2), _mm_mul_pd(z, cr));
  __m128d poly = _mm_mul_pd(z, _mm_add_pd(S(C1), _mm_mul_pd(z, cr)));
  __m128d cosine = _mm_sub_pd(S(1.0), _mm_sub_pd(_mm_mul_pd(S(0.5), z), _mm_mul_pd(z, poly)));
  __m128i one = _mm_set1_epi32(1);
  __m128i odd = _mm_shuffle_epi32(_mm_cmpeq_epi32(_mm_and_si128(q, one), one), _MM_SHUFFLE(1, 1, 0, 0));
  __m128d a1 = select_pd(odd, sine, cosine), b1 = select_pd(odd, cosine, sine);
  __m128i cosSign = _mm_unpacklo_epi32(_mm_setzero_si128(), _mm_slli_epi32(_mm_and_si128(_mm_xor_si128(q, _mm_srli_epi32(q, 1)), one), 31));
  __m128i sinSign = _mm_unpacklo_epi32(_mm_setzero_si128(), _mm_slli_epi32(_mm_srli_epi32(q, 1), 31));
  N0 = _mm_mul_pd(radius, _mm_xor_pd(a1, _mm_castsi128_pd(cosSign)));
  N1 = _mm_mul_pd(radius, _mm_xor_pd(b1, _mm_castsi128_pd(sinSign)));
}

/* CPU time of this process: on a shared machine it counts only our own work (as the JS side does). */
static unsigned long long bits(double x) {
  unsigned long long b;
  memcpy(&b, &x, sizeof b);
  return b;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void clock_ensemble(int lanes, int steps, int syncEvery, uint32_t k0, uint32_t k1, uint32_t task,
    double tauS, double white, double walk, double y0, double asym, double jitter, double gain, double invT,
    double histLow, double invB, int bins, double *xs, double *ys, double *sx, double *sx2, uint32_t *hist, double *spread) {
  for (int g = 0; g < lanes; g += 4) {
    philox4(0, 2, (uint32_t)g, task, k0, k1);
    normalPair2(P0, P1, P2);
    _mm_storeu_pd(ys + g, _mm_mul_pd(S(y0), N0));
    normalPair2(high(P0), high(P1), high(P2));
    _mm_storeu_pd(ys + g + 2, _mm_mul_pd(S(y0), N0));
  }
  memset(xs, 0, sizeof(double) * lanes); memset(sx, 0, sizeof(double) * lanes); memset(sx2, 0, sizeof(double) * lanes);
  memset(hist, 0, sizeof(uint32_t) * bins);
  double spreadMax = 0, spreadSum = 0, lastBin = bins - 1;
  int countdown = syncEvery;
  for (int s = 0; s < steps; s++) {
    int sync = --countdown == 0;
    if (sync) countdown = syncEvery;
    __m128d lowest = S(INFINITY), highest = S(-INFINITY);
    for (int g = 0; g < lanes; g += 4) {
      philox4((uint32_t)s, 0, (uint32_t)g, task, k0, k1);
      __m128i w0 = P0, w1 = P1, w2 = P2, d0 = P0, d1 = P0, d2 = P0, d3 = P0;
      if (sync) { philox4((uint32_t)s, 1, (uint32_t)g, task, k0, k1); d0 = P0; d1 = P1; d2 = P2; d3 = P3; }
      for (int h = 0; h < 2; h++) {
        int o = g + 2 * h;
        normalPair2(h ? high(w0) : w0, h ? high(w1) : w1, h ? high(w2) : w2);
        __m128d y = _mm_add_pd(_mm_loadu_pd(ys + o), _mm_mul_pd(S(walk), N0));
        __m128d x = _mm_add_pd(_mm_loadu_pd(xs + o), _mm_mul_pd(_mm_add_pd(y, _mm_mul_pd(S(white), N1)), S(tauS)));
        __m128d yNext = y;
        if (sync) {
          __m128d fwd = log2lanes(h ? u53x2(high(d0), high(d1)) : u53x2(d0, d1));
          __m128d bwd = log2lanes(h ? u53x2(high(d2), high(d3)) : u53x2(d2, d3));
          __m128d measured = _mm_add_pd(x, _mm_mul_pd(_mm_add_pd(S(asym), _mm_mul_pd(S(jitter), _mm_sub_pd(bwd, fwd))), S(0.5)));
          x = _mm_sub_pd(x, measured);
          yNext = _mm_sub_pd(y, _mm_mul_pd(_mm_mul_pd(S(gain), measured), S(invT)));
        }
        _mm_storeu_pd(xs + o, x);
        _mm_storeu_pd(ys + o, yNext);
        _mm_storeu_pd(sx + o, _mm_add_pd(_mm_loadu_pd(sx + o), x));
        _mm_storeu_pd(sx2 + o, _mm_add_pd(_mm_loadu_pd(sx2 + o), _mm_mul_pd(x, x)));
        double t[2];
        _mm_storeu_pd(t, _mm_mul_pd(_mm_sub_pd(x, S(histLow)), S(invB)));
        for (int l = 0; l < 2; l++) {
          double b = floor(t[l]);
          b = b < 0 ? 0 : b;
          b = b > lastBin ? lastBin : b;
          hist[(int)b]++;
        }
        lowest = _mm_min_pd(x, lowest);   /* x < lowest ? x : lowest */
        highest = _mm_max_pd(x, highest); /* x > highest ? x : highest */
      }
    }
    double lo[2], hi[2];
    _mm_storeu_pd(lo, lowest); _mm_storeu_pd(hi, highest);
    double width = (hi[0] < hi[1] ? hi[1] : hi[0]) - (lo[1] < lo[0] ? lo[1] : lo[0]);
    spreadMax = width > spreadMax ? width : spreadMax;
    spreadSum += width;
  }
  spread[0] = spreadMax; spread[1] = spreadSum;
}

static void heartbeat(int lanes, int periods, int window, uint32_t k0, uint32_t k1, uint32_t task,
    double eta, double delta, double mean, uint32_t lossThreshold, double *ring, double *suspect, double *mistakes, double *previous) {
  memset(suspect, 0, sizeof(double) * lanes); memset(mistakes, 0, sizeof(double) * lanes); memset(previous, 0, sizeof(double) * lanes);
  const __m128i flip = _mm_set1_epi32((int)0x80000000u); /* unsigned compare via signed after flipping the sign bit */
  const __m128i threshold = _mm_xor_si128(_mm_set1_epi32((int)lossThreshold), flip);
  int total = periods + window - 1;
  for (int j = 0; j < total; j++) {
    int slot = j % window, period = j - window + 1;
    for (int g = 0; g < lanes; g += 4) {
      philox4((uint32_t)j, 0, (uint32_t)g, task, k0, k1);
      __m128i lost4 = _mm_cmplt_epi32(_mm_xor_si128(P0, flip), threshold);
      __m128i w1 = P1, w2 = P2;
      for (int h = 0; h < 2; h++) {
        int o = g + 2 * h;
        __m128i lost = _mm_shuffle_epi32(h ? high(lost4) : lost4, _MM_SHUFFLE(1, 1, 0, 0));
        __m128d u = h ? u53x2(high(w1), high(w2)) : u53x2(w1, w2);
        __m128d delay = select_pd(lost, S(INFINITY), _mm_xor_pd(_mm_mul_pd(S(mean), log2lanes(u)), S(-0.0)));
        _mm_storeu_pd(ring + slot * lanes + o, delay);
        if (period >= 0) {
          __m128d earliest = S(INFINITY);
          for (int k = 0; k < window; k++) {
            int at = (period + k) % window;
            earliest = _mm_min_pd(earliest, _mm_add_pd(S((double)k * eta), _mm_loadu_pd(ring + at * lanes + o)));
          }
          __m128d late = _mm_sub_pd(earliest, S(delta));
          _mm_storeu_pd(suspect + o, _mm_add_pd(_mm_loadu_pd(suspect + o), _mm_min_pd(_mm_max_pd(late, S(0.0)), S(eta))));
          if (period >= 1) {
            __m128d mistake = _mm_and_pd(_mm_cmplt_pd(_mm_sub_pd(_mm_loadu_pd(previous + o), S(delta)), S(eta)), _mm_cmpgt_pd(late, S(0.0)));
            _mm_storeu_pd(mistakes + o, _mm_add_pd(_mm_loadu_pd(mistakes + o), _mm_and_pd(S(1.0), mistake)));
          }
          _mm_storeu_pd(previous + o, earliest);
        }
      }
    }
  }
}

int main(int argc, char **argv) {
  if (argc >= 20 && strcmp(argv[1], "clock") == 0) {
    int lanes = atoi(argv[2]), steps = atoi(argv[3]), sync = atoi(argv[4]);
    uint32_t k0 = (uint32_t)strtoul(argv[5], 0, 10), k1 = (uint32_t)strtoul(argv[6], 0, 10), task = (uint32_t)strtoul(argv[7], 0, 10);
    double p[10];
    for (int i = 0; i < 10; i++) p[i] = strtod(argv[8 + i], 0);
    int bins = atoi(argv[18]), repeats = atoi(argv[19]);
    double *xs = malloc(8 * lanes), *ys = malloc(8 * lanes), *sx = malloc(8 * lanes), *sx2 = malloc(8 * lanes), spread[2];
    uint32_t *hist = malloc(4 * bins);
    double best = INFINITY;
    for (int r = 0; r < repeats; r++) {
      double t0 = now();
      clock_ensemble(lanes, steps, sync, k0, k1, task, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], bins, xs, ys, sx, sx2, hist, spread);
      double t = now() - t0;
      best = t < best ? t : best;
    }
    double sumSquares = 0;
    for (int i = 0; i < lanes; i++) sumSquares += sx2[i];
    printf("%.9f %016llx %016llx %016llx\n", best, bits(sumSquares), bits(spread[0]), bits(spread[1]));
    return 0;
  }
  if (argc >= 13 && strcmp(argv[1], "heartbeat") == 0) {
    int lanes = atoi(argv[2]), periods = atoi(argv[3]), window = atoi(argv[4]);
    uint32_t k0 = (uint32_t)strtoul(argv[5], 0, 10), k1 = (uint32_t)strtoul(argv[6], 0, 10), task = (uint32_t)strtoul(argv[7], 0, 10);
    double eta = strtod(argv[8], 0), delta = strtod(argv[9], 0), mean = strtod(argv[10], 0);
    uint32_t loss = (uint32_t)strtoul(argv[11], 0, 10);
    int repeats = atoi(argv[12]);
    double *ring = malloc(8 * (size_t)lanes * window), *suspect = malloc(8 * lanes), *mistakes = malloc(8 * lanes), *previous = malloc(8 * lanes);
    double best = INFINITY;
    for (int r = 0; r < repeats; r++) {
      double t0 = now();
      heartbeat(lanes, periods, window, k0, k1, task, eta, delta, mean, loss, ring, suspect, mistakes, previous);
      double t = now() - t0;
      best = t < best ? t : best;
    }
    double s = 0, m = 0;
    for (int i = 0; i < lanes; i++) { s += suspect[i]; m += mistakes[i]; }
    printf("%.9f %016llx %016llx\n", best, bits(s), bits(m));
    return 0;
  }
  fprintf(stderr, "usage: see the comment at the top of kernel-c128.c\n");
  return 2;
}
