import { Image, Link, Text, View } from '@react-pdf/renderer';
import type { Header as HeaderModel } from '../../model/model.js';
import { Inline } from './Inline.js';
import { styles } from './styles.js';

const SEPARATOR = '  ·  ';

/** A photo already read from disk (renderers never touch the file system). */
export interface Photo {
  data: Buffer;
  format: 'png' | 'jpg';
}

/** Name, headline, pitch and every way to reach the owner (the PDF goes to employers: phone and address included). */
export function Header({ header, photo }: { header: HeaderModel; photo: Photo | null }) {
  const facts = [header.location, ...header.address, header.availability].filter((s): s is string => Boolean(s));
  return (
    <View style={styles.header}>
      <View style={styles.headerText}>
        {header.name ? <Text style={styles.name}>{header.name}</Text> : null}
        {header.label ? <Text style={styles.label}>{header.label}</Text> : null}
        {header.tagline ? (
          <Text style={styles.tagline}>
            <Inline spans={header.tagline} />
          </Text>
        ) : null}
        {/* One flowing line each, not a wrapping row of boxes: extractors read wrapped boxes as columns. */}
        {header.contacts.length ? (
          <Text style={styles.contacts}>
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
        ) : null}
        {facts.length ? <Text style={styles.facts}>{facts.join(SEPARATOR)}</Text> : null}
        {/* Fields of basics folio has no slot for, in source order (the PDF goes to employers: private ones too). */}
        {header.extras.map((e, i) => (
          <Text key={i} style={styles.facts}>
            <Inline spans={e.line} />
          </Text>
        ))}
        {header.summary ? (
          <Text style={styles.summary}>
            <Inline spans={header.summary} />
          </Text>
        ) : null}
      </View>
      {photo ? <Image style={styles.photo} src={{ data: photo.data, format: photo.format }} /> : null}
    </View>
  );
}
