import { Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Section as SectionModel } from '../../model/model.js';
import { Entry } from './Entry.js';
import { Inline } from './Inline.js';
import { NO_HYPHEN_BREAK } from './long-words.js';
import { MetricLine } from './MetricLine.js';
import { styles } from './styles.js';

/**
 * One section. Section intros are left out on purpose: the PDF is a CV, the
 * portfolio page carries the prose. The heading is never the last line on a
 * page: it travels in one unbreakable block with the section's first item
 * (react-pdf's minPresenceAhead did not keep it with its content).
 */
export function Section({ section }: { section: SectionModel }) {
  if (section.kind === 'cta') return null;
  const heading = <Text style={[styles.heading, styles.section]}>{section.title}</Text>;
  // No wrapping <View>: react-pdf keeps a block that cannot break on the current page, squeezed and drawn
  // over itself, when it is the first child of a View that crosses the page end ("the page is empty"
  // is judged per parent). As children of the page body, the section's blocks move to the next page whole.
  return <>{items(section, heading)}</>;
}

/** The section's items; the first carries the heading. */
function items(section: Exclude<SectionModel, { kind: 'cta' }>, heading: ReactNode): ReactNode {
  switch (section.kind) {
    case 'metrics':
      // One flowing line of "label value" pairs: reads in order in every extractor (a grid does not).
      return (
        <View wrap={false}>
          {heading}
          <Text style={styles.metrics} hyphenationPenalty={NO_HYPHEN_BREAK}>
            <MetricLine metrics={section.metrics} gap="   " />
          </Text>
        </View>
      );
    case 'entries':
      return section.entries.map((e, i) => <Entry key={i} entry={e} lead={i === 0 ? heading : undefined} />);
    case 'groups':
      // Languages and interests without keywords: one flowing line, not a two-column table of lone names.
      if (section.groups.every((g) => g.keywords.length === 0)) {
        return (
          <View wrap={false}>
            {heading}
            <Text style={styles.run}>
              {section.groups.map((g, i) => (
                <Text key={i} style={styles.run}>
                  {i ? '   ·   ' : ''}
                  <Text style={styles.strong}>{g.name ?? ''}</Text>
                  {g.level ? ` (${g.level})` : ''}
                </Text>
              ))}
            </Text>
          </View>
        );
      }
      // One flowing line per group ("Backend: Java, Python, …"), not a name column beside a keyword column:
      // when either column wraps, pdftotext and pdfminer read the columns apart (a keyword list after the
      // next group's name, or after the next section's heading); a single line reads in order everywhere.
      return section.groups.map((g, i) => {
        const name = [g.name, g.level].filter(Boolean).join(' · ');
        return (
          <View key={i} wrap={false}>
            {i === 0 ? heading : null}
            <Text style={styles.groupLine}>
              {name ? <Text style={styles.strong}>{g.keywords.length ? `${name}: ` : name}</Text> : null}
              {g.keywords.join(', ')}
            </Text>
          </View>
        );
      });
    case 'principles':
      return section.principles.map((p, i) => (
        <View key={i} wrap={false}>
          {i === 0 ? heading : null}
          <View style={styles.principle}>
            <Text style={styles.number}>{p.number}</Text>
            <Text style={styles.bulletText} hyphenationPenalty={NO_HYPHEN_BREAK}>
              <Text style={styles.strong}>{p.title}</Text>
              {p.summary ? ' — ' : ''}
              {p.summary ? <Inline spans={p.summary} /> : null}
            </Text>
          </View>
        </View>
      ));
  }
}
