import type { NotebookContext } from './context.ts';
import { notebookMessages } from './messages.ts';
import { checkParamDeclarations, type ParamDeclarations, type ParamValues } from './params.ts';

/** What a notebook declares about itself. */
export interface NotebookMeta<P extends ParamDeclarations> {
  /** The page title, also shown on the site index. */
  readonly title: string;
  /** One sentence for the site index. */
  readonly summary?: string;
  /** Parameters with their defaults (or {@link ParamSpec}s); each can be changed with `--param`. */
  readonly params?: P;
  /** The seed for this notebook's random streams; `--seed` replaces it. 0 to 2^53 - 1. */
  readonly seed: number;
}

/** The notebook's code: records cells on `nb`, may be async. */
export type NotebookBody<P extends ParamDeclarations> =
  (nb: NotebookContext, params: ParamValues<P>) => void | Promise<void>;

/** A defined notebook: the default export of a `notebooks/NN-slug.ts` file. */
export interface Notebook<P extends ParamDeclarations = ParamDeclarations> {
  readonly kind: 'chronotope-notebook';
  readonly meta: NotebookMeta<P>;
  readonly body: NotebookBody<P>;
}

/**
 * Defines a notebook. The file's default export; `chronotope run FILE` runs it.
 *
 * @example
 * export default notebook(
 *   { title: 'Light-time', params: { distanceM: 2 }, seed: 1 },
 *   (nb, { distanceM }) => {
 *     nb.md`A ${distanceM} m cable delays a signal by ${distanceM * 5} ns.`;
 *   },
 * );
 */
export function notebook<P extends ParamDeclarations = Record<string, never>>(
  meta: NotebookMeta<P>, body: NotebookBody<P>,
): Notebook<P> {
  if (typeof meta.title !== 'string' || meta.title.trim() === '') throw new Error(notebookMessages.missingTitle());
  if (!isSeed(meta.seed)) throw new Error(notebookMessages.badNotebookSeed(meta.seed));
  checkParamDeclarations(meta.params ?? {});
  return { kind: 'chronotope-notebook', meta, body };
}

/** True for a valid seed: an integer from 0 to 2^53 - 1, what `RandomStream` accepts as a key. */
export function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True when a module's default export is a notebook made by {@link notebook}. */
export function isNotebook(value: unknown): value is Notebook {
  return typeof value === 'object' && value !== null && (value as Notebook).kind === 'chronotope-notebook'
    && typeof (value as Notebook).body === 'function';
}
