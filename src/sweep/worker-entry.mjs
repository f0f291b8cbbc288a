// Piscina's worker file: worker threads do not inherit the main thread's tsx registration, so
// register it here, then load the TypeScript task runner.
import { register } from 'tsx/esm/api';

register();
const { runSweepTask } = await import('./worker.ts');
export default runSweepTask;
