import { Text } from '@react-pdf/renderer';
import type { Metric } from '../../model/model.js';
import { styles } from './styles.js';

/** U+00A0: extractors read it as a space (pdftotext and PDF.js write a plain space), lines never break at it. */
const NBSP = '\u00a0';
const tie = (s: string) => s.replace(/ /g, NBSP);

/**
 * Figures as one flowing line of "label value" units, the value bold after its label: a grid of cells
 * reads out of order in extractors, and a flowing line that wraps inside a unit reads like word salad
 * ("Kafka flows serving⏎path · Ranking"). So each unit is tied with no-break spaces: a line breaks only
 * after a separator, which stays at the end of the line it closes. The value's run starts with the tie,
 * so the style change from label to value is no break opportunity either (the caller's Text sets
 * NO_HYPHEN_BREAK for the hyphenation point textkit puts there). `gap` is the separator's padding
 * (wider for the headline metrics).
 */
export function MetricLine({ metrics, gap }: { metrics: readonly Metric[]; gap: string }) {
  return (
    <>
      {metrics.map((m, i) => (
        <Text key={i} style={styles.run}>
          {i ? `${tie(gap)}·${gap}` : ''}
          {tie(m.label)}
          <Text style={styles.strong}>{NBSP + tie(m.value)}</Text>
        </Text>
      ))}
    </>
  );
}
