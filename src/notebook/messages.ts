/**
 * Every message the notebook runtime shows a user or a notebook author, in one place (as
 * `src/cli/messages.ts` does for the CLI), so wording stays consistent and each can be tested.
 */
export const notebookMessages = {
  badIdPrefix: (prefix: string) =>
    `plotToSvg: idPrefix '${prefix}' must start with a letter and use only letters, digits, '-' and '_'`,
  figureNotSvg: () =>
    'plotToSvg: Plot returned a <figure>, not an <svg>: drop the title, subtitle, caption and color legend options (put them in the notebook text) so the figure is a standalone SVG',
} as const;
