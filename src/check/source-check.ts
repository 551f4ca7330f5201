import type { DataPath } from '../source/load.js';
import type { Resume } from '../validate/schema.js';
import { pdfLeaves } from './expected.js';
import { matchInOrder } from './find-in-order.js';
import type { Leaf } from './leaves.js';
import type { SourceCheck, Unshown } from './summary.js';

export type { SourceCheck, Unshown } from './summary.js';

/** Look for every string of `resume` in the PDF's page texts; both callers pass their own extractor's text. */
export function checkSource(resume: Resume, pages: readonly string[]): SourceCheck {
  const leaves = pdfLeaves(resume);
  // One rule for a line break inside a string, whatever the reader: whitespace is not compared. A CJK
  // string broken across lines reads back with a space PDF.js inserts; pdfkit's own text has none.
  const match = matchInOrder(leaves, pages, { ignoreSpaces: true });
  const { byDesign, dropped } = unshown(resume, leaves);
  return { match, byDesign, dropped, total: leaves.length + byDesign.length + dropped.length };
}

/** Strings the missing count includes: leaves not found or out of order, and strings never shown. */
export function missingCount(c: SourceCheck): number {
  return c.match.missing.length + c.match.outOfOrder.length + c.dropped.length;
}

const SKIP_TOP = new Set(['$schema', 'meta', 'folio', 'variants']);

/** Every string of the source that no leaf covers, sorted into by design and dropped. */
function unshown(resume: Resume, leaves: readonly Leaf[]): { byDesign: Unshown[]; dropped: Unshown[] } {
  const covered = new Set(leaves.map((l) => l.path.join('\u0000')));
  const isCovered = (path: DataPath) => {
    for (let n = path.length; n > 0; n--) if (covered.has(path.slice(0, n).join('\u0000'))) return true;
    return false;
  };
  const byDesign: Unshown[] = [];
  const dropped: Unshown[] = [];
  const visit = (v: unknown, path: (string | number)[], parent: Record<string, unknown> | null): void => {
    const key = path[path.length - 1];
    if (key === 'tags' && !(path[0] === 'skills' && resume.variants === undefined)) return;
    if (Array.isArray(v)) return v.forEach((x, i) => visit(x, [...path, i], parent));
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(x, [...path, k], v as Record<string, unknown>);
      return;
    }
    if (typeof v !== 'string' && typeof v !== 'number') return;
    const text = String(v).trim();
    if (!text || isCovered(path)) return;
    const reason = designReason(path, text, parent);
    if (reason) byDesign.push({ path, text, reason });
    else dropped.push({ path, text, reason: 'folio shows this key nowhere' });
  };
  for (const [k, v] of Object.entries(resume)) if (!SKIP_TOP.has(k)) visit(v, [k], null);
  return { byDesign, dropped };
}

/** Why a string is left out of the PDF on purpose, or null when it should have been shown. */
function designReason(path: DataPath, text: string, parent: Record<string, unknown> | null): string | null {
  const p = path.join('.');
  if (p === 'basics.image') return 'a photo, not text';
  if (p === 'callToAction.text') return 'the call to action sentence is for the web page';
  if (/^basics\.profiles\.\d+\.(network|username)$/.test(p) && parent?.url) return 'shown as the profile link';
  if (/^basics\.profiles\.\d+\.network$/.test(p)) return 'a network with no user name or link names no one';
  if (path[path.length - 1] === 'endDate' && /^present$/i.test(text)) return '"present" with no start date';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'no letters or digits (an emoji or a symbol the PDF leaves out)';
  return null;
}
