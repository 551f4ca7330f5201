import { UserError } from '../source/diagnostics.js';

/** Letters NFKD does not take apart into ASCII plus accents. */
const FOLD: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'Th',
  þ: 'th',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
  Ŋ: 'N',
  ŋ: 'n',
  ſ: 's',
  '’': '',
  "'": '',
};
/**
 * Greek and Cyrillic letters, transliterated (ELOT 743 / a simple scientific scheme, lower case; upper case follows).
 */
const TRANSLIT: Record<string, string> = Object.fromEntries(
  Array.from(
    [
      'α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch ψ ps ω o',
      'а a б b в v г g д d е e ё e ж zh з z и i й i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch',
      'ш sh щ shch ъ _ ы y ь _ э e ю yu я ya і i ї i є ie ґ g',
    ]
      .join(' ')
      .matchAll(/(\S+) (\S+)/g),
    ([, letter, latin]) => [letter, latin === '_' ? '' : latin],
  ),
);

/** "Zoë Łukasiewicz-Núñez" → "Zoe-Lukasiewicz-Nunez": ASCII letters, digits and dashes only. */
export function asciiFold(s: string): string {
  // Accents off first (έ → ε, й → и), then letters mapped; "ου" is one sound in Greek.
  const bare = s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ου/g, 'ou').replace(/Ου|ΟΥ/g, 'Ou');
  const out = [...bare]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const t = FOLD[ch] ?? TRANSLIT[lower];
      if (t === undefined) return ch;
      return ch !== lower && t ? t[0]?.toUpperCase() + t.slice(1) : t;
    })
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  return out
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * The base name (no extension) every output file gets. `pattern` (from
 * --name or folio.output) may use `{name}`, the owner's name folded to ASCII;
 * without a pattern the source's own base name is used. Patterns that could
 * escape the output directory are refused.
 */
export function outputBaseName(
  pattern: string | undefined,
  ownerName: string | null | undefined,
  sourceBase: string,
): string {
  if (pattern === undefined) return sourceBase;
  const p = pattern.trim();
  if (!p) throw new UserError('error: the output name pattern is empty; use e.g. --name "{name}-Resume"');
  if (/[/\\]/.test(p) || /^[A-Za-z]:/.test(p) || p.split(/[/\\]/).includes('..') || p.includes('..')) {
    throw new UserError(
      `error: output name "${pattern}" must be a file name without folders or "..": use --out to choose the folder`,
    );
  }
  if (/[\u0000-\u001f<>:"|?*]/.test(p))
    throw new UserError(
      `error: output name "${pattern}" holds characters file systems refuse (< > : " | ? * or control characters)`,
    );
  const unknown = [...p.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((k) => k !== 'name');
  if (unknown.length)
    throw new UserError(`error: output name "${pattern}" uses {${unknown[0]}}; the only placeholder is {name}`);
  const name = asciiFold(ownerName ?? '') || sourceBase;
  const base = p.replaceAll('{name}', name).replace(/\s+/g, '-');
  if (base.startsWith('.'))
    throw new UserError(`error: output name "${pattern}" would make a hidden file; start it with a letter or {name}`);
  return base;
}
