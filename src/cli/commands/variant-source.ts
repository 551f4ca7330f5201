import { prepareVariant } from '../../pipeline/variant-build.js';
import { type LoadedSource, loadFile } from '../../source/load.js';
import type { Resume } from '../../validate/schema.js';
import { validate } from '../../validate/validate.js';
import { printDiagnostics } from '../report.js';

/** The `--variant <name>` option every command that reads a résumé offers, with the same words. */
export const VARIANT_FLAGS = '--variant <name>';
export const VARIANT_HELP = 'use this variant of the résumé (from its variants: block), as "build --variant" makes it';

/**
 * Load and validate a résumé (warnings printed), and with a variant name tailor it: the résumé
 * as that variant shows it, and a source that locates its values at their lines in the file.
 */
export async function loadAsVariant(source: string, variant: string | undefined): Promise<{ src: LoadedSource; resume: Resume; raw: LoadedSource }> {
  const src = await loadFile(source);
  const { resume, warnings } = validate(src);
  printDiagnostics(warnings);
  if (variant === undefined) return { src, resume, raw: src };
  const v = prepareVariant(src, resume, variant, { fallbackName: source });
  return { src: v.located, resume: v.tailored.resume, raw: src };
}
