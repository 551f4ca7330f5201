import { type Font as FontkitFont, openSync } from 'fontkit';
import type { FontName } from '../../model/design.js';
import type { DataPath } from '../../source/load.js';
import { FALLBACKS, type FallbackFont, FONT_FAMILY, familyFontPath, mainFontPath, resolveFont } from './font-files.js';

/** A string the PDF will show, with where it came from (a data path such as `basics.name`). */
export interface ShownText {
  path: DataPath;
  text: string;
}

/** A character no registered font can draw. */
export interface Uncovered {
  path: DataPath;
  char: string;
  /** `U+0E01` */
  codePoint: string;
  /** Offset of the character in the field's text (code units). */
  index: number;
  /** The fallback package that would cover it but is not installed, if any. */
  missingPackage: string | null;
}

export interface Coverage {
  /** Fallback fonts the text needs, in FALLBACKS order. */
  fallbacks: FallbackFont[];
  /** Fields that hold emoji (left out of the PDF). */
  emoji: { path: DataPath; emoji: string[] }[];
  uncovered: Uncovered[];
  /** Characters the design's chosen family lacks that Inter or a Noto font draws instead (a warning each). */
  notInFamily: Omit<Uncovered, 'missingPackage'>[];
  /** Whether Inter must stand behind the chosen family. */
  interFallback: boolean;
}

/** An emoji sequence: a pictograph or flag with its modifiers, variation selectors and ZWJ joins. */
const EMOJI = new RegExp(
  String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator})` +
    String.raw`(?:\p{Emoji_Modifier}|[\ufe0e\ufe0f\u20e3]|[\u{e0020}-\u{e007f}])*` +
    String.raw`(?:\u200d(?:\p{Extended_Pictographic})(?:\p{Emoji_Modifier}|[\ufe0e\ufe0f])*)*`,
  'gu',
);
/** Invisible characters that never need a glyph (a variation selector too: on its own, not as part of a character). */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each variation selector is ignorable on its own
const IGNORABLE = /[\s\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufe0e\ufe0f\ufeff]/u;

let main: FontkitFont | undefined;
const families = new Map<FontName, FontkitFont>();
const fallbackFonts = new Map<string, FontkitFont | null>();

function mainFont(): FontkitFont {
  main ??= openSync(mainFontPath());
  return main;
}

function familyFont(family: FontName): FontkitFont {
  let f = families.get(family);
  if (!f) families.set(family, (f = family === FONT_FAMILY ? mainFont() : openSync(familyFontPath(family))));
  return f;
}

function fallbackFont(f: FallbackFont): FontkitFont | null {
  if (!fallbackFonts.has(f.id)) {
    const path = resolveFont(f.pkg, f.regular);
    fallbackFonts.set(f.id, path ? openSync(path) : null);
  }
  return fallbackFonts.get(f.id) ?? null;
}

/** The text as the PDF shows it: emoji the main font cannot draw are removed, with the space that led to them. */
export function withoutEmoji(text: string): string {
  if (!text.match(EMOJI)) return text;
  const font = mainFont();
  const GONE = '\u0000';
  return text
    .replace(EMOJI, (m) =>
      font.hasGlyphForCodePoint(m.codePointAt(0) ?? 0) && m.length <= 2 ? m.replace(/[\ufe0e\ufe0f]/gu, '') : GONE,
    )
    .replace(/[ \t]*\u0000[\u0000 \t]*(?=[.,;:!?)\]}»”’]|$)/gmu, '')
    .replace(/^[ \t]*\u0000[\u0000 \t]*/gmu, '')
    .replace(/[ \t]*\u0000[\u0000 \t]*/gu, ' ');
}

/**
 * Which fonts the text needs: Inter first, then the Noto fallback for the
 * character's script. Emoji are reported (the PDF leaves them out); anything
 * else no font can draw is `uncovered`, so the build can refuse it instead of
 * printing tofu.
 */
export function checkCoverage(shown: readonly ShownText[], family: FontName = FONT_FAMILY): Coverage {
  const font = mainFont();
  const chosen = familyFont(family);
  const notInFamily: Coverage['notInFamily'] = [];
  let interFallback = false;
  const needed = new Set<FallbackFont>();
  const emoji: Coverage['emoji'] = [];
  const uncovered: Uncovered[] = [];
  for (const { path, text } of shown) {
    const found = [...text.matchAll(EMOJI)]
      .map((m) => m[0])
      .filter((m) => !font.hasGlyphForCodePoint(m.codePointAt(0) ?? 0));
    if (found.length) emoji.push({ path, emoji: [...new Set(found)] });
    const rest = withoutEmoji(text);
    for (const char of rest) {
      const cp = char.codePointAt(0) ?? 0;
      if (IGNORABLE.test(char) || chosen.hasGlyphForCodePoint(cp)) continue;
      const codePoint = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      // Characters of a script the chosen family was never meant for (CJK, Arabic …) go to Noto without a word;
      // a Latin, Greek or Cyrillic letter it lacks is worth a warning: that letter looks different from its word.
      const scriptFallback = FALLBACKS.some((f) => f.range.test(char));
      if (chosen !== font && !scriptFallback)
        notInFamily.push({ path, char, codePoint, index: Math.max(0, text.indexOf(char)) });
      if (font.hasGlyphForCodePoint(cp)) {
        if (chosen !== font) interFallback = true;
        continue;
      }
      const fallback = FALLBACKS.find((f) => f.range.test(char));
      const fbFont = fallback ? fallbackFont(fallback) : null;
      if (fallback && fbFont?.hasGlyphForCodePoint(cp)) {
        needed.add(fallback);
        continue;
      }
      // Punctuation and symbols outside a script's range (the katakana middle dot U+30FB, full-width
      // forms): whichever installed fallback has the glyph draws it.
      const other = FALLBACKS.find((f) => fallbackFont(f)?.hasGlyphForCodePoint(cp));
      if (other) {
        needed.add(other);
        continue;
      }
      uncovered.push({
        path,
        char,
        index: Math.max(0, text.indexOf(char)),
        codePoint,
        missingPackage: fallback && !fbFont ? fallback.pkg : null,
      });
    }
  }
  return { fallbacks: FALLBACKS.filter((f) => needed.has(f)), emoji, uncovered, notInFamily, interFallback };
}
