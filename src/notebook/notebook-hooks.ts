/**
 * Module hooks (node:module `register`) that let a notebook live in any folder:
 *
 * - **Format.** tsx decides whether a `.ts` file is an ES module or CommonJS from the nearest
 *   package.json, as Node does for `.js`. A notebook in `/tmp/x/` (no package.json) or in a
 *   project whose package.json has no `"type": "module"` was therefore compiled as CommonJS,
 *   and Node's require-of-ESM detection then failed with ERR_REQUIRE_CYCLE_MODULE. Notebooks
 *   are ES modules (`export default notebook(...)`), so TypeScript files outside node_modules
 *   load as ES modules, whatever the package.json beside them says.
 * - **Resolution.** A notebook may import the toolkit by package name (`'chronotope'`), and
 *   the libraries a notebook uses with it (`'@observablehq/plot'`), even where no node_modules
 *   holds them (a folder outside any project, or the repository's own `bin/chronotope` run on
 *   a notebook elsewhere): a bare specifier that does not resolve from the notebook is resolved
 *   from the running chronotope package, and `'chronotope'` itself is its public entry.
 *
 * This file runs in Node's hooks thread: it may import only Node built-ins.
 */
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `register` passes: the running package's root and its public entry, as file URLs. */
export interface NotebookHooksData {
  readonly packageJsonUrl: string;
  readonly entryUrl: string;
}

interface ResolveContext { readonly parentURL?: string; readonly conditions?: readonly string[]; readonly importAttributes?: Record<string, string> }
interface ResolveResult { readonly url: string; readonly format?: string | null; readonly shortCircuit?: boolean; readonly importAttributes?: Record<string, string> }
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<ResolveResult>;

let hooksData: NotebookHooksData | undefined;

export function initialize(data: NotebookHooksData): void {
  hooksData = data;
}

const BARE = /^(?![./]|[a-zA-Z][a-zA-Z0-9+.-]*:)/; // not relative, absolute or a URL (node:, file:)

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve): Promise<ResolveResult> {
  let resolved: ResolveResult;
  try {
    resolved = await nextResolve(specifier, context);
  } catch (error) {
    const fallback = hooksData !== undefined && BARE.test(specifier) ? packageFallback(specifier, context, nextResolve) : undefined;
    if (fallback === undefined) throw error;
    resolved = await fallback.catch(() => { throw error; });
  }
  if (isTypeScriptModuleFile(resolved.url) && resolved.format !== 'module') return { ...resolved, format: 'module' };
  return resolved;
}

function packageFallback(specifier: string, context: ResolveContext, nextResolve: NextResolve): Promise<ResolveResult> {
  const data = hooksData as NotebookHooksData;
  if (specifier === 'chronotope') return Promise.resolve({ url: data.entryUrl, shortCircuit: true });
  return nextResolve(specifier, { ...context, parentURL: data.packageJsonUrl });
}

/**
 * A `.ts` file outside node_modules. TypeScript is written with import/export, so it loads as an
 * ES module even where a package.json says `"type": "commonjs"` (there tsx would make CommonJS of
 * it, which this runner, registering tsx's ES module hooks only, cannot load).
 */
function isTypeScriptModuleFile(url: string): boolean {
  if (!url.startsWith('file:') || !/\.ts$/.test(new URL(url).pathname)) return false;
  return !fileURLToPath(url).includes(`${sep}node_modules${sep}`);
}
