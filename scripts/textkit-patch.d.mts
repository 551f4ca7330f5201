/** textkit's source with folio's line-break font patch (see textkit-patch.mjs). */
export function patchTextkit(source: string): string;
/** The file the patch applies to. */
export const TEXTKIT_FILE: RegExp;
