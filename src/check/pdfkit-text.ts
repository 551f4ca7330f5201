import { inflateSync } from 'node:zlib';

/** One text object as drawn: its text and where its first glyph sits, in points from the page's top left. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  /** False when drawn past the page's edges, where no reader sees it. */
  onPage: boolean;
}

/** A page's size and its text runs in drawing order. */
export interface PageRuns {
  width: number;
  height: number;
  runs: TextRun[];
}

/**
 * A fast text reader for the PDFs folio writes (pdfkit output: one content
 * stream per page, Type0 fonts with ToUnicode maps, text in TJ/Tj operators).
 * It returns each page's text in drawing order, one line per text object, in
 * a few milliseconds instead of the ~0.5 s that loading PDF.js costs. It is
 * the build's self-check; `folio check` and the tests use real extractors.
 * Text drawn outside the page is left out, as pdftotext leaves it out.
 * Returns null when the file is not shaped as expected.
 */
export function pdfkitPageTexts(pdf: Buffer): string[] | null {
  return (
    pdfkitPageRuns(pdf)?.map((p) =>
      p.runs
        .filter((r) => r.onPage)
        .map((r) => `\n${r.text}`)
        .join(''),
    ) ?? null
  );
}

/**
 * Each page's text runs with their positions. react-pdf draws a block that cannot break across
 * pages and is taller than the room left on the page past the page's bottom edge: those runs
 * are in the file but outside the page, so pdftotext, PDF.js and every ATS miss them; they
 * are marked (`onPage: false`) so the build can name what was lost.
 */
export function pdfkitPageRuns(pdf: Buffer): PageRuns[] | null {
  const s = pdf.toString('latin1');
  const offsets = new Map<number, number>();
  for (const m of s.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) offsets.set(Number(m[1]), (m.index ?? 0) + m[0].length);
  const dict = (n: number): string => {
    const at = offsets.get(n);
    if (at === undefined) return '';
    const end = s.indexOf('endobj', at);
    const body = s.slice(at, end < 0 ? undefined : end);
    const st = body.indexOf('stream');
    return st >= 0 ? body.slice(0, st) : body;
  };
  const stream = (n: number): string | null => {
    const at = offsets.get(n);
    if (at === undefined) return null;
    const head = dict(n);
    const open = s.indexOf('stream', at + head.length - 1);
    let start = open + 6;
    if (s[start] === '\r') start++;
    if (s[start] === '\n') start++;
    const len = /\/Length (\d+)(?!\s+0\s+R)/.exec(head);
    const end = len ? start + Number(len[1]) : s.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      return (/\/FlateDecode/.test(head) ? inflateSync(raw) : raw).toString('latin1');
    } catch {
      return null;
    }
  };
  const ref = (text: string, key: string): number | null => {
    const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text);
    return m ? Number(m[1]) : null;
  };

  // Font resource name → glyph code → text.
  const cmaps = new Map<string, Map<number, string>>();
  for (const m of s.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
    for (const f of (m[1] ?? '').matchAll(/\/([^\s/]+)\s+(\d+)\s+0\s+R/g)) {
      const name = f[1] ?? '';
      if (cmaps.has(name)) continue;
      const tu = ref(dict(Number(f[2])), 'ToUnicode');
      const cmap = tu === null ? null : stream(tu);
      if (cmap) cmaps.set(name, parseCmap(cmap));
    }
  }
  const root = /\/Type\s*\/Pages\b[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec(s);
  if (!root) return null;
  const pages: PageRuns[] = [];
  for (const k of (root[1] ?? '').matchAll(/(\d+)\s+0\s+R/g)) {
    const page = dict(Number(k[1]));
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(page);
    const contents = ref(page, 'Contents');
    const content = contents === null ? null : stream(contents);
    if (content === null || !box) return null;
    const [x0, y0, x1, y1] = box.slice(1).map(Number) as [number, number, number, number];
    const width = x1 - x0;
    const height = y1 - y0;
    // pdftotext's rule (TextOutputDev::addChar): a glyph whose origin lies outside the page is dropped.
    // Positions here are in points from the top left, as a reader of the page sees it.
    const runs = showText(content, cmaps).map((r): TextRun => {
      const x = r.x - x0;
      const y = y1 - r.y;
      return { text: r.text, x, y, onPage: x >= -0.5 && x <= width && y >= 0 && y <= height };
    });
    pages.push({ width, height, runs });
  }
  return pages;
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // pdfkit writes a ligature's characters as one destination with spaces inside: <0066 0069> is "fi".
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1] ?? '0', 16);
      const hi = parseInt(m[2] ?? '0', 16);
      const dst = m[3] ?? '';
      if (dst.startsWith('[')) {
        [...dst.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((d, i) => map.set(lo + i, utf16(d[1] ?? '')));
      } else {
        const base = parseInt(dst.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g))
      map.set(parseInt(m[1] ?? '0', 16), utf16(m[2] ?? ''));
  }
  return map;
}

/** An affine matrix [a b c d e f], as PDF writes them. */
type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` applied after `n` (PDF's `m × n`: a `cm` operand times the current matrix). */
function times(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** The text operators inside a line: font, shown strings (TJ arrays and Tj strings). */
const TEXT_OPERATORS = /\/([^\s/]+)\s+[-+]?[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;

/**
 * The text objects of a content stream in drawing order, each with the page position (PDF user
 * space, origin bottom left) of its text matrix at the first glyph: the graphics state's `cm`
 * stack (q/Q) times the text matrix (Tm), which is all pdfkit uses to place text.
 */
function showText(content: string, cmaps: Map<string, Map<number, string>>): { text: string; x: number; y: number }[] {
  let font: Map<number, string> | undefined;
  const out: { text: string; x: number; y: number }[] = [];
  let ctm: Matrix = IDENTITY;
  const saved: Matrix[] = [];
  let tm: Matrix = IDENTITY;
  let current: { text: string; x: number; y: number } | null = null;
  const decode = (hex: string) => {
    if (!current) {
      const [, , , , x, y] = times(tm, ctm);
      current = { text: '', x, y };
      out.push(current);
    }
    for (let i = 0; i + 4 <= hex.length; i += 4) current.text += font?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
  };
  // pdfkit writes one operator a line: the line's last word says which (a regex over the whole stream,
  // for the graphics operators too, was six times slower).
  for (const line of content.split('\n')) {
    const op = line.slice(line.lastIndexOf(' ') + 1).trim();
    if (op === 'q') saved.push(ctm);
    else if (op === 'Q') ctm = saved.pop() ?? IDENTITY;
    else if (op === 'BT') {
      tm = IDENTITY;
      current = null;
    } else if (op === 'cm' || op === 'Tm') {
      const matrix = line.trim().split(/\s+/).slice(0, 6).map(Number) as Matrix;
      if (matrix.length !== 6 || matrix.some((n) => !Number.isFinite(n))) continue;
      if (op === 'cm') ctm = times(matrix, ctm);
      else {
        tm = matrix;
        current = null;
      }
    } else if (op === 'Tf' || op === 'TJ' || op === 'Tj') {
      for (const m of line.matchAll(TEXT_OPERATORS)) {
        if (m[1] !== undefined) font = cmaps.get(m[1]);
        else if (m[2] !== undefined) for (const h of m[2].matchAll(/<([0-9a-fA-F]*)>/g)) decode(h[1] ?? '');
        else if (m[3] !== undefined) decode(m[3]);
      }
    }
  }
  return out;
}
