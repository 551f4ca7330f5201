/** The most columns a line of src/ may have. */
export const MAX_COLUMNS: number;
/** Every line of `text` over `max` columns, as `file:line:col: error: …` (col: the first column past the limit). */
export function longLines(file: string, text: string, max?: number): string[];
/** The over-long lines of every source file in `root`/src (src/generated/ left out), paths relative to `root`. */
export function checkTree(root: string): string[];
