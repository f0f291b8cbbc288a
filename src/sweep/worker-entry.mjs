// Piscina's worker file. In an installed package the task runner is compiled JavaScript beside
// this file; in the repository it is TypeScript, and worker threads do not inherit the main
// thread's tsx registration, so register tsx here first.
import { existsSync } from 'node:fs';

const compiled = new URL('./worker.js', import.meta.url);
let runner;
if (existsSync(compiled)) {
  runner = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  runner = await import('./worker.ts');
}
export default runner.runSweepTask;
