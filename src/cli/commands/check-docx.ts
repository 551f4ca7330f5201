import type { DocxFacts } from '../../check/docx-read.js';
import type { SourceCheck } from '../../check/summary.js';
import { UserError } from '../../source/diagnostics.js';
import type { LoadedSource } from '../../source/load.js';
import type { Io } from '../io.js';
import { sourceRows } from './check-text.js';
import { loadAsVariant } from './variant-source.js';

/**
 * `folio check out/cv.docx [--source]`: the Word file read from its XML as an
 * ATS that takes .docx reads it, reported like a PDF. Exit 1 when a string is
 * missing or out of order, or the document has no text.
 */
export async function checkDocx(
  path: string,
  bytes: Uint8Array,
  opts: { source?: string; variant?: string; maxSize?: number },
  io: Io,
): Promise<void> {
  const { docxText, readDocx } = await import('../../check/docx-read.js');
  let facts: DocxFacts;
  try {
    facts = readDocx(bytes);
  } catch (err) {
    throw new UserError(
      `${path}: error: cannot read this Word file (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const text = docxText(facts);
  let checked: { src: LoadedSource; result: SourceCheck } | null = null;
  if (opts.source) {
    // The PDF's definition (check/source-check.ts): the Word file shows what the PDF shows, in the same order.
    const { src, resume } = await loadAsVariant(opts.source, opts.variant, io, opts.maxSize);
    const { checkSource } = await import('../../check/source-check.js');
    checked = { src, result: checkSource(resume, [text]) };
  }
  io.stdout.write(docxReport(path, facts, text, checked?.result ?? null, checked?.src ?? null));
  const c = checked?.result;
  const missing = c ? c.match.missing.length + c.dropped.length : 0;
  const parts = [
    missing && `${missing} missing`,
    c?.match.outOfOrder.length && `${c.match.outOfOrder.length} out of order`,
    text.trim() === '' && 'no text',
  ].filter(Boolean);
  if (parts.length) throw new UserError(`${path}: check failed: ${parts.join(', ')}`);
}

/** The report, one fact per line, in the PDF report's layout. */
export function docxReport(
  path: string,
  facts: DocxFacts,
  text: string,
  check: SourceCheck | null,
  src: LoadedSource | null,
): string {
  const lines: string[] = [path];
  const row = (k: string, v: string) => lines.push(`  ${k.padEnd(10)}${v}`);
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const levels = new Map<number, number>();
  for (const p of facts.paragraphs) if (p.level !== null) levels.set(p.level, (levels.get(p.level) ?? 0) + 1);
  const headings = [...levels]
    .sort(([a], [b]) => a - b)
    .map(([level, n]) => (level === 0 ? count(n, 'title') : `${n} heading ${level}`));
  row(
    'structure',
    [
      count(facts.paragraphs.length, 'paragraph'),
      ...headings,
      count(facts.paragraphs.filter((p) => p.listItem).length, 'list item'),
      count(facts.tables, 'table'),
      count(facts.textBoxes, 'text box', 'text boxes'),
    ].join(', '),
  );
  row('fonts', facts.fonts.length ? facts.fonts.join(', ') : '(none named: Word uses its default)');
  row('links', `${facts.links.length}${facts.links.length ? `: ${facts.links.join('  ')}` : ''}`);
  for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Language'])
    row(key.toLowerCase(), facts.info[key] ?? '(none)');
  sourceRows(row, text, check, src);
  return `${lines.join('\n')}\n`;
}
