import { Document, Page, Text, View } from '@react-pdf/renderer';
import { fill } from '../../model/locale.js';
import type { Photo, ResumeModel } from '../../model/model.js';
import type { Paper } from '../paper.js';
import { documentSubject, documentTitle } from '../view.js';
import { TextWidth, textWidth } from './breaks.js';
import { Header } from './Header.js';
import { Section } from './Section.js';
import { styles } from './styles.js';

export interface PdfDocumentProps {
  model: ResumeModel;
  size: Paper;
  /** Fixed so the same source gives byte-identical PDFs. */
  date: Date;
  /** Font families in fallback order: Inter, then any Noto family the text needs. */
  fontFamily: string[];
  photo: Photo | null;
}

/** The CV: one column, header then sections in the model's order. */
export function ResumeDocument({ model, size, date, fontFamily, photo }: PdfDocumentProps) {
  const h = model.header;
  return (
    <Document
      title={documentTitle(model)}
      author={h.name ?? undefined}
      subject={documentSubject(model)}
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
          <TextWidth.Provider value={textWidth(size)}>
            <Header header={h} photo={photo} />
            {model.sections.map((s, i) => (
              <Section key={s.id} section={s} afterEntry={endsWithEntry(model.sections.slice(0, i))} />
            ))}
          </TextWidth.Provider>
        </View>
        <View style={styles.footer} fixed>
          {/* One line at most: the running footer is furniture (the name in full heads page 1), and a name that
              wrapped would climb over the page's last lines. */}
          <Text style={[styles.run, FOOTER_NAME]} render={({ pageNumber }) => (pageNumber > 1 ? (h.name ?? '') : '')} />
          <Text
            style={styles.run}
            render={({ pageNumber, totalPages }) =>
              pageNumber > 1 ? fill(model.words.page, { n: pageNumber, total: totalPages }) : ''
            }
          />
        </View>
      </Page>
    </Document>
  );
}

/** The footer's name gives way to the page number when it is long (cut at the line's end, ellipsis). */
const FOOTER_NAME = { maxWidth: '70%', maxLines: 1, textOverflow: 'ellipsis' } as const;

/** Whether the last block drawn for these sections is an entry (the call to action draws nothing). */
function endsWithEntry(sections: readonly ResumeModel['sections'][number][]): boolean {
  const last = sections.filter((s) => s.kind !== 'cta').at(-1);
  return last?.kind === 'entries' && last.entries.length > 0;
}
