import { Link, Text, View } from '@react-pdf/renderer';
import type { Entry as EntryModel } from '../../model.js';
import { Inline } from './Inline.js';
import { styles } from './styles.js';

/** One job, degree or story. The header and first line stay together; bullets never split. */
export function Entry({ entry }: { entry: EntryModel }) {
  const meta = [entry.location, ...entry.details].filter((s): s is string => Boolean(s));
  return (
    <View style={styles.entry}>
      <View wrap={false} minPresenceAhead={24}>
        {entry.category ? <Text style={styles.category}>{entry.category}</Text> : null}
        <View style={styles.entryHead}>
          <Text style={styles.entryTitle}>
            {entry.title ?? ''}
            {entry.subtitle ? <Text style={styles.subtitle}>{` · ${entry.subtitle}`}</Text> : null}
          </Text>
          {entry.dates ? <Text style={styles.dates}>{entry.dates}</Text> : null}
        </View>
        {meta.length ? <Text style={styles.meta}>{meta.join(' · ')}</Text> : null}
      </View>
      {entry.outcome ? (
        <Text style={styles.outcome}>
          <Inline spans={entry.outcome} />
        </Text>
      ) : null}
      {entry.summary ? (
        <Text style={styles.para}>
          <Inline spans={entry.summary} />
        </Text>
      ) : null}
      {entry.highlights.map((h, i) => (
        <View key={i} style={styles.bulletRow} wrap={false}>
          <Text style={styles.bullet}>•</Text>
          <Text style={styles.bulletText}>
            <Inline spans={h} />
          </Text>
        </View>
      ))}
      {entry.metrics.length ? (
        <Text style={styles.chips}>
          {entry.metrics.map((m, i) => (
            <Text key={i}>
              {i ? '   ·   ' : ''}
              {`${m.label} `}
              <Text style={styles.strong}>{m.value}</Text>
            </Text>
          ))}
        </Text>
      ) : null}
      {entry.keywords.length ? <Text style={styles.chips}>{entry.keywords.join(', ')}</Text> : null}
      {entry.url ? (
        <Link src={entry.url.href} style={[styles.chips, styles.link]}>
          {entry.url.text}
        </Link>
      ) : null}
    </View>
  );
}
