// The output formats, in a module of their own: the command table (`folio --help`) names them without loading
// the pipeline.
export const FORMATS = ['pdf', 'html', 'md', 'txt', 'png', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
/** What `folio build` writes when neither -f nor folio.formats says; plain text and Word are asked for by name. */
export const DEFAULT_FORMATS: readonly Format[] = ['pdf', 'html', 'md'];
