import { View } from '@react-pdf/renderer';
import { type ComponentProps, createContext, type ReactNode, useContext } from 'react';
import type { Inline as InlineSpans } from '../../model/model.js';
import type { Paper } from '../paper.js';
import { styles } from './styles.js';

// How blocks break across pages. react-pdf keeps a wrap={false} block whole: pushed to the next page
// when it does not fit (leaving a band), and drawn past the page's foot, lost to every reader, when it
// is taller than a page. So only short blocks are unbreakable; a long one breaks between its lines
// (react-pdf's orphans and widows keep two lines on each side) and its lead (a heading, an entry's
// title line, a bullet's dot) is kept with its first lines by minPresenceAhead.

/** Page widths in points, for the line estimate. */
const PAGE_WIDTH: Record<Paper, number> = { A4: 595.28, LETTER: 612, A5: 419.53, LEGAL: 612 };

/** The width text is set in: the page less its side margins (set by the document for its paper). */
export const TextWidth = createContext<number>(PAGE_WIDTH.A4 - 84);

/** The text width for a paper size and the current styles. */
export function textWidth(paper: Paper): number {
  return PAGE_WIDTH[paper] - 2 * (styles.page.paddingHorizontal as number);
}

/**
 * A block estimated at this many lines or more breaks across pages. Below it, a block moves whole,
 * which leaves at most a few lines of space at a page's foot; a single bullet, skill line or
 * principle this long would leave a band, or not fit on a page at all.
 */
export const BREAK_AT_LINES = 6;
/**
 * An entry's first block this long stands apart from the entry's title line (and may break); shorter, it stays with it.
 */
export const APART_AT_LINES = 4;

// Characters that take a full em: CJK ideographs, kana, Hangul, full-width forms.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * Lines `text` takes at `fontSize` in `width`, over- rather than under-estimated (the average Latin
 * glyph of Inter, IBM Plex Sans and Source Serif 4 is narrower than 0.55 em): a block taken for long
 * only gains the right to break; one taken for short when it is long could not.
 */
export function estimateLines(text: string, fontSize: number, width: number): number {
  // A line break in the text (a YAML block scalar keeps them) starts a line of its own.
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let ems = 0;
    for (const ch of paragraph) ems += WIDE.test(ch) ? 1 : 0.55;
    lines += Math.max(1, Math.ceil((ems * fontSize) / Math.max(width, 1)));
  }
  return lines;
}

/** The text of inline spans, for the estimate. */
export function spansText(spans: InlineSpans | null | undefined): string {
  return spans?.map((s) => s.text).join('') ?? '';
}

/** The width text is set in, in points (from the document's TextWidth). */
export function useTextWidth(): number {
  return useContext(TextWidth);
}

/** Whether `text` at `fontSize` in `width` is estimated at `lines` lines or more (by default: long enough to break). */
export function isLong(text: string, fontSize: number, width: number, lines = BREAK_AT_LINES): boolean {
  return estimateLines(text, fontSize, width) >= lines;
}

/** The height of `n` body lines, in points: how much must follow a lead for its block to start after it. */
export function bodyLines(n: number): number {
  const size = styles.body.fontSize as number;
  return n * size * (styles.body.lineHeight as number);
}

/**
 * A lead (section heading) with its body. Short: one unbreakable block, as always. Long: the body
 * may break across pages, and the lead stays with its first lines.
 *
 * The empty first <View> is what lets minPresenceAhead work: react-pdf moves a node to the next page
 * for its presence only when a sibling precedes it on the page, and splits the parent instead of
 * moving it whole (which would carry its top margin to the next page's top).
 */
export function KeepWithBody({
  lead,
  long,
  style,
  ahead = bodyLines(2),
  children,
}: {
  lead: ReactNode;
  long: boolean;
  style?: ComponentProps<typeof View>['style'];
  ahead?: number;
  children: ReactNode;
}) {
  if (!long) {
    const block = (
      <View wrap={false}>
        {lead}
        {children}
      </View>
    );
    // A top gap (after an entry) stays behind when the block moves to the next page (see below).
    return style ? (
      <View style={style}>
        <View />
        {block}
      </View>
    ) : (
      block
    );
  }
  return (
    <View style={style}>
      <View />
      {lead ? (
        <View wrap={false} minPresenceAhead={ahead}>
          {lead}
        </View>
      ) : null}
      {children}
    </View>
  );
}
