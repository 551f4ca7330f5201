// Writes the field reference of docs/templates.md from the TypeScript types of what the templates receive
// (HtmlPage in src/render/html.ts, MarkdownPage in src/render/markdown.ts, and the model's types they use), so the
// reference cannot drift from the code. Only the part between the two markers is generated; the rest of the file
// is written by hand. `npm run docs` runs it; test/templates-doc.test.ts fails when the file is stale.
// `--stdout` prints the whole file instead of writing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = new URL('..', import.meta.url);
const target = fileURLToPath(new URL('docs/templates.md', root));
export const START = '<!-- folio:fields:start -->';
export const END = '<!-- folio:fields:end -->';

const FILES = ['src/render/html.ts', 'src/render/markdown.ts', 'src/model/model.ts', 'src/model/inline.ts'];

/** The types documented, in this order, under a heading each: the two pages first, then what they contain. */
const GROUPS = [
  [
    'The HTML page (`templates/html/`)',
    'Handlebars escapes every `{{field}}` for HTML; inline text (spans) is printed with the `{{inline field}}` helper.',
    ['HtmlPage', 'HtmlSection', 'MetricPanel'],
  ],
  [
    'The model the HTML page shows',
    'The header and the sections of the HTML page are the résumé model itself (`src/model/model.ts`).',
    [
      'Header',
      'Contact',
      'Section',
      'SectionBase',
      'Entry',
      'EntryLink',
      'Group',
      'Metric',
      'Principle',
      'Inline',
      'Span',
    ],
  ],
  [
    'The Markdown page (`templates/markdown/`)',
    'Every string is Markdown already (user text escaped, inline markup converted): print fields as they are.',
    [
      'MarkdownPage',
      'MarkdownHeader',
      'MarkdownCta',
      'MarkdownSection',
      'MarkdownSectionBase',
      'MarkdownEntry',
      'MarkdownPrinciple',
      'MarkdownGroup',
    ],
  ],
];

/** Every interface and type alias of the files, by name. */
function declarations() {
  const found = new Map();
  for (const file of FILES) {
    const path = fileURLToPath(new URL(file, root));
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const node of source.statements) {
      if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))
        found.set(node.name.text, { node, source, file });
    }
  }
  return found;
}

/** A node's TSDoc text on one line, or ''. */
function docOf(node, source) {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => source.text.slice(r.pos, r.pos + 3) === '/**').at(-1);
  if (!last) return '';
  return source.text
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const code = (s) => `\`${s.replace(/\s+/g, ' ').replace(/\|/g, '\\|')}\``;
const cell = (s) => s.replace(/\|/g, '\\|');

/** One type: its description, and a table of its fields (an interface) or its definition (a type alias). */
function describe(name, { node, source, file }) {
  const out = [`#### \`${name}\``, ''];
  const doc = docOf(node, source);
  out.push(`${doc ? `${doc} ` : ''}(\`${file}\`)`, '');
  if (ts.isInterfaceDeclaration(node)) {
    const base = node.heritageClauses?.flatMap((h) => h.types.map((t) => t.getText(source))) ?? [];
    if (base.length) out.push(`The fields of ${base.map((b) => code(b)).join(', ')}, and:`, '');
    out.push(...fieldTable(node.members, source));
  } else {
    out.push('```ts', `type ${name} = ${node.type.getText(source).replace(/\/\*\*[\s\S]*?\*\/\s*/g, '')}`, '```', '');
    // A union of object types: the fields of each member, as they are documented inline.
    const literals = [];
    const walk = (t) => {
      if (ts.isTypeLiteralNode(t)) literals.push(t);
      else if (ts.isUnionTypeNode(t) || ts.isIntersectionTypeNode(t)) t.types.forEach(walk);
      else if (ts.isParenthesizedTypeNode(t)) walk(t.type);
    };
    walk(node.type);
    // One row per field name: a union's `kind` is one field whose type lists every kind.
    const members = literals.flatMap((l) => [...l.members]).filter((m) => ts.isPropertySignature(m) && m.type);
    const rows = new Map();
    for (const m of members) {
      const key = m.name.getText(source);
      const row = rows.get(key) ?? { types: [], doc: '' };
      const type = m.type.getText(source);
      if (!row.types.includes(type)) row.types.push(type);
      row.doc ||= docOf(m, source);
      rows.set(key, row);
    }
    if (rows.size)
      out.push(
        '| field | type | what it holds |',
        '| --- | --- | --- |',
        ...[...rows].map(([key, r]) => `| \`${key}\` | ${code(r.types.join(' | '))} | ${cell(r.doc)} |`),
        '',
      );
  }
  return out;
}

function fieldTable(members, source) {
  const rows = members.filter((m) => ts.isPropertySignature(m) && m.type);
  if (!rows.length) return [];
  return [
    '| field | type | what it holds |',
    '| --- | --- | --- |',
    ...rows.map(
      (m) => `| \`${m.name.getText(source)}\` | ${code(m.type.getText(source))} | ${cell(docOf(m, source))} |`,
    ),
    '',
  ];
}

/** The generated part of docs/templates.md, markers included. */
export function fieldReference() {
  const found = declarations();
  const out = [
    START,
    '<!-- Generated by `npm run docs` (scripts/gen-templates-doc.mjs) from the TypeScript types. Do not edit',
    '     between the markers: change the types and their comments, then run `npm run docs`. -->',
    '',
  ];
  for (const [title, intro, names] of GROUPS) {
    out.push(`### ${title}`, '', intro, '');
    for (const name of names) {
      const decl = found.get(name);
      if (!decl) throw new Error(`gen-templates-doc: no type ${name} in ${FILES.join(', ')}`);
      out.push(...describe(name, decl));
    }
  }
  out.push(END);
  return out.join('\n');
}

/** docs/templates.md with its field reference replaced by the current one. */
export function templatesDoc() {
  const current = readFileSync(target, 'utf8');
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`gen-templates-doc: docs/templates.md needs the lines ${START} and ${END}`);
  return `${current.slice(0, start)}${fieldReference()}${current.slice(end + END.length)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = templatesDoc();
  if (process.argv.includes('--stdout')) process.stdout.write(doc);
  else writeFileSync(target, doc);
}
