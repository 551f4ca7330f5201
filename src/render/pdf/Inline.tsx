import { Link, Text } from '@react-pdf/renderer';
import type { Inline as InlineSpans } from '../../model/model.js';
import { isSafeHref } from '../../validate/links.js';
import { styles } from './styles.js';

/** Spans as nested <Text>: bold, italic and code styled, vetted links clickable; never literal `**`. */
export function Inline({ spans }: { spans: InlineSpans }) {
  return (
    <>
      {spans.map((s, i) => {
        const style = [
          styles.run,
          s.bold ? styles.strong : {},
          s.italic ? { fontStyle: 'italic' as const } : {},
          s.code ? styles.code : {},
        ];
        if (s.href && isSafeHref(s.href)) {
          return (
            <Link key={i} src={s.href} style={[...style, styles.link]}>
              {s.text}
            </Link>
          );
        }
        return (
          <Text key={i} style={style}>
            {s.text}
          </Text>
        );
      })}
    </>
  );
}
