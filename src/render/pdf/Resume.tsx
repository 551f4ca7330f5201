import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ResumeModel } from '../../model.js';
import { Header } from './Header.js';
import { Section } from './Section.js';
import { styles } from './styles.js';

export interface PdfDocumentProps {
  model: ResumeModel;
  size: 'A4' | 'LETTER';
  /** Fixed so the same source gives byte-identical PDFs. */
  date: Date;
}

/** The CV: one column, header then sections in the model's order. */
export function ResumeDocument({ model, size, date }: PdfDocumentProps) {
  const h = model.header;
  const title = [h.name, h.label].filter(Boolean).join(' — ') || 'Résumé';
  return (
    <Document
      title={title}
      author={h.name ?? undefined}
      subject={h.label ? `Résumé: ${h.label}` : 'Résumé'}
      keywords={model.keywords.join(', ')}
      creator="folio"
      producer="folio"
      language={model.lang}
      creationDate={date}
      modificationDate={date}
    >
      <Page size={size} style={styles.page}>
        {/* lineHeight lives on this View, not on Page: on Page it makes the fixed footer vanish. */}
        <View style={styles.body}>
          <Header header={h} />
          {model.sections.map((s) => (
            <Section key={s.id} section={s} />
          ))}
        </View>
        <View style={styles.footer} fixed>
          <Text render={({ pageNumber }) => (pageNumber > 1 ? (h.name ?? '') : '')} />
          <Text render={({ pageNumber, totalPages }) => (pageNumber > 1 ? `page ${pageNumber} of ${totalPages}` : '')} />
        </View>
      </Page>
    </Document>
  );
}
