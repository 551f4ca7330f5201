import type { DataPath } from '../source/load.js';
import type { Resume } from '../validate/schema.js';
import { pdfLeaves } from './expected.js';
import { matchInOrder } from './find-in-order.js';
import { hiddenBy, type Leaf, sourceLeaves } from './leaves.js';
import type { SourceCheck, Unshown } from './summary.js';

export type { SourceCheck, Unshown } from './summary.js';

/** Look for every string of `resume` in the PDF's page texts; both callers pass their own extractor's text. */
export function checkSource(resume: Resume, pages: readonly string[]): SourceCheck {
  const leaves = pdfLeaves(resume);
  // One rule for a line break inside a string, whatever the reader: whitespace is not compared. A CJK
  // string broken across lines reads back with a space PDF.js inserts; pdfkit's own text has none.
  const match = matchInOrder(leaves, pages, { ignoreSpaces: true });
  const { byDesign, dropped } = unshown(resume, leaves, 'private');
  return { match, byDesign, dropped, total: leaves.length + byDesign.length + dropped.length };
}

/** Strings the missing count includes: leaves not found or out of order, and strings never shown. */
export function missingCount(c: SourceCheck): number {
  return c.match.missing.length + c.match.outOfOrder.length + c.dropped.length;
}

const SKIP_TOP = new Set(['$schema', 'meta', 'folio', 'variants']);

/** A string of the source some output does not show, with the outputs that leave it out and why. */
export interface NotShown {
  path: DataPath;
  text: string;
  /** One row per reason: `outputs` is "every output" when all of them leave it out for the same reason. */
  reasons: { outputs: string; reason: string; dropped: boolean }[];
}

/**
 * The outputs that show what the PDF shows (the Word file is checked against the same strings), and the public ones.
 */
const PRIVATE_OUTPUTS = 'PDF, Word';
const PUBLIC_OUTPUTS = 'HTML, Markdown';

/**
 * Every string of the source that some output does not show, and why, for
 * `folio validate --verbose`: the PDF's (and Word's) by the same definition as
 * checkSource, the public page's (HTML, Markdown) from the strings it shows.
 */
export function notShown(resume: Resume): NotShown[] {
  const byPath = new Map<string, NotShown>();
  const add = (u: Unshown, outputs: string, dropped: boolean) => {
    const k = u.path.join('\u0000');
    const row = byPath.get(k) ?? { path: u.path, text: u.text, reasons: [] };
    const same = row.reasons.find((r) => r.reason === u.reason);
    if (same) Object.assign(same, { outputs: 'every output' });
    else row.reasons.push({ outputs, reason: u.reason, dropped });
    byPath.set(k, row);
  };
  for (const [audience, leaves, outputs] of [
    ['private', pdfLeaves(resume), PRIVATE_OUTPUTS],
    ['public', sourceLeaves(resume, { audience: 'public' }), PUBLIC_OUTPUTS],
  ] as const) {
    const { byDesign, dropped } = unshown(resume, leaves, audience);
    for (const u of byDesign) add(u, outputs, false);
    for (const u of dropped) add(u, outputs, true);
  }
  // Outside the check's denominator, but strings of the file all the same: say why no output shows them.
  const aside: Record<string, string> = {
    $schema: "the editor's pointer to the schema",
    meta: 'data about the file (its version, its tool), not about you',
  };
  for (const [key, reason] of Object.entries(aside))
    forEachString((resume as Record<string, unknown>)[key], [key], (path, text) =>
      add({ path, text, reason }, 'every output', false),
    );
  return [...byPath.values()];
}

function forEachString(v: unknown, path: DataPath, fn: (path: DataPath, text: string) => void): void {
  if (Array.isArray(v)) v.forEach((x, i) => forEachString(x, [...path, i], fn));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) forEachString(x, [...path, k], fn);
  else if ((typeof v === 'string' || typeof v === 'number') && String(v).trim()) fn(path, String(v).trim());
}

/** Every string of the source that no leaf covers, sorted into by design and dropped. */
function unshown(
  resume: Resume,
  leaves: readonly Leaf[],
  audience: 'private' | 'public',
): { byDesign: Unshown[]; dropped: Unshown[] } {
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
    const reason = designReason(path, text, parent, resume, audience === 'public');
    if (reason) byDesign.push({ path, text, reason });
    else dropped.push({ path, text, reason: 'folio shows this key nowhere' });
  };
  for (const [k, v] of Object.entries(resume)) if (!SKIP_TOP.has(k)) visit(v, [k], null);
  return { byDesign, dropped };
}

/**
 * Why a string is left out of an output on purpose, or null when it should have been shown.
 * `published`: the output is public (a phone number or an address is private there).
 */
function designReason(
  path: DataPath,
  text: string,
  parent: Record<string, unknown> | null,
  resume: Resume,
  published: boolean,
): string | null {
  const p = path.join('.');
  const hidden = published ? hiddenBy(path, resume) : [];
  if (hidden.length)
    return (
      `private on the public page (${hidden.map((k) => `folio.public.${k}: true`).join(' and ')} ` +
      `${hidden.length > 1 ? 'show' : 'shows'} it)`
    );
  if (p === 'basics.image')
    return published
      ? 'a photo: the public page shows none'
      : resume.folio?.photo
        ? 'a photo: the PDF shows it as a picture, not as text'
        : 'a photo, and folio.photo is off';
  if (p === 'callToAction.text') return 'the call to action sentence is for the web page';
  if (/^basics\.profiles\.\d+\.(network|username)$/.test(p) && parent?.url) return 'shown as the profile link';
  if (/^basics\.profiles\.\d+\.network$/.test(p)) return 'a network with no user name or link names no one';
  if (path[path.length - 1] === 'endDate' && /^present$/i.test(text)) return '"present" with no start date';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'no letters or digits (an emoji or a symbol the PDF leaves out)';
  return null;
}
