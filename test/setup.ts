// Loaded before every test file (see test/run-all.js).
// fast-check draws a new random seed on each run by default; CI must be reproducible, so the seed
// is fixed. Set FC_SEED to explore other cases locally: FC_SEED=123 npm test.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261121) });
