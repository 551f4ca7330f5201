import type { DataPath } from '../source/load.js';

/** ['work', 1, 'startDate'] → `work[1].startDate` (its own module: the command table uses it without the validator). */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}
