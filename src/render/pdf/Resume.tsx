import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { ResumeModel } from '../../model/model.js';
import { fill } from '../../model/locale.js';
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
  return [model.header.name, model.header.label].filter(Boolean).join(' — ') || model.words.resume;
}

/** Document subject: "Résumé of NAME: HEADLINE", "Lebenslauf von NAME: …", in the résumé's language. */
export function pdfSubject(model: ResumeModel): string {
  const { name, label } = model.header;
  const what = name ? fill(model.words.resumeOf, { name }) : model.words.resume;
  return label ? `${what}: ${label}` : what;
}

/** The CV: one column, header then sections in the model's order. */
export function ResumeDocument({ model, size, date, fontFamily, photo }: PdfDocumentProps) {
  const h = model.header;
  return (
    <Document
      title={pdfTitle(model)}
      author={h.name ?? undefined}
      subject={pdfSubject(model)}
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
          <Text style={styles.run} render={({ pageNumber }) => (pageNumber > 1 ? (h.name ?? '') : '')} />
          <Text style={styles.run} render={({ pageNumber, totalPages }) => (pageNumber > 1 ? fill(model.words.page, { n: pageNumber, total: totalPages }) : '')} />
        </View>
      </Page>
    </Document>
  );
}
