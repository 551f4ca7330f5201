import { comparable, matchInOrder } from './find-in-order.js';
import type { Leaf } from './leaves.js';
import type { PageRuns } from './pdfkit-text.js';

/** Text react-pdf drew past a page's edge: the words lost, the page, and the first string they belong to. */
export interface LostText {
  /** 1-based page the text was drawn past. */
  page: number;
  /** Words drawn outside the page (no reader sees them). */
  words: number;
  /** The first string of the source that does not read back whole because of it (null if none can be named). */
  leaf: Leaf | null;
}

/**
 * Find text drawn outside its page. react-pdf keeps a block that cannot break across pages (wrap={false})
 * whole, and when it is taller than the page it draws the rest past the bottom edge, warns on the
 * console and carries on: the words are in the file but pdftotext, PDF.js and every ATS skip them.
 * `leaves` are the strings the PDF should show, in display order.
 */
export function lostAtPageEdge(pages: readonly PageRuns[], leaves: readonly Leaf[]): LostText | null {
  const lost = (r: PageRuns['runs'][number]) => !r.onPage && /[\p{L}\p{N}]/u.test(r.text);
  const index = pages.findIndex((p) => p.runs.some(lost));
  const page = pages[index];
  if (!page) return null;
  const words = page.runs.filter(lost).reduce((n, r) => n + (comparable(r.text).match(/\S+/g)?.length ?? 0), 0);
  // The lost string is one that reads back from the whole drawing but not from the page as seen.
  const text = (keep: (r: PageRuns['runs'][number]) => boolean) =>
    pages.map((p) =>
      p.runs
        .filter(keep)
        .map((r) => r.text)
        .join('\n'),
    );
  const seen = matchInOrder(
    leaves,
    text((r) => r.onPage),
    { ignoreSpaces: true },
  );
  const all = matchInOrder(
    seen.missing,
    text(() => true),
    { ignoreSpaces: true },
  );
  return { page: index + 1, words, leaf: all.found[0]?.leaf ?? seen.missing[0] ?? null };
}

/**
 * Each page's text as a reader sees it, without the running footer (name, "page 2 of 3"): a string
 * broken across pages (a long summary) then reads back whole, as it does to a person turning the page.
 * The footer sits in the bottom margin, centred on margin/2 from the page's foot, while the body's last
 * baseline is at least `margin` above it: anything below three quarters of the margin is the footer.
 */
export function bodyTexts(pages: readonly PageRuns[], margin: number): string[] {
  return pages.map((p) =>
    p.runs
      .filter((r) => r.onPage && r.y < p.height - margin * 0.75)
      .map((r) => r.text)
      .join('\n'),
  );
}
