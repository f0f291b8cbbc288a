import { register } from 'node:module';

let registered = false;

/**
 * Registers `notebook-hooks` once per process, so notebooks load from any folder (see that
 * file). `entry` is the module a notebook's `import ... from 'chronotope'` should get when the
 * notebook's own folder has no chronotope installed: the public API of the running copy.
 */
export function registerNotebookHooks(): void {
  if (registered) return;
  registered = true;
  const hooks = new URL(import.meta.url.endsWith('.ts') ? './notebook-hooks.ts' : './notebook-hooks.js', import.meta.url);
  const entryUrl = new URL(import.meta.url.endsWith('.ts') ? '../index.ts' : '../index.js', import.meta.url).href;
  const packageJsonUrl = new URL('../../package.json', import.meta.url).href; // src/ or dist/ sit at the root
  register(hooks, { data: { entryUrl, packageJsonUrl } });
}
