import type { Command } from 'commander';
import type { Io } from '../io.js';

/** `de<TAB>Deutsch<TAB>German`: the code first, so `folio locales | cut -f1` gives the codes. */
export async function localesText(): Promise<string> {
  // The catalogues load when the command runs, not with the command table.
  const { listLocales } = await import('../../validate/languages.js');
  return listLocales()
    .map((l) => `${[l.code, l.name, l.englishName, ...(l.dir === 'rtl' ? ['right to left'] : [])].join('\t')}\n`)
    .join('');
}

export function registerLocales(program: Command, io: Io): void {
  program
    .command('locales')
    .description('list the languages folio writes its own words in (folio.lang)')
    .addHelpText(
      'after',
      `
One language a line, tab-separated: its code (for folio.lang), its name in itself and in English,
"right to left" for Arabic and Hebrew.
folio writes section titles, dates, "Present", page numbers and labels in the résumé's language:
  folio:
    lang: de                # Berufserfahrung, März 2021 – heute, Seite 2 von 2
    locale:                 # your own wording for any of them
      present: bis heute
A lang with no catalogue uses its base language (de-AT → de, pt-PT → pt), else English, with a warning.
Without folio.lang, a text written mostly in Japanese, Chinese, Korean, Arabic, Hebrew, Greek,
Russian or Ukrainian is shown in that language (the build says so).

Example:
  $ folio locales | cut -f1`,
    )
    .action(async () => {
      io.stdout.write(await localesText());
    });
}
