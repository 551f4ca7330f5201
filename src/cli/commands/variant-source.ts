import type { LoadedSource } from '../../source/load.js';
import type { Resume } from '../../validate/schema.js';
import type { Io } from '../io.js';
import { printDiagnostics } from '../report.js';

/** The `--variant <name>` option every command that reads a résumé offers, with the same words. */
export const VARIANT_FLAGS = '--variant <name>';
export const VARIANT_HELP = 'use this variant of the résumé (from its variants: block), as "build --variant" makes it';

/**
 * Load and validate a résumé (warnings printed to io.stderr), and with a variant name tailor it: the résumé
 * as that variant shows it, and a source that locates its values at their lines in the file.
 */
export async function loadAsVariant(
  source: string,
  variant: string | undefined,
  io: Io,
  maxBytes?: number,
): Promise<{ src: LoadedSource; resume: Resume; raw: LoadedSource }> {
  // Loaded when a command runs, not with the command table (`folio --help` needs neither YAML nor the schema).
  const [{ loadValidated }, { prepareVariant }] = await Promise.all([
    import('../../pipeline/build.js'),
    import('../../pipeline/variant-build.js'),
  ]);
  const { src, resume, warnings } = await loadValidated({ source, cwd: io.cwd, maxBytes });
  printDiagnostics(warnings, io.stderr);
  if (variant === undefined) return { src, resume, raw: src };
  const v = prepareVariant(src, resume, variant, { fallbackName: source });
  return { src: v.located, resume: v.tailored.resume, raw: src };
}
