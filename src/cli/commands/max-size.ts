import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_LIMITS, parseSize, showSize } from '../../source/limits.js';

/** `--max-size <size>`, shared by every command that reads a résumé. */
export function maxSizeOption(): Option {
  return new Option(
    '--max-size <size>',
    `largest résumé file to read, e.g. 4MiB or 500KB (default ${showSize(DEFAULT_LIMITS.maxBytes).replace(' ', '')})`,
  ).argParser((value: string) => {
    const bytes = parseSize(value);
    if (bytes === null)
      throw new InvalidArgumentError(`"${value}" is not a size; write it like 4MiB, 500KB or 3000000`);
    return bytes;
  });
}
