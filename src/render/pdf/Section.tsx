import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Section as SectionModel } from '../../model/model.js';
import { bodyLines, isLong, KeepWithBody, spansText, useTextWidth } from './breaks.js';
import { Entry } from './Entry.js';
import { Inline } from './Inline.js';
import { NO_HYPHEN_BREAK } from './long-words.js';
import { MetricLine } from './MetricLine.js';
import { styles } from './styles.js';

/**
 * One section. Section intros are left out on purpose: the PDF is a CV, the
 * portfolio page carries the prose. The heading is never the last line on a
 * page: it travels in one unbreakable block with the section's first item
 * (or with its first lines when the item is long enough to break: breaks.tsx).
 * `afterEntry`: the block above is an entry, whose gap the first item keeps.
 */
export function Section({ section, afterEntry }: { section: SectionModel; afterEntry: boolean }) {
  const width = useTextWidth();
  if (section.kind === 'cta') return null;
  const heading = <Text style={[styles.heading, styles.section]}>{section.title}</Text>;
  // No wrapping <View>: react-pdf keeps a block that cannot break on the current page, squeezed and drawn
  // over itself, when it is the first child of a View that crosses the page end ("the page is empty"
  // is judged per parent). As children of the page body, the section's blocks move to the next page whole.
  return <>{items(section, heading, width, afterEntry)}</>;
}

/** The section's items; the first carries the heading. */
function items(
  section: Exclude<SectionModel, { kind: 'cta' }>,
  heading: ReactNode,
  width: number,
  afterEntry: boolean,
): ReactNode {
  const body = styles.body.fontSize as number;
  // The gap an entry leaves below it goes on the block that follows it (see styles.entry).
  const gap = (i: number) => (i === 0 && afterEntry ? styles.entry : undefined);
  switch (section.kind) {
    case 'metrics':
      // One flowing line of "label value" pairs: reads in order in every extractor (a grid does not).
      return (
        <KeepWithBody
          lead={heading}
          style={gap(0)}
          long={isLong(section.metrics.map((m) => `${m.label} ${m.value}`).join('   ·   '), body, width)}
        >
          <Text style={styles.metrics} hyphenationPenalty={NO_HYPHEN_BREAK}>
            <MetricLine metrics={section.metrics} gap="   " />
          </Text>
        </KeepWithBody>
      );
    case 'entries':
      return section.entries.map((e, i) => (
        <Entry key={i} entry={e} lead={i === 0 ? heading : undefined} gap={i > 0 || afterEntry} />
      ));
    case 'groups':
      // Languages and interests without keywords: one flowing line, not a two-column table of lone names.
      if (section.groups.every((g) => g.keywords.length === 0)) {
        const line = section.groups.map((g) => `${g.name ?? ''} (${g.level ?? ''})`).join('   ·   ');
        return (
          <KeepWithBody lead={heading} style={gap(0)} long={isLong(line, body, width)}>
            <Text style={styles.run}>
              {section.groups.map((g, i) => (
                <Text key={i} style={styles.run}>
                  {i ? '   ·   ' : ''}
                  <Text style={styles.strong}>{g.name ?? ''}</Text>
                  {g.level ? ` (${g.level})` : ''}
                </Text>
              ))}
            </Text>
          </KeepWithBody>
        );
      }
      // One flowing line per group ("Backend: Java, Python, …"), not a name column beside a keyword column:
      // when either column wraps, pdftotext and pdfminer read the columns apart (a keyword list after the
      // next group's name, or after the next section's heading); a single line reads in order everywhere.
      return section.groups.map((g, i) => {
        const name = [g.name, g.level].filter(Boolean).join(' · ');
        return (
          <KeepWithBody
            key={i}
            lead={i === 0 ? heading : null}
            style={gap(i)}
            long={isLong(`${name}: ${g.keywords.join(', ')}`, body, width)}
          >
            <Text style={styles.groupLine}>
              {name ? <Text style={styles.strong}>{g.keywords.length ? `${name}: ` : name}</Text> : null}
              {g.keywords.join(', ')}
            </Text>
          </KeepWithBody>
        );
      });
    case 'principles':
      return section.principles.map((p, i) => {
        const long = isLong(`${p.title} — ${spansText(p.summary)}`, body, width - NUMBER_INDENT);
        return (
          <KeepWithBody key={i} lead={i === 0 ? heading : null} style={gap(i)} long={long}>
            {long ? (
              // Breaks between its lines; the number needs a second line after it on the page.
              <View style={styles.principle}>
                <View />
                <Text style={styles.number} minPresenceAhead={bodyLines(1)}>
                  {p.number}
                </Text>
                <Principle p={p} />
              </View>
            ) : (
              <View style={styles.principle}>
                <Text style={styles.number}>{p.number}</Text>
                <Principle p={p} />
              </View>
            )}
          </KeepWithBody>
        );
      });
  }
}

/** The number column's width (styles.number): the text beside it is that much narrower. */
const NUMBER_INDENT = 20;

/** A principle's title and summary, beside its number. */
function Principle({ p }: { p: Extract<SectionModel, { kind: 'principles' }>['principles'][number] }) {
  return (
    <Text style={styles.bulletText} hyphenationPenalty={NO_HYPHEN_BREAK}>
      <Text style={styles.strong}>{p.title}</Text>
      {p.summary ? ' — ' : ''}
      {p.summary ? <Inline spans={p.summary} /> : null}
    </Text>
  );
}
