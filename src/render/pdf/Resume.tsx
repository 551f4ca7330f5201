import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ResumeModel } from '../../model/model.js';
import { Header, type Photo } from './Header.js';
import { Section } from './Section.js';
import { styles } from './styles.js';
import type { Paper } from '../paper.js';

export interface PdfDocumentProps {
  model: ResumeModel;
  size: Paper;
  /** Fixed so the same source gives byte-identical PDFs. */
  date: Date;
  /** Font families in fallback order: Inter, then any Noto family the text needs. */
  fontFamily: string[];
  photo: Photo | null;
}

/** Document title: "NAME — HEADLINE", what a recruiter's PDF viewer and file list show. */
export function pdfTitle(model: ResumeModel): string {
  return [model.header.name, model.header.label].filter(Boolean).join(' — ') || 'Résumé';
}

/** The CV: one column, header then sections in the model's order. */
export function ResumeDocument({ model, size, date, fontFamily, photo }: PdfDocumentProps) {
  const h = model.header;
  return (
    <Document
      title={pdfTitle(model)}
      author={h.name ?? undefined}
      subject={h.label ? `Résumé of ${h.name ?? 'the author'}: ${h.label}` : 'Résumé'}
      keywords={model.keywords.join(', ')}
      creator="folio"
      producer="folio"
      language={model.lang}
      creationDate={date}
      modificationDate={date}
    >
      <Page size={size} style={[styles.page, { fontFamily }]}>
        {/* lineHeight lives on this View, not on Page: on Page it makes the fixed footer vanish. */}
        <View style={styles.body}>
          <Header header={h} photo={photo} />
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
