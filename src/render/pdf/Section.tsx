import { Text, View } from '@react-pdf/renderer';
import type { Section as SectionModel } from '../../model.js';
import { Entry } from './Entry.js';
import { Inline } from './Inline.js';
import { styles } from './styles.js';

/**
 * One section. Section intros are left out on purpose: the PDF is a CV, the
 * portfolio page carries the prose. The heading is never the last line on a page.
 */
export function Section({ section }: { section: SectionModel }) {
  if (section.kind === 'cta') return null;
  return (
    <View style={styles.section}>
      <Text style={styles.heading} minPresenceAhead={40}>
        {section.title}
      </Text>
      <Body section={section} />
    </View>
  );
}

function Body({ section }: { section: Exclude<SectionModel, { kind: 'cta' }> }) {
  switch (section.kind) {
    case 'metrics':
      return (
        <View style={styles.metricGrid}>
          {section.metrics.map((m, i) => (
            <View key={i} style={styles.metric} wrap={false}>
              <Text style={styles.metricValue}>{m.value}</Text>
              <Text style={styles.metricLabel}>{m.label}</Text>
            </View>
          ))}
        </View>
      );
    case 'entries':
      return (
        <View>
          {section.entries.map((e, i) => (
            <Entry key={i} entry={e} />
          ))}
        </View>
      );
    case 'groups':
      return (
        <View>
          {section.groups.map((g, i) => (
            <View key={i} style={styles.groupRow} wrap={false}>
              <Text style={styles.groupName}>{[g.name, g.level].filter(Boolean).join(' · ')}</Text>
              <Text style={styles.groupItems}>{g.keywords.join(', ')}</Text>
            </View>
          ))}
        </View>
      );
    case 'principles':
      return (
        <View>
          {section.principles.map((p, i) => (
            <View key={i} style={styles.principle} wrap={false}>
              <Text style={styles.number}>{p.number}</Text>
              <Text style={styles.bulletText}>
                <Text style={styles.strong}>{p.title}</Text>
                {p.summary ? ' — ' : ''}
                {p.summary ? <Inline spans={p.summary} /> : null}
              </Text>
            </View>
          ))}
        </View>
      );
  }
}
