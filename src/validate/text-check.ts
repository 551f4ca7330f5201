import type { DataPath } from '../source/load.js';

/** A string value holding a character no output can show. */
export interface BadText {
  path: DataPath;
  message: string;
}

// C0 controls except tab, newline and carriage return; DEL; C1 controls; U+FFFE and U+FFFF (not characters: XML,
// and so a Word file, cannot hold them); unpaired surrogates.
const BAD = new RegExp(
  String.raw`[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|` +
    String.raw`[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`,
);

const NAMES: Record<number, string> = {
  0: 'a NUL character',
  8: 'a backspace',
  0xb: 'a vertical tab',
  0xc: 'a form feed',
  0x1b: 'an escape character',
  0xfffe: 'a noncharacter',
  0xffff: 'a noncharacter',
};
/** Where such characters usually come from. */
const HINTS: Record<number, string> = {
  0xb: '; a line break pasted from Word?',
  0xc: '; a page break pasted from a PDF?',
};

/**
 * Every string value with a control character or an unpaired surrogate (from a
 * "\uD800" escape): PDF fonts have no glyph for them, HTML and terminals
 * misbehave. Reported, not silently dropped, so the source gets fixed.
 */
export function badText(data: unknown): BadText[] {
  const out: BadText[] = [];
  const stack: [unknown, DataPath][] = [[data, []]];
  while (stack.length) {
    const [v, path] = stack.pop() as [unknown, DataPath];
    if (typeof v === 'string') {
      const m = BAD.exec(v);
      if (m) out.push({ path, message: describe(m[0]) });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, [...path, i]]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) stack.push([child, [...path, k]]);
    }
  }
  return out;
}

function describe(c: string): string {
  const code = c.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff)
    return `contains half of a surrogate pair (${hex}, from a "\\u" escape?), which is not a character; fix the escape`;
  return (
    `contains ${NAMES[code] ?? 'a control character'} (${hex}${HINTS[code] ?? ''}), ` +
    'which no output can show; delete it or use a space'
  );
}
