import { Text } from '@react-pdf/renderer';
import type { Metric } from '../../model/model.js';
import { styles } from './styles.js';

/**
 * Figures as one flowing line of "label value" pairs, the value bold: a grid of cells would read out
 * of order in extractors. `gap` is the separator's padding (wider for the headline metrics).
 */
export function MetricLine({ metrics, gap }: { metrics: readonly Metric[]; gap: string }) {
  return (
    <>
      {metrics.map((m, i) => (
        <Text key={i} style={styles.run}>
          {i ? `${gap}·${gap}` : ''}
          {`${m.label} `}
          <Text style={styles.strong}>{m.value}</Text>
        </Text>
      ))}
    </>
  );
}
