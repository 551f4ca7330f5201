// Fails when a line of src/ (not src/generated/, which scripts/generate.mjs writes) is over 120 columns. Biome's
// formatter keeps code within its lineWidth (biome.jsonc) but never breaks a comment or a string, template or regex
// literal, and reports nothing when one runs long: this is the check for those. Columns are characters (code
// points), so a CJK character or an é counts as one, as an editor shows it. `npm run lint` runs it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_COLUMNS = 120;

/** Every line of `text` over `max` columns, as `file:line:col: error: …` (col: the first column past the limit). */
export function longLines(file, text, max = MAX_COLUMNS) {
  const errors = [];
  text.split('\n').forEach((line, i) => {
    const columns = [...line.replace(/\r$/, '')].length;
    if (columns > max) errors.push(`${file}:${i + 1}:${max + 1}: error: line is ${columns} columns, over ${max}`);
  });
  return errors;
}

/** The .ts and .tsx files under `dir`, sorted, leaving out any directory named in `skip`. */
function sources(dir, skip) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return skip.includes(path) ? [] : sources(path, skip);
      return /\.tsx?$/.test(entry.name) ? [path] : [];
    });
}

/** The over-long lines of every source file in `root`/src, paths relative to `root`. */
export function checkTree(root) {
  const src = join(root, 'src');
  return sources(src, [join(src, 'generated')]).flatMap((path) =>
    longLines(relative(root, path), readFileSync(path, 'utf8')),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const errors = checkTree(fileURLToPath(new URL('..', import.meta.url)));
  for (const error of errors) console.error(error);
  if (errors.length > 0) process.exit(1);
}
