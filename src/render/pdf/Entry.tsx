import { Link, Text, View } from '@react-pdf/renderer';
import { Fragment, type ReactNode } from 'react';
import type { Entry as EntryModel } from '../../model/model.js';
import { APART_AT_LINES, bodyLines, isLong, spansText, useTextWidth } from './breaks.js';
import { Inline } from './Inline.js';
import { NO_HYPHEN_BREAK } from './long-words.js';
import { MetricLine } from './MetricLine.js';
import { ENTRY_BODY } from './order.js';
import { design, styles } from './styles.js';

/**
 * One job, degree or story. The header (with `lead`, the section heading, when
 * this is the section's first entry) and the first block below it form one
 * unbreakable block; after that the entry breaks between bullets, never inside
 * a short one. A long first block stands apart (it may break), the header kept
 * with its first lines; a header too long for one block breaks too (breaks.tsx).
 * `gap`: an entry is above, so keep the space between entries.
 */
export function Entry({ entry, lead, gap }: { entry: EntryModel; lead?: ReactNode; gap: boolean }) {
  // Dates lead the meta line by default: extractors (pdftotext, many ATS) read a right-aligned column in a
  // block of its own. `dates: right` puts them on the title's own line instead, where they read with it.
  const right = design.dates === 'right' && entry.dates !== null;
  const meta = (right ? entry.meta.slice(entry.dates === null ? 0 : 1) : entry.meta).join(' · ');
  const width = useTextWidth();
  const [first, ...rest] = blocks(entry, width);
  // Estimated lengths (breaks.tsx): what may break, and what stands apart from the header.
  const headerText = [entry.category, entry.title, entry.headingRest, meta].join(' ');
  const longHeader = isLong(headerText, styles.entryTitle.fontSize as number, width);
  const firstApart = isLong(firstText(entry), styles.body.fontSize as number, width, APART_AT_LINES);
  // A paragraph of a custom section has no title line at all.
  const hasTitle = Boolean(entry.title || entry.subtitle || (meta && !first));
  const showMeta = Boolean(meta && (first || right));
  // A header that breaks: its last line needs the first block's first lines after it (see below).
  const keep = (last: boolean) => (longHeader && last && first ? { minPresenceAhead: bodyLines(3) } : {});
  const title = (
    <Text style={right ? [styles.entryTitle, styles.titleGrow] : styles.entryTitle} {...keep(!right && !showMeta)}>
      {entry.title ?? ''}
      {entry.headingRest ? <Text style={styles.subtitle}>{entry.headingRest}</Text> : null}
      {/* An entry with nothing below (an award, a certificate) keeps its date on the title line. */}
      {meta && !first && !right ? <Text style={styles.inlineMeta}>{`  ·  ${meta}`}</Text> : null}
    </Text>
  );
  const header = [
    entry.category ? (
      <Text key="c" style={styles.category}>
        {entry.category}
      </Text>
    ) : null,
    right ? (
      <View key="t" style={styles.titleRow} {...keep(!showMeta)}>
        {title}
        <Text style={styles.rightDates}>{entry.dates}</Text>
      </View>
    ) : hasTitle ? (
      <Fragment key="t">{title}</Fragment>
    ) : null,
    showMeta ? (
      <Text key="m" style={styles.meta} {...keep(true)}>
        {meta}
      </Text>
    ) : null,
  ];
  // The empty first <View>: see KeepWithBody (breaks.tsx). It lets the entry split at any child,
  // so an entry moved to the next page does not carry its top gap there.
  if (longHeader) {
    // Too long for one unbreakable block: every line may break; the heading needs two title lines after it.
    return (
      <View style={gap ? styles.entry : undefined}>
        <View />
        {lead ? (
          <View wrap={false} minPresenceAhead={bodyLines(2)}>
            {lead}
          </View>
        ) : null}
        {header}
        {first}
        {rest}
      </View>
    );
  }
  return (
    <View style={gap ? styles.entry : undefined}>
      <View />
      {/* Three lines must follow the header: a block of up to three lines cannot break (two lines stay on each
          side). */}
      <View wrap={false} {...(firstApart ? { minPresenceAhead: bodyLines(3) } : {})}>
        {lead}
        {header}
        {firstApart ? null : first}
      </View>
      {firstApart ? first : null}
      {rest}
    </View>
  );
}

