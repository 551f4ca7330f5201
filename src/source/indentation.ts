// Why a YAML file that fails to parse fails: the common indentation slips, found on the raw lines.
//
// yaml reports where its reading broke down, which after an indentation slip is often a line or two
// away and comes with follow-on errors ("a second key: on the same line" for a key indented one space
// too far). This reads the block structure line by line, the way a person checks it by eye, and names
// the first line whose indentation fits no open mapping or list, with what to do about it.

/** The first indentation slip: 1-based line and column, and a message saying what to change. */
export interface IndentSlip {
  line: number;
  col: number;
  message: string;
  /** The file is valid YAML as written, but reads a misplaced list item as more text of the item above. */
  readsAsText?: boolean;
}

interface Level {
  indent: number;
  kind: 'map' | 'seq';
  /** Who owns this level, for messages: `basics:` or an item of `profiles:`. */
  owner: string;
  /** The first key (or `-`) seen at this level, to line up with. */
  first: string;
  /** The line that opened this level. */
  line: number;
  /** The indentation of the `key:` whose value this level is, when it opened on a line of its own. */
  under?: number;
}

/** An entry on a line: a key or a list item at a column. */
interface Entry {
  col: number;
  kind: 'map' | 'seq';
  /** `email:` or `-` as written, for messages. */
  label: string;
  /** What follows the key or dash on this line ('' when the value is on the lines below). */
  value: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'[\]{},&*!|>%@`-][^#]*?|-\d[^#]*?)\s*:(?:\s+|$)(.*)$/;

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;

/** The first indentation slip in `text`, or null when the block structure is consistent. */
export function findIndentSlip(text: string, topLevelKeys?: ReadonlySet<string>): IndentSlip | null {
  const lines = text.split(/\r?\n/);
  const stack: Level[] = [];
  // The previous line's last entry ended with `key:` or `-` and nothing after it: its value may follow, indented.
  let opener: { indent: number; owner: string } | null = null;
  // Levels closed by the previous line, to tell "this line is indented too far" from "the line before left its
  // mapping".
  let closed: { line: number; entry: Entry; levels: Level[] } | null = null;
  // A value that continues on more-indented lines: a block scalar (| >), plain text, or an open quote or bracket.
  let skipDeeperThan: number | null = null;
  let until: ((line: string) => boolean) | null = null;
  let plainFrom: number | null = null;
  // How far this file indents a mapping's keys under their key: where a first key or a list item's dash should sit.
  const step = usualStep(lines);

  for (let n = 1; n <= lines.length; n++) {
    const raw = lines[n - 1] ?? '';
    if (until) {
      if (until(raw)) until = null;
      continue;
    }
    const body = raw.trimStart();
    const indent = raw.length - body.length;
    if (body === '' || body.startsWith('#')) continue;
    if (raw.startsWith('---') || raw.startsWith('...') || raw.startsWith('%')) return null;
    if (/^[ ]*\t/.test(raw)) return null; // tabs have their own message
    if (skipDeeperThan !== null) {
      if (indent > skipDeeperThan) continue;
      skipDeeperThan = null;
    }
    const entries = entriesOf(body, indent);
    if (entries.length === 0) {
      // Plain text may go on over several lines, indented past its key.
      if (plainFrom !== null && indent > plainFrom) continue;
      const colon = /^([A-Za-z_][\w.-]*):(?!\/\/)(\S.*)$/.exec(body);
      if (colon) return colonSlip(n, indent, colon[1] as string, colon[2] as string);
      return null; // flow collections, complex keys: not the slips this looks for
    }
    const head = entries[0] as Entry;
    const continues = plainFrom !== null && indent > plainFrom;
    if (continues && head.kind === 'seq' && stack[stack.length - 1]?.kind === 'seq') {
      // `- a` then `   - b` one space further: valid YAML, but "b" becomes more text of item a.
      const slip = misplaced(stack, head, n, null);
      return {
        ...slip,
        message: `${slip.message}; as written, YAML reads it as more text of the item above`,
        readsAsText: true,
      };
    }
    plainFrom = null;
    const prevClosed = closed;
    closed = null;

    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as Entry;
      const missingSpace = spaceSlip(e, n);
      // `highlights:` then `-Cut latency`: valid YAML (one text, not a list), so yaml says nothing; say it here.
      // More text of a value above (`summary: a` then `  -b`) is no list item.
      // Only a line of its own right under `key:`: `- -! x` is a list item holding the text "-! x".
      if (missingSpace) return !continues && i === 0 && opener ? { ...missingSpace, readsAsText: true } : missingSpace;
      if (i > 0) {
        // `- key: value` opens the item's mapping at the key's column.
        stack.push({
          indent: e.col,
          kind: e.kind,
          owner: ownerOf(stack, entries[i - 1] as Entry),
          first: e.label,
          line: n,
        });
        opener = null;
      } else if (opener && e.col > opener.indent) {
        stack.push({ indent: e.col, kind: e.kind, owner: opener.owner, first: e.label, line: n, under: opener.indent });
        opener = null;
      } else if (opener && e.kind === 'seq' && e.col === opener.indent) {
        // `key:` followed by `- item` at the key's own indentation is valid YAML.
        stack.push({ indent: e.col, kind: 'seq', owner: opener.owner, first: e.label, line: n, under: opener.indent });
        opener = null;
      } else {
        // `location:` then `city:` at the same indentation: location is left empty, which is
        // the slip if the lines after city are indented as location's keys.
        if (opener)
          closed = {
            line: n,
            entry: e,
            levels: [{ indent: -1, kind: e.kind, owner: opener.owner, first: e.label, line: n }],
          };
        opener = null;
        const at = findLevel(stack, e);
        if (at >= 0) {
          const popped = stack.splice(at + 1);
          if (popped.length) closed = { line: n, entry: e, levels: [...(closed?.levels ?? []), ...popped] };
        } else {
          return (
            misplacedFirst(stack, e, n, step) ??
            misplacedDash(stack, e, n, step) ??
            misplaced(stack, e, n, prevClosed, topLevelKeys)
          );
        }
      }
      if (i < entries.length - 1) continue;
      const v = e.value;
      if (v === '' || /^[&!][^\s]*\s*$/.test(v)) {
        opener = { indent: e.col, owner: ownerOf(stack, e) };
      } else if (/^[|>]/.test(v)) {
        skipDeeperThan = levelIndent(stack, e);
      } else if (/^["']/.test(v) && !hasClosingQuote(v[0] as string, v.slice(1))) {
        const q = v[0] as string;
        until = (l) => hasClosingQuote(q, l);
      } else if (/^[[{]/.test(v) && depthOf(v) > 0) {
        let depth = depthOf(v);
        until = (l) => (depth += depthOf(l)) <= 0;
      } else if (e.kind === 'seq' && /^[A-Za-z_][\w.-]*:(?!\/\/)\S/.test(v)) {
        const [k, ...rest] = v.split(':');
        return colonSlip(n, e.col + 2, k as string, rest.join(':'));
      } else {
        plainFrom = levelIndent(stack, e);
      }
    }
  }
  return null;
}

/** The entries on one line: `- - key: v` gives a list item, (another,) then a key, each with its column. */
function entriesOf(body: string, indent: number): Entry[] {
  const out: Entry[] = [];
  let rest = body;
  let col = indent;
  for (;;) {
    const dash = /^-(?:\s+|$)/.exec(rest);
    if (dash) {
      out.push({ col, kind: 'seq', label: '-', value: stripComment(rest.slice(dash[0].length)) });
      col += dash[0].length;
      rest = rest.slice(dash[0].length);
      if (rest === '' || rest.startsWith('#')) return out;
      continue;
    }
    if (/^-[^\s-]/.test(rest) && !/^-\d/.test(rest)) {
      // `-network: GitHub`: a list item missing the space after its dash.
      out.push({ col, kind: 'seq', label: '-', value: `\u0000${rest}` });
      return out;
    }
    const key = KEY.exec(rest);
    if (key) {
      out.push({ col, kind: 'map', label: `${key[1]}:`, value: stripComment(key[2] ?? '') });
      return out;
    }
    if (out.length === 0) return out;
    // A list item holding plain text: the dash already recorded it.
    return out;
  }
}

/** A missing space after `:` or `-` at a place where a key or list item is expected. */
function spaceSlip(e: Entry, line: number): IndentSlip | null {
  if (e.kind === 'seq' && e.value.startsWith('\u0000')) {
    const written = e.value.slice(1);
    return {
      line,
      col: e.col + 1,
      message: `a list item needs a space after its dash: write "- ${written.slice(1)}" instead of "${written}"`,
    };
  }
  return null;
}

/** `email:you@example.com`: YAML reads the whole line as text, not as a key and its value. */
function colonSlip(line: number, col: number, key: string, value: string): IndentSlip {
  return {
    line,
    col: col + key.length + 1,
    message:
      `a key needs a space after its colon: write "${key}: ${value}" instead of "${key}:${value}"; ` +
      `without it YAML reads the line as text, not as the key ${key}`,
  };
}

/** Which open level `e` continues: the innermost one at its column and of its kind. */
function findLevel(stack: Level[], e: Entry): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    const l = stack[i] as Level;
    if (l.indent < e.col) return -1;
    if (l.indent === e.col && l.kind === e.kind) return i;
  }
  if (stack.length === 0) {
    stack.push({ indent: e.col, kind: e.kind, owner: 'the top level', first: e.label, line: 0 });
    return 0;
  }
  return -1;
}

/** The indentation step most used in the file: a `key:` line's next line, when it is a key indented further. */
function usualStep(lines: string[]): number {
  const seen = new Map<number, number>();
  let open: number | null = null;
  for (const raw of lines) {
    const body = raw.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const indent = raw.length - body.length;
    if (open !== null && indent > open && !body.startsWith('-'))
      seen.set(indent - open, (seen.get(indent - open) ?? 0) + 1);
    open = /^[\w"'][^#]*:\s*(#.*)?$/.test(body) && !body.startsWith('- ') ? indent : null;
  }
  let best = 2;
  for (const [d, count] of seen) if (count > (seen.get(best) ?? 0)) best = d;
  return best;
}

/**
 * `basics:` then `   name: Ada` then `  label: Lead`: the second key is off from the first, but it is the first key
 * that moved (one space past where this file indents keys), and the keys after it agree. Blame the first key's line
 * when it sits off the file's usual step and the key below it sits on it.
 */
function misplacedFirst(stack: Level[], e: Entry, line: number, step: number): IndentSlip | null {
  const level = stack[stack.length - 1];
  if (e.kind !== 'map' || !level || level.kind !== 'map' || level.line !== line - 1 || level.under === undefined)
    return null;
  const d = e.col - level.indent;
  if (d === 0 || level.indent - level.under === step || e.col - level.under !== step) return null;
  const key = `\`${level.first}\``;
  const fix = d > 0 ? `indent ${key} by ${d === 1 ? '1 more space' : `${d} more spaces`}` : `remove ${spaces(-d)}`;
  return {
    line: line - 1,
    col: level.indent + 1,
    message:
      `indentation: ${key} is indented ${spaces(level.indent)}, but the keys after it in ${level.owner} ` +
      `are indented ${e.col}; ${fix} so that ${key} lines up with \`${e.label}\``,
  };
}

/**
 * `profiles:` then `   - network: GitHub` then `      username: ada`: the key on the second line is off from
 * `network:`, but it is the first item's dash that moved (one space short of where this file puts a dash), and the
 * lines below agree with each other. Blame the dash line when moving it by the difference puts it where the file's
 * dashes go.
 */
function misplacedDash(stack: Level[], e: Entry, line: number, step: number): IndentSlip | null {
  const item = stack[stack.length - 1];
  const list = stack[stack.length - 2];
  if (e.kind !== 'map' || !item || !list || item.kind !== 'map' || list.kind !== 'seq') return null;
  // Only the first item of its list, opened on the line just above: a later item's dash is confirmed by the ones
  // before.
  if (item.line !== line - 1 || list.line !== line - 1 || list.under === undefined) return null;
  const d = e.col - item.indent;
  const natural = (dash: number) => dash - (list.under as number) === 0 || dash - (list.under as number) === step;
  if (d === 0 || natural(list.indent) || !natural(list.indent + d)) return null;
  const fix =
    d > 0
      ? `indent this list item by ${d === 1 ? '1 more space' : `${d} more spaces`}`
      : `remove ${spaces(-d)} before its dash`;
  return {
    line: line - 1,
    col: list.indent + 1,
    message:
      `indentation: this list item of ${list.owner} is indented ${spaces(list.indent)}, ` +
      `but the keys below it are indented ${e.col} as if it were at ${list.indent + d}; ` +
      `${fix} so that \`${item.first}\` lines up with \`${e.label}\``,
  };
}

/** A line whose indentation fits no open level: say which level it was meant for and by how much to move it. */
function misplaced(
  stack: Level[],
  e: Entry,
  line: number,
  prev: { line: number; entry: Entry; levels: Level[] } | null,
  topLevelKeys?: ReadonlySet<string>,
): IndentSlip {
  const what = e.kind === 'map' ? `\`${e.label}\`` : 'this list item';
  // The line before closed a level this line still belongs to: the line before is the slip (a key dedented out of its
  // mapping).
  const left = prev?.levels.find(
    (l) => l.kind === e.kind && (l.indent === e.col || (l.indent === -1 && e.col > prev.entry.col)),
  );
  if (prev && left) {
    // The line after is the next item of a list: a key goes with the item above it, not at the dash's column.
    const item =
      prev.entry.kind === 'map' && left.kind === 'seq'
        ? [...prev.levels].reverse().find((l) => l.kind === 'map' && l.indent > left.indent)
        : undefined;
    const into = item ?? left;
    const d = (item ? item.indent : e.col) - prev.entry.col;
    const p = prev.entry.kind === 'map' ? `\`${prev.entry.label}\`` : 'the list item';
    return {
      line: prev.line,
      col: prev.entry.col + 1,
      message:
        `indentation: ${p} is indented ${spaces(prev.entry.col)}, which takes it out of ${into.owner}, ` +
        `but the lines after it are indented ${spaces(e.col)} as if still under it; ` +
        `indent ${p} by ${spaces(d)} to keep it under ${into.owner}`,
    };
  }
  const same = stack.filter((l) => l.kind === e.kind);
  const deeper = same.find((l) => l.indent > e.col);
  const shallower = [...same].reverse().find((l) => l.indent < e.col);
  // Halfway between two levels: the nearer one, and on a tie the deeper one (the mapping the line sits in),
  // unless the key is one of the résumé's top-level keys and the shallower level is the top.
  const topKey = e.kind === 'map' && shallower === stack[0] && topLevelKeys?.has(e.label.slice(0, -1)) === true;
  const target =
    deeper &&
    (!shallower ||
      deeper.indent - e.col < e.col - shallower.indent ||
      (deeper.indent - e.col === e.col - shallower.indent && !topKey))
      ? deeper
      : (shallower ?? (stack[stack.length - 1] as Level));
  const d = Math.abs(target.indent - e.col);
  const others =
    e.kind === 'map'
      ? target === stack[0]
        ? 'the other top-level keys'
        : `the other keys of ${target.owner}`
      : `the other items of ${target.owner}`;
  const fix =
    target.indent > e.col
      ? `indent ${what} by ${d === 1 ? '1 more space' : `${d} more spaces`} ` +
        `to keep it ${target === stack[0] ? 'at the top level' : `under ${target.owner}`}`
      : `remove ${spaces(d)} so that ${what === 'this list item' ? 'it' : what} ` +
        `lines up with ${e.kind === 'map' ? `\`${target.first}\`` : 'them'}`;
  return {
    line,
    col: e.col + 1,
    message: `indentation: ${what} is indented ${spaces(e.col)}, but ${others} are indented ${target.indent}; ${fix}`,
  };
}

/** How a level is named in messages: `basics:`, an item of `profiles:`, or the top level. */
function ownerOf(stack: Level[], e: Entry): string {
  if (e.kind === 'map') return `\`${e.label}\``;
  const list = stack[stack.length - 1];
  return list ? `the ${list.owner} item` : 'the list item';
}

/** The indentation of the level `e` sits in: continuation lines must go deeper than it. */
function levelIndent(_stack: Level[], e: Entry): number {
  return e.col;
}

function stripComment(v: string): string {
  // A comment starts at " #" outside quotes; values here are only inspected for their first characters and emptiness.
  const hash = /(^|\s)#/.exec(v);
  return (hash ? v.slice(0, hash.index) : v).trim();
}

/** Is there a closing quote in `s` (the text after an opening quote `q`)? */
function hasClosingQuote(q: string, s: string): boolean {
  if (q === '"') return /(^|[^\\])(\\\\)*"/.test(s);
  return s.replace(/''/g, '').includes("'");
}

/** Open brackets minus closed ones, ignoring quoted text. */
function depthOf(s: string): number {
  let d = 0;
  let quote: string | null = null;
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') d++;
    else if (c === ']' || c === '}') d--;
    else if (c === '#') break;
  }
  return d;
}
