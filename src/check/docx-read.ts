import { strFromU8, unzipSync } from 'fflate';

/** One paragraph of a Word document as a reader sees it. */
export interface DocxParagraph {
  /** The paragraph style's id (`Title`, `Heading1`, `ListBullet` …), or null for Normal. */
  style: string | null;
  /** Heading level from the style (Title is 0, Heading 1 is 1 …), or null for body text. */
  level: number | null;
  /** In a Word list (numbering), not typed bullets. */
  listItem: boolean;
  text: string;
}

/** What `folio check` reports about a .docx, read with no Word: the package's XML parts. */
export interface DocxFacts {
  paragraphs: DocxParagraph[];
  /** Hyperlink targets in document order. */
  links: string[];
  /** Core properties: Title, Author, Subject, Keywords, Language. */
  info: Record<string, string>;
  /** Font families the styles and runs ask for. */
  fonts: string[];
  tables: number;
  textBoxes: number;
}

/** The parts read; anything else in the package is never inflated. */
const PARTS = ['word/document.xml', 'word/_rels/document.xml.rels', 'docProps/core.xml', 'word/styles.xml'];
/** A résumé's parts are kilobytes; refuse to inflate anything claiming more (a zip bomb). */
const MAX_PART = 32 * 1024 * 1024;

/** True when the bytes start like a zip file (a .docx is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Read a .docx's text, structure, links and properties. Throws an Error with
 * a plain message when the bytes are not a Word document.
 */
export function readDocx(bytes: Uint8Array): DocxFacts {
  const files = unzipSync(bytes, {
    filter: (f) => {
      if (!PARTS.includes(f.name)) return false;
      if (f.originalSize > MAX_PART)
        throw new Error(`${f.name} claims ${f.originalSize} bytes, too large for a résumé`);
      return true;
    },
  });
  const part = (name: string) => {
    const f = files[name];
    return f ? strFromU8(f) : '';
  };
  const doc = part('word/document.xml');
  if (!doc.includes('<w:body')) throw new Error('no word/document.xml with a body: not a Word document');
  const rels = new Map<string, string>();
  for (const m of part('word/_rels/document.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target !== null) rels.set(id, decodeXml(target));
  }
  const styleNames = new Map<string, string>();
  const styles = part('word/styles.xml');
  for (const m of styles.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const name = /<w:name w:val="([^"]*)"/.exec(m[2] ?? '')?.[1];
    if (m[1] && name) styleNames.set(m[1], decodeXml(name));
  }

  const paragraphs: DocxParagraph[] = [];
  for (const m of doc.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]*)"/.exec(body)?.[1] ?? null;
    paragraphs.push({
      style,
      level: headingLevel(style, styleNames),
      listItem: /<w:numPr>/.test(body),
      text: runText(body),
    });
  }
  const links: string[] = [];
  for (const m of doc.matchAll(/<w:hyperlink\b[^>]*>/g)) {
    const id = attr(m[0], 'r:id');
    const target = id ? rels.get(id) : undefined;
    if (target) links.push(target);
  }
  const core = part('docProps/core.xml');
  const info: Record<string, string> = {};
  for (const [key, tag] of [
    ['Title', 'dc:title'],
    ['Author', 'dc:creator'],
    ['Subject', 'dc:subject'],
    ['Keywords', 'cp:keywords'],
    ['Language', 'dc:language'],
  ] as const) {
    const v = new RegExp(`<${tag}\\b[^>]*>([^<]*)</${tag}>`).exec(core)?.[1];
    if (v) info[key] = decodeXml(v);
  }
  const fonts = new Set<string>();
  for (const m of `${styles}${doc}`.matchAll(/<w:rFonts\b[^>]*>/g)) {
    for (const key of ['w:ascii', 'w:hAnsi']) {
      const f = attr(m[0], key);
      if (f) fonts.add(decodeXml(f));
    }
  }
  return {
    paragraphs,
    links,
    info,
    fonts: [...fonts],
    tables: (doc.match(/<w:tbl>/g) ?? []).length,
    textBoxes: (doc.match(/<w:txbxContent\b/g) ?? []).length,
  };
}

/** The document's text, one paragraph a line: what an ATS that reads .docx extracts. */
export function docxText(facts: DocxFacts): string {
  return facts.paragraphs.map((p) => p.text).join('\n');
}

/** Title is level 0, "heading N" is level N, by id or by the style's name (Word localises ids, not names). */
function headingLevel(style: string | null, names: Map<string, string>): number | null {
  if (!style) return null;
  const name = (names.get(style) ?? style).toLowerCase().replace(/\s+/g, '');
  if (name === 'title') return 0;
  const m = /^heading([1-9])$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** The visible text of a paragraph's runs: text, tabs and breaks; deleted text and field codes are not shown. */
function runText(body: string): string {
  let out = '';
  for (const m of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr|noBreakHyphen)\b[^>]*\/>/g)) {
    if (m[1] !== undefined) out += decodeXml(m[1]);
    else out += m[2] === 'tab' ? '\t' : m[2] === 'noBreakHyphen' ? '-' : '\n';
  }
  return out;
}

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (all, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? all;
  });
}
