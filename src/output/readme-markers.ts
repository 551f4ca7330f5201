import { UserError } from '../source/diagnostics.js';

export const START_MARKER = '<!-- folio:start -->';
export const END_MARKER = '<!-- folio:end -->';

/** Where the generated block goes: the bytes [start, end) are replaced; `eol` is the file's line ending. */
export interface MarkerRegion {
  start: number;
  end: number;
  eol: '\n' | '\r\n';
}

export interface SpliceResult {
  data: Buffer;
  changed: boolean;
}

// A marker counts only on a line of its own (spaces around it allowed), so a README that
// mentions the markers in running text or in a code example is left alone.
const START_LINE = /^[ \t]*<!--[ \t]*folio:start[ \t]*-->[ \t]*$/;
const END_LINE = /^[ \t]*<!--[ \t]*folio:end[ \t]*-->[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

const PASTE =
  `Paste these two lines, each on a line of its own, where the résumé should go:\n\n` +
  `${START_MARKER}\n${END_MARKER}`;

interface Line {
  /** 1-based line number, for messages. */
  no: number;
  /** Byte offsets of the line's start and of the start of the next line. */
  from: number;
  next: number;
  crlf: boolean;
}

/**
 * Find the one pair of folio markers in a README. Works on bytes (read as latin1,
 * which maps each byte to one character), so offsets are byte offsets and text that
 * is not valid UTF-8 outside the markers cannot be altered. Throws a UserError for
 * missing, duplicated or reversed markers.
 */
export function findRegion(bytes: Uint8Array, name: string): MarkerRegion {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const starts: Line[] = [];
  const ends: Line[] = [];
  let fence: string | null = null;
  let no = 0;
  let prevBlank = true;
  let prevIndented = false;
  for (let from = 0; from < text.length; ) {
    const nl = text.indexOf('\n', from);
    const next = nl === -1 ? text.length : nl + 1;
    const crlf = nl > 0 && text[nl - 1] === '\r';
    const line = text.slice(from, nl === -1 ? text.length : crlf ? nl - 1 : nl);
    no++;
    const f = FENCE.exec(line)?.[1];
    // An indented code block (four spaces or a tab, after a blank line or another such line) documents the markers.
    const indented: boolean = fence === null && /^(?: {4}|\t)/.test(line) && (prevBlank || prevIndented);
    prevIndented = indented;
    prevBlank = line.trim() === '';
    if (indented) {
      from = next;
      continue;
    }
    // Markers inside a fenced code block are examples, not markers.
    if (fence === null && f) fence = f;
    else if (fence !== null && f && f[0] === fence[0] && f.length >= fence.length && line.trim() === f) fence = null;
    else if (fence === null && START_LINE.test(line)) starts.push({ no, from, next, crlf });
    else if (fence === null && END_LINE.test(line)) ends.push({ no, from, next, crlf });
    from = next;
  }
  const lines = (list: Line[]) => list.map((l) => l.no).join(', ');
  if (starts.length > 1 || ends.length > 1) {
    const which = [
      starts.length > 1 ? `${START_MARKER} appears ${starts.length} times (lines ${lines(starts)})` : '',
      ends.length > 1 ? `${END_MARKER} appears ${ends.length} times (lines ${lines(ends)})` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new UserError(`${name}: error: ${which}; keep exactly one pair. ${name} was not changed.`);
  }
  const start = starts[0];
  const end = ends[0];
  if (!start && !end) throw new UserError(`${name}: error: no folio markers found. ${PASTE}`);
  if (!start || !end) {
    const found = start
      ? `${START_MARKER} (line ${start.no}) has no ${END_MARKER}`
      : `${END_MARKER} (line ${end?.no}) has no ${START_MARKER} before it`;
    throw new UserError(`${name}: error: ${found}. ${name} was not changed. ${PASTE}`);
  }
  if (end.no < start.no) {
    throw new UserError(
      `${name}: error: ${END_MARKER} (line ${end.no}) comes before ${START_MARKER} (line ${start.no}); ` +
        `swap them. ${name} was not changed.`,
    );
  }
  // A start marker on the last line without a line break cannot be followed by an end marker, so `next` is a line
  // start.
  return { start: start.next, end: end.from, eol: start.crlf ? '\r\n' : '\n' };
}

/**
 * The README with `markdown` between its markers and every byte outside them as it
 * was. A blank line on each side keeps the Markdown from running into the markers
 * (an HTML comment right after a table would otherwise be read as a row).
 */
export function spliceReadme(bytes: Uint8Array, markdown: string, name: string): SpliceResult {
  const { start, end, eol } = findRegion(bytes, name);
  const inner = markdown.replace(/\n+$/, '');
  // A marker line inside the block would break every later `folio readme`: never write one.
  const stray = inner.split(/\r?\n/).findIndex((l) => START_LINE.test(l) || END_LINE.test(l));
  if (stray !== -1)
    throw new UserError(
      `${name}: error: line ${stray + 1} of the rendered Markdown is a folio marker; ` +
        `${name} was not changed (check your templates)`,
    );
  const body = (inner ? `\n${inner}\n\n` : '\n').replace(/\r?\n/g, eol);
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, start);
  const after = Buffer.from(bytes.buffer, bytes.byteOffset + end, bytes.byteLength - end);
  const data = Buffer.concat([before, Buffer.from(body, 'utf8'), after]);
  return { data, changed: !data.equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
}

/**
 * The level of the nearest Markdown heading above the start marker (ATX `## x` or a setext
 * underline), outside fenced code; 0 when there is none. The generated block goes one level below it.
 */
export function headingLevelAbove(bytes: Uint8Array, name: string): number {
  const region = findRegion(bytes, name);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1').slice(0, region.start);
  let level = 0;
  let fence: string | null = null;
  let previous = '';
  for (const line of text.split(/\r?\n/)) {
    const f = FENCE.exec(line)?.[1];
    if (fence === null && f) fence = f;
    else if (fence !== null && f && f[0] === fence[0] && f.length >= fence.length && line.trim() === f) fence = null;
    else if (fence === null) {
      const atx = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(line);
      if (atx) level = (atx[1] as string).length;
      else if (previous.trim() && /^ {0,3}(=+|-+)[ \t]*$/.test(line) && !/^ {0,3}[-*+] /.test(previous))
        level = line.trim()[0] === '=' ? 1 : 2;
    }
    previous = fence === null ? line : '';
  }
  return level;
}
