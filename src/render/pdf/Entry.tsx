import { Link, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Entry as EntryModel } from '../../model/model.js';
import { Inline } from './Inline.js';
import { NO_HYPHEN_BREAK } from './long-words.js';
import { MetricLine } from './MetricLine.js';
import { ENTRY_BODY } from './order.js';
import { design, styles } from './styles.js';

/**
 * One job, degree or story. The header (with `lead`, the section heading, when
 * this is the section's first entry) and the first line below it form one
 * unbreakable block; after that the entry may break between bullets, never inside one.
 */
export function Entry({ entry, lead }: { entry: EntryModel; lead?: ReactNode }) {
  // Dates lead the meta line by default: extractors (pdftotext, many ATS) read a right-aligned column in a
  // block of its own. `dates: right` puts them on the title's own line instead, where they read with it.
  const right = design.dates === 'right' && entry.dates !== null;
  const meta = (right ? entry.meta.slice(entry.dates === null ? 0 : 1) : entry.meta).join(' · ');
  const [first, ...rest] = blocks(entry);
  // A paragraph of a custom section has no title line at all.
  const hasTitle = Boolean(entry.title || entry.subtitle || (meta && !first));
  const title = (
    <Text style={right ? [styles.entryTitle, styles.titleGrow] : styles.entryTitle}>
      {entry.title ?? ''}
      {entry.headingRest ? <Text style={styles.subtitle}>{entry.headingRest}</Text> : null}
      {/* An entry with nothing below (an award, a certificate) keeps its date on the title line. */}
      {meta && !first && !right ? <Text style={styles.inlineMeta}>{`  ·  ${meta}`}</Text> : null}
    </Text>
  );
  return (
    <View style={styles.entry}>
      <View wrap={false}>
        {lead}
        {entry.category ? <Text style={styles.category}>{entry.category}</Text> : null}
        {right ? (
          <View style={styles.titleRow}>
            {title}
            <Text style={styles.rightDates}>{entry.dates}</Text>
          </View>
        ) : hasTitle ? (
          title
        ) : null}
        {meta && (first || right) ? <Text style={styles.meta}>{meta}</Text> : null}
        {first}
      </View>
      {rest}
    </View>
  );
}

/** The entry's body, one unbreakable block per line or bullet, in the order of ENTRY_BODY. */
function blocks(entry: EntryModel): ReactNode[] {
  return ENTRY_BODY.flatMap((slot) => BLOCKS[slot](entry));
}

/** How each slot of the body is drawn: nothing, one block, or one block per bullet. */
const BLOCKS: Record<(typeof ENTRY_BODY)[number], (entry: EntryModel) => ReactNode[]> = {
  outcome: (entry) =>
    entry.outcome
      ? [
          <Text key="o" style={styles.outcome} wrap={false} hyphenationPenalty={NO_HYPHEN_BREAK}>
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
  highlights: (entry) =>
    entry.highlights.map((h, i) => (
      <View key={`h${i}`} style={styles.bulletRow} wrap={false}>
        <Text style={styles.bullet}>•</Text>
        <Text style={styles.bulletText} hyphenationPenalty={NO_HYPHEN_BREAK}>
          <Inline spans={h} />
        </Text>
      </View>
    )),
  metrics: (entry) =>
    entry.metrics.length
      ? [
          <Text key="m" style={styles.chips} wrap={false} hyphenationPenalty={NO_HYPHEN_BREAK}>
            <MetricLine metrics={entry.metrics} gap="  " />
          </Text>,
        ]
      : [],
  keywords: (entry) =>
    entry.keywords.length
      ? [
          <Text key="k" style={styles.chips} wrap={false}>
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
