import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DocxFont } from './styles.js';

/**
 * Make docx's package reproducible and finish what its options cannot say.
 * docx names hyperlink relationships with random ids, stamps the core
 * properties and every zip entry with the current time, and writes no font
 * table for fonts it does not embed. The same model and date must give the
 * same bytes, so: relationship ids are renumbered in order of appearance,
 * the dates become `date`, `dc:language` and the application are added, the
 * font table names the font's fallback, and the zip is written again with fixed timestamps.
 */
export function finishPackage(docx: Uint8Array, opts: { date: Date; lang: string; font: DocxFont }): Uint8Array {
  const files = unzipSync(docx);
  const text = (name: string) => {
    const f = files[name];
    return f ? strFromU8(f) : null;
  };
  const put = (name: string, s: string) => {
    files[name] = strToU8(s);
  };

  // 1. Relationship ids: every id docx made up (anything not rId<number>) becomes rIdL1, rIdL2… in the
  // order the relationships file lists them, in both the relationships file and the document.
  const rels = text('word/_rels/document.xml.rels');
  const doc = text('word/document.xml');
  if (rels && doc) {
    const renamed = new Map<string, string>();
    for (const m of rels.matchAll(/Id="([^"]+)"/g)) {
      const id = m[1] as string;
      if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `rIdL${renamed.size + 1}`);
    }
    const swap = (s: string) =>
      s.replace(/(Id|r:id)="([^"]+)"/g, (all, key: string, id: string) =>
        renamed.has(id) ? `${key}="${renamed.get(id)}"` : all,
      );
    put('word/_rels/document.xml.rels', swap(rels));
    put('word/document.xml', swap(doc));
  }

  // 2. Core properties: the fixed date, and the document's language (docx has no option for it).
  const core = text('docProps/core.xml');
  if (core) {
    const iso = opts.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    let c = core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
    if (!c.includes('<dc:language>'))
      c = c.replace('</cp:coreProperties>', `<dc:language>${escapeXml(opts.lang)}</dc:language></cp:coreProperties>`);
    put('docProps/core.xml', c);
  }

  // The application that wrote it, as the PDF names its creator.
  const app = text('docProps/app.xml');
  if (app && !app.includes('<Application>'))
    put('docProps/app.xml', app.replace(/\/>\s*$/, '><Application>folio</Application></Properties>'));

  // 3. The font table: the design's font, with its alternative and the family and pitch Word substitutes by.
  const fonts = text('word/fontTable.xml');
  const f = opts.font;
  if (fonts && !fonts.includes(`w:name="${escapeXml(f.name)}"`)) {
    const entry =
      `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${f.fallback}"/><w:charset w:val="00"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`;
    // docx writes an empty table as one self-closing element.
    put('word/fontTable.xml', fonts.replace(/\/>\s*$/, '></w:fonts>').replace(/<\/w:fonts>\s*$/, `${entry}</w:fonts>`));
  }

  // 4. Zip again with every timestamp the document's date, the content types and package relationships
  // first as Word writes them (file-type sniffers look there), then docx's order.
  const first = ['[Content_Types].xml', '_rels/.rels'].filter((n) => files[n]);
  const ordered = Object.fromEntries(
    [...first, ...Object.keys(files).filter((n) => !first.includes(n))].map((n) => [n, files[n] as Uint8Array]),
  );
  return zipSync(ordered, { level: 6, mtime: zipTime(opts.date) });
}

/**
 * Zip timestamps are DOS local times from 1980 on: fflate reads the date's local fields, so the UTC fields
 * are handed over as local ones (the same bytes in every time zone), no earlier than 1980-01-01.
 */
function zipTime(date: Date): Date {
  const d = date.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : date;
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