/** The text of the entry's first block (the first slot of ENTRY_BODY it fills), for the estimate of its length. */
function firstText(entry: EntryModel): string {
  for (const slot of ENTRY_BODY) {
    const text = SLOT_TEXT[slot](entry);
    if (text) return text;
  }
  return '';
}

/** The text each body slot draws first, as the length estimates read it. */
const SLOT_TEXT: Record<(typeof ENTRY_BODY)[number], (entry: EntryModel) => string> = {
  outcome: (entry) => spansText(entry.outcome),
  summary: (entry) => spansText(entry.summary),
  highlights: (entry) => spansText(entry.highlights[0] ?? null),
  metrics: (entry) => metricsText(entry),
  keywords: (entry) => entry.keywords.join(', '),
  url: (entry) => entry.url?.text ?? '',
};

const metricsText = (entry: EntryModel) => entry.metrics.map((m) => `${m.label} ${m.value}`).join('   ·   ');

/** The bullet column's width (styles.bullet): the text beside it is that much narrower. */
const BULLET_INDENT = 10;

/**
 * The entry's body in the order of ENTRY_BODY: one block per line or bullet, unbreakable when short; a long one
 * breaks across pages (breaks.tsx).
 */
function blocks(entry: EntryModel, width: number): ReactNode[] {
  return ENTRY_BODY.flatMap((slot) => BLOCKS[slot](entry, width));
}

const small = () => styles.chips.fontSize as number;
const body = () => styles.body.fontSize as number;

/** How each slot of the body is drawn: nothing, one block, or one block per bullet. */
const BLOCKS: Record<(typeof ENTRY_BODY)[number], (entry: EntryModel, width: number) => ReactNode[]> = {
  outcome: (entry, width) =>
    entry.outcome
      ? [
          <Text
            key="o"
            style={styles.outcome}
            wrap={isLong(spansText(entry.outcome), body(), width)}
            hyphenationPenalty={NO_HYPHEN_BREAK}
          >
            <Inline spans={entry.outcome} />
          </Text>,
        ]
      : [],
  summary: (entry) =>
    entry.summary
      ? [
          <Text key="s" style={styles.para} hyphenationPenalty={NO_HYPHEN_BREAK}>
            <Inline spans={entry.summary} />
          </Text>,
        ]
      : [],
  highlights: (entry, width) =>
    entry.highlights.map((h, i) =>
      isLong(spansText(h), body(), width - BULLET_INDENT) ? (
        // A long bullet breaks between its lines; its dot needs a second line after it on the page.
        <View key={`h${i}`} style={styles.bulletRow}>
          <View />
          <Text style={styles.bullet} minPresenceAhead={bodyLines(1)}>
            •
          </Text>
          <Text style={styles.bulletText} hyphenationPenalty={NO_HYPHEN_BREAK}>
            <Inline spans={h} />
          </Text>
        </View>
      ) : (
        <View key={`h${i}`} style={styles.bulletRow} wrap={false}>
          <Text style={styles.bullet}>•</Text>
          <Text style={styles.bulletText} hyphenationPenalty={NO_HYPHEN_BREAK}>
            <Inline spans={h} />
          </Text>
        </View>
      ),
    ),
  metrics: (entry, width) =>
    entry.metrics.length
      ? [
          <Text
            key="m"
            style={styles.chips}
            wrap={isLong(metricsText(entry), small(), width)}
            hyphenationPenalty={NO_HYPHEN_BREAK}
          >
            <MetricLine metrics={entry.metrics} gap="  " />
          </Text>,
        ]
      : [],
  keywords: (entry, width) =>
    entry.keywords.length
      ? [
          <Text key="k" style={styles.chips} wrap={isLong(entry.keywords.join(', '), small(), width)}>
            {entry.keywords.join(', ')}
          </Text>,
        ]
      : [],
  url: (entry) =>
    entry.url
      ? [
          <Link key="u" src={entry.url.href} style={[styles.chips, styles.link]}>
            {entry.url.text}
          </Link>,
        ]
      : [],
};
