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
 * are opened too, so most other PDFs work as well.
 */
export function objectFacts(pdf: Buffer): Pick<PdfFacts, 'fonts' | 'links' | 'language'> {
  const bodies = [pdf.toString('latin1'), ...objectStreams(pdf)];
  const names = new Set<string>();
  const embedded = new Set<string>();
  const links: string[] = [];
  let language: string | null = null;
  for (const body of bodies) {
    language ??= /\/Lang\s*\(((?:\\.|[^\\)])*)\)/.exec(body)?.[1] ?? null;
    for (const m of body.matchAll(/\/Type\s*\/Font\b[\s\S]*?\/BaseFont\s*\/([^\s/<>[\]()]+)/g)) {
      if (m[1]) names.add(m[1]);
    }
    for (const m of body.matchAll(/\/FontName\s*\/([^\s/<>[\]()]+)([\s\S]*?)>>/g)) {
      if (m[1] && /\/FontFile[23]?\b/.test(m[2] ?? '')) embedded.add(m[1]);
    }
    for (const m of body.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)) links.push(unescapePdfString(m[1] ?? ''));
  }
  // A Type0 font names its descendant; list each font once.
  const fonts = [...names].map((name) => ({ name, embedded: embedded.has(name) }));
  return { fonts: fonts.filter((f, i) => fonts.findIndex((g) => g.name === f.name) === i), links, language };
}

function objectStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const s = pdf.toString('latin1');
  for (const m of s.matchAll(/\/Type\s*\/ObjStm[\s\S]*?stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = s.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not deflated or damaged: skip it, the check reports what it can read.
    }
  }
  return out;
}

function unescapePdfString(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}
