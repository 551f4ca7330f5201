import { Document, isMap, isScalar } from 'yaml';
import { convert, detectFormat, FORMAT_NAMES, hasResumeContent } from '../../convert/detect.js';
import { writeNewFile } from '../../output/new-file.js';
import { type Diagnostic, UserError } from '../../source/diagnostics.js';
import { DEFAULT_LIMITS } from '../../source/limits.js';
import { type LoadedSource, loadFile, parseSource } from '../../source/load.js';
import { modeline } from '../../source/modeline.js';
import { formatPath, validate } from '../../validate/validate.js';
import { type Io, pathIn } from '../io.js';
import { printDiagnostics } from '../report.js';

/** `folio import <file>`: the command's work, loaded only when it runs (its table entry is in import.ts). */
export async function runImport(
  file: string,
  opts: { out?: string; force?: boolean; maxSize?: number },
  io: Io,
): Promise<void> {
  const src = await loadFile(pathIn(io, file), file, {
    ...DEFAULT_LIMITS,
    maxBytes: opts.maxSize ?? DEFAULT_LIMITS.maxBytes,
    nestedItemsAsText: true,
  });
  const format = detectFormat(src.data);
  if (format === null) {
    throw new UserError(
      `${file}: error: not a résumé: folio reads JSON Resume (keys like basics, work), RenderCV (cv:), ` +
        `FRESH (meta.format: FRESH@…) and YAMLResume (content:) files, and this one is none of them`,
    );
  }
  const { data, notes } = convert(format, src.data as Record<string, unknown>);
  if (!hasResumeContent(data)) {
    throw new UserError(
      `${file}: error: this ${FORMAT_NAMES[format]} file holds no résumé content ` +
        `(no name, no section): nothing to import`,
    );
  }
  const text =
    `${modeline(opts.out === undefined ? undefined : pathIn(io, opts.out), io.cwd)}\n` +
    `# Imported from ${file} by "folio import".\n\n${toYaml(data)}`;
  const label = opts.out ?? '<stdout>';
  const problems = check(text, label);
  if (opts.out)
    await writeNewFile(opts.out, text, opts.force ?? false, [{ path: file, role: 'the file being imported' }], io.cwd);
  else io.stdout.write(text);

  if (format !== 'jsonresume') io.stderr.write(`${file}: read as ${FORMAT_NAMES[format]}\n`);
  const located = notes.map((n) => ({ ...n, line: n.path.length ? src.locate(n.path, { key: true }).line : 0 }));
  for (const n of located.sort((a, b) => a.line - b.line))
    io.stderr.write(`${where(src, n.path, n.line)}note: ${n.text}\n`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const unknown = problems.length - errors;
  printDiagnostics(problems, io.stderr);
  if (unknown)
    io.stderr.write(
      `kept ${unknown} field${unknown === 1 ? '' : 's'} folio does not know ` +
        `(listed above as warnings); folio ignores them\n`,
    );
  if (errors)
    io.stderr.write(
      `could not map ${errors} value${errors === 1 ? '' : 's'} (listed above as errors): ` +
        `fix ${errors === 1 ? 'it' : 'them'} in ${label} before building\n`,
    );
  if (opts.out) io.stderr.write(`wrote ${opts.out}${errors ? '' : `; next: folio build ${opts.out}`}\n`);
}

/** `file:line: path: ` for a note about a value of the input; just `file: ` for one about the whole file. */
function where(src: LoadedSource, path: ReadonlyArray<string | number>, line: number): string {
  if (path.length === 0) return '';
  return `${src.file}:${line}: ${formatPath(path)}: `;
}

/** YAML with a blank line between sections; long text stays on one line for the editor to wrap. */
function toYaml(data: Record<string, unknown>): string {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  if (isMap(doc.contents))
    doc.contents.items.forEach((pair, i) => {
      if (i > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
    });
  return doc.toString({ lineWidth: 0 });
}

/** Validate the YAML about to be written, so problems point at its lines. */
function check(text: string, label: string): Diagnostic[] {
  try {
    return validate(parseSource(text, label)).warnings;
  } catch (err) {
    if (err instanceof UserError) return err.diagnostics;
    throw err;
  }
}
