// Prints, as JSON, draws of every distribution from streams resumed at counters around the
// 64-block batch boundaries. Run twice by distributions.test.ts: once with the WebAssembly Philox,
// once with CHRONOTOPE_NO_WASM=1 (the choice is made when philox-wasm.ts loads).
import { RandomStream } from '../../../src/core/random/stream.ts';
import { exponential } from '../../../src/core/random/distributions/exponential.ts';
import { logNormal } from '../../../src/core/random/distributions/lognormal.ts';
import { pareto } from '../../../src/core/random/distributions/pareto.ts';
import { philox4x32BlocksWasm } from '../../../src/core/random/philox-wasm.ts';

const out: (number | string)[] = [philox4x32BlocksWasm === null ? 'ts' : 'wasm'];
for (const counter of [0, 1, 255, 256, 257, 2 ** 40 + 3]) {
  const rng = new RandomStream(2 ** 41 + 9, 6, counter);
  for (let i = 0; i < 300; i++) {
    out.push(rng.uint32(), rng.uniform(), rng.uniformInt(3 * 2 ** 30), rng.normal(), exponential(rng, 1));
    out.push(logNormal(rng, 0.1, 2), pareto(rng, 1, 1.5));
  }
  out.push(rng.counter);
}
console.log(JSON.stringify(out));
