import { Image, Link, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { Header as HeaderModel, Photo } from '../../model/model.js';
import { Inline } from './Inline.js';
import { NO_HYPHEN_BREAK } from './long-words.js';
import { FACTS_ORDER, HEADER_ORDER } from './order.js';
import { styles } from './styles.js';

const SEPARATOR = '  ·  ';

/** Name, headline, pitch and every way to reach the owner (the PDF goes to employers: phone and address included). */
export function Header({ header, photo }: { header: HeaderModel; photo: Photo | null }) {
  return (
    <View style={styles.header}>
      <View style={styles.headerText}>{HEADER_ORDER.map((part) => PARTS[part](header))}</View>
      {photo ? (
        <Image
          style={styles.photo}
          src={{
            data: Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength),
            format: photo.format,
          }}
        />
      ) : null}
    </View>
  );
}

/** How each part of the header is drawn, in the order of HEADER_ORDER; null when the résumé has none. */
const PARTS: Record<(typeof HEADER_ORDER)[number], (header: HeaderModel) => ReactNode> = {
  name: (header) =>
    header.name ? (
      <Text key="name" style={styles.name}>
        {header.name}
      </Text>
    ) : null,
  label: (header) =>
    header.label ? (
      <Text key="label" style={styles.label}>
        {header.label}
      </Text>
    ) : null,
  tagline: (header) =>
    header.tagline ? (
      <Text key="tagline" style={styles.tagline} hyphenationPenalty={NO_HYPHEN_BREAK}>
        <Inline spans={header.tagline} />
      </Text>
    ) : null,
  // One flowing line each, not a wrapping row of boxes: extractors read wrapped boxes as columns.
  contacts: (header) =>
    header.contacts.length ? (
      <Text key="contacts" style={styles.contacts}>
        {header.contacts.map((c, i) => (
          <Text key={i} style={styles.run}>
            {i ? SEPARATOR : ''}
            {c.href ? (
              <Link src={c.href} style={styles.link}>
                {c.text}
              </Link>
            ) : (
              c.text
            )}
          </Text>
        ))}
      </Text>
    ) : null,
  facts: (header) => {
    const facts = FACTS_ORDER.flatMap((k) => header[k] ?? []).filter(Boolean);
    return facts.length ? (
      <Text key="facts" style={styles.facts}>
        {facts.join(SEPARATOR)}
      </Text>
    ) : null;
  },
  // Fields of basics folio has no slot for, in source order (the PDF goes to employers: private ones too).
  extras: (header) =>
    header.extras.map((e, i) => (
      <Text key={`extra${i}`} style={styles.facts}>
        <Inline spans={e.line} />
      </Text>
    )),
  summary: (header) =>
    header.summary ? (
      <Text key="summary" style={styles.summary} hyphenationPenalty={NO_HYPHEN_BREAK}>
        <Inline spans={header.summary} />
      </Text>
    ) : null,
};
