import { inflateSync } from 'node:zlib';

/** What `folio check` reports about a PDF besides its text. */
export interface PdfFacts {
  pages: string[];
  info: Record<string, string>;
  fonts: { name: string; embedded: boolean }[];
  links: string[];
  /** The catalog's /Lang, or null. */
  language: string | null;
}

/** Text of each page as pdf-parse (PDF.js) extracts it, in reading order. Imported lazily (~90 ms). */
export async function extractPages(pdf: Uint8Array): Promise<string[]> {
  const { PDFParse } = await import('pdf-parse');
  // pdf-parse consumes (transfers) the buffer it is given: pass a copy.
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return result.pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
}

/** Pages' text, the Info dictionary, fonts and link targets of a PDF. */
export async function inspectPdf(pdf: Uint8Array): Promise<PdfFacts> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText({ pageJoiner: '' });
    const meta = await parser.getInfo();
    const info: Record<string, string> = {};
    for (const [k, v] of Object.entries((meta.info ?? {}) as Record<string, unknown>)) {
      if (typeof v === 'string' && v) info[k] = v;
    }
    return { pages: text.pages.map((p) => p.text), info, ...objectFacts(Buffer.from(pdf)) };
  } finally {
    await parser.destroy();
  }
}

/**
 * Fonts and link annotations, read from the PDF's objects. PDFs folio makes
 * keep dictionaries uncompressed (only streams are deflated); object streams
 * (qpdf, most other tools) are opened too and read the same way.
 *
 * The PDF is untrusted input: one pass with a regex of short tokens, never a lazy
 * `[^]*?` that could rescan the rest of the file at every `/Type /Font` of a crafted one.
 */
export function objectFacts(pdf: Buffer): Pick<PdfFacts, 'fonts' | 'links' | 'language'> {
  const names = new Set<string>();
  const embedded = new Set<string>();
  const links: string[] = [];
  const facts = { names, embedded, links, language: null as string | null };
  const streams = scan(pdf, pdf.toString('latin1'), facts, true);
  for (const body of streams) scan(null, body, facts, false);
  // A Type0 font names its descendant; list each font once.
  const fonts = [...names].map((name) => ({ name, embedded: embedded.has(name) }));
  return { fonts, links, language: facts.language };
}

/**
 * The tokens objectFacts needs; each alternative is short and bounded, so the scan is linear. Dictionaries are
 * tracked by their `<<` and `>>` and judged when they close, so the order of their keys does not matter: qpdf
 * writes them sorted, /FontFile2 before /FontName and /BaseFont before /Type. Literal strings are stepped over
 * whole, so a `>>` inside one closes nothing.
 */
const TOKEN = new RegExp(
  String.raw`\/(?:Type\s*\/(Font|ObjStm)\b|BaseFont\s*\/([^\s/<>[\]()]+)|FontName\s*\/([^\s/<>[\]()]+)|` +
    String.raw`(FontFile[23]?)\b|(Lang|URI)\s*\()|(<<)|(>>)|(\()|((?<!end)stream\r?\n)`,
  'g',
);

/** Largest object stream folio inflates: a crafted one could be a zip bomb. */
const MAX_INFLATE = 16 * 1024 * 1024;

/** Deepest dictionary nesting tracked; deeper ones (only a crafted file has them) are counted, not looked into. */
const MAX_DEPTH = 64;

interface Facts {
  names: Set<string>;
  embedded: Set<string>;
  links: string[];
  language: string | null;
}

/** What one dictionary says, as far as fonts and object streams go. */
interface Dict {
  font: boolean;
  objStm: boolean;
  baseFont: string | null;
  fontName: string | null;
  file: boolean;
}

/** One pass over `text`; returns the inflated object streams when `pdf` (the raw bytes) is given. */
function scan(pdf: Buffer | null, text: string, facts: Facts, openStreams: boolean): string[] {
  const streams: string[] = [];
  const open: Dict[] = [];
  let tooDeep = 0;
  // The dictionary that closed last: a stream's own dictionary, when the stream keyword follows.
  let closed: Dict | null = null;
  const re = new RegExp(TOKEN.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [, type, baseFont, fontName, fontFile, stringKey, begin, end, string, stream] = m;
    const top = open.at(-1);
    if (begin) {
      if (open.length < MAX_DEPTH)
        open.push({ font: false, objStm: false, baseFont: null, fontName: null, file: false });
      else tooDeep++;
    } else if (end) {
      if (tooDeep) {
        tooDeep--;
        continue;
      }
      const d = open.pop();
      if (!d) continue;
      // A Type0 font and its descendant name the same font: the set lists it once.
      if (d.font && d.baseFont) facts.names.add(d.baseFont);
      if (d.fontName && d.file) facts.embedded.add(d.fontName);
      closed = d;
    } else if (type && top) {
      if (type === 'Font') top.font = true;
      else top.objStm = true;
    } else if (baseFont && top) top.baseFont = baseFont;
    else if (fontName && top) top.fontName = fontName;
    else if (fontFile && top) top.file = true;
    else if (stringKey || string) {
      const { value, end: after } = pdfString(text, re.lastIndex);
      re.lastIndex = after;
      if (value === null || !stringKey) continue;
      if (stringKey === 'Lang') facts.language ??= value;
      else facts.links.push(unescapePdfString(value));
    } else if (stream) {
      // Stream data is skipped whole (found once with indexOf, so each byte is looked at once);
      // an object stream's data is inflated and scanned on its own.
      const start = re.lastIndex;
      const found = text.indexOf('endstream', start);
      const stop = found === -1 ? text.length : found;
      if (openStreams && closed?.objStm && pdf) {
        try {
          streams.push(inflateSync(pdf.subarray(start, stop), { maxOutputLength: MAX_INFLATE }).toString('latin1'));
        } catch {
          // Not deflated, damaged or too big: skip it, the check reports what it can read.
        }
      }
      closed = null;
      re.lastIndex = stop;
    }
  }
  return streams;
}

/**
 * A PDF literal string's raw content from just after its `(`, up to the matching `)`; value null if it never closes.
 */
function pdfString(text: string, from: number): { value: string | null; end: number } {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { value: text.slice(from, i), end: i + 1 };
  }
  return { value: null, end: text.length };
}

function unescapePdfString(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}
