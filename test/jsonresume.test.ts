import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toJsonResume } from '../src/convert/jsonresume/export.js';
import { fromJsonResume } from '../src/convert/jsonresume/import.js';
import { EXTENSION_KEY, type Fields, JSON_RESUME_V1, type Shape } from '../src/convert/jsonresume/v1.js';
import { example, fixture, runCli, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);
const official = require('@jsonresume/schema') as {
  schema: OfficialNode;
  validate: (
    doc: unknown,
    cb: (errors: { property: string; message: string }[] | null, valid: boolean) => void,
  ) => void;
};
interface OfficialNode {
  type?: string;
  properties?: Record<string, OfficialNode>;
  items?: OfficialNode;
  $ref?: string;
}

/** The official validator's verdict, as the list of its messages (empty when valid). */
function officialErrors(doc: unknown): string[] {
  let out: string[] = [];
  official.validate(doc, (errors) => (out = (errors ?? []).map((e) => `${e.property} ${e.message}`)));
  return out;
}

/** Deep copy with keys sorted, so equality ignores key order only. */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
    );
  return v;
}

describe('JSON Resume: the v1 key list', () => {
  it('matches the official schema from @jsonresume/schema exactly', async () => {
    const shapeOf = (n: OfficialNode): Shape => {
      if (n.type === 'object' && n.properties) return { object: fieldsOf(n) };
      if (n.type === 'array' && n.items?.type === 'object') return { list: fieldsOf(n.items) };
      if (n.type === 'array') return 'strings';
      return 'value';
    };
    const fieldsOf = (n: OfficialNode): Fields =>
      Object.fromEntries(Object.entries(n.properties ?? {}).map(([k, v]) => [k, shapeOf(v)]));
    expect(sorted(JSON_RESUME_V1)).toEqual(sorted(fieldsOf(official.schema)));
  });
});

describe('JSON Resume: import then export', () => {
  it('returns the same data for a document with every section and unknown fields, valid for the official schema', async () => {
    const dir = tempDir();
    const input = JSON.parse(readFileSync(fixture('jsonresume-roundtrip.json'), 'utf8')) as Record<string, unknown>;
    expect(officialErrors(input)).toEqual([]);

    const imp = await runCli(['import', fixture('jsonresume-roundtrip.json'), '-o', 'zofia.yaml'], dir);
    expect(imp.status).toBe(0);
    const yaml = readFileSync(join(dir, 'zofia.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+resume\.schema\.json$/);
    // Unknown fields are kept, and reported with their line in the new file.
    const back = parse(yaml) as { basics: Record<string, unknown>; work: Record<string, unknown>[] };
    expect(back.basics.pronouns).toBe('she/her');
    expect(back.work[0]?.team).toEqual({ size: 6, remote: true });
    // Text folio has no slot for is shown as an extra line ("Pronouns: she/her"), so it is not called unknown;
    // a key that holds no résumé text still is.
    expect(imp.stderr).not.toContain('pronouns');
    const themeLine = yaml.split('\n').findIndex((l) => l.startsWith('  theme:')) + 1;
    expect(imp.stderr).toContain(`zofia.yaml:${themeLine}:3: warning: meta.theme: unknown key "theme"`);
    expect(imp.stderr).toContain('folio ignores them');
    expect(imp.stderr).not.toContain('error');

    const exp = await runCli(['export', 'zofia.yaml', '--format', 'jsonresume'], dir);
    expect(exp.status).toBe(0);
    const output = JSON.parse(exp.stdout) as unknown;
    expect(sorted(output)).toEqual(sorted(input));
    expect(officialErrors(output)).toEqual([]);

    // And the imported file builds as is.
    expect((await runCli(['build', 'zofia.yaml', '-f', 'md'], dir)).status).toBe(0);
  }, 60_000);

  it('round-trips the corpus-style fixture in memory too', async () => {
    const input = JSON.parse(readFileSync(fixture('jsonresume-full.json'), 'utf8')) as Record<string, unknown>;
    const { data, notes } = fromJsonResume(input);
    expect(notes).toEqual([]);
    expect(sorted(toJsonResume(data).doc)).toEqual(sorted(input));
  });

  it('the round-trip check can fail: a changed value is caught', async () => {
    const input = JSON.parse(readFileSync(fixture('jsonresume-roundtrip.json'), 'utf8')) as Record<string, unknown>;
    const { doc } = toJsonResume(fromJsonResume(input).data);
    (doc.basics as Record<string, unknown>).label = 'Changed';
    expect(sorted(doc)).not.toEqual(sorted(input));
  });
});

describe('JSON Resume: export of folio extensions', () => {
  const src = readFileSync(fixture('folio-extensions.yaml'), 'utf8');
  const data = parse(src) as Record<string, unknown>;

  it('moves every folio-only field under x-folio and validates against the official schema', async () => {
    const { doc, notes } = toJsonResume(data);
    expect(officialErrors(doc)).toEqual([]);
    expect(doc[EXTENSION_KEY]).toEqual({
      metrics: data.metrics,
      principles: data.principles,
      activities: data.activities,
      callToAction: data.callToAction,
      folio: data.folio,
    });
    expect(doc.basics).toEqual({
      name: 'Ines Extended',
      email: 'ines@example.com',
      [EXTENSION_KEY]: { tagline: 'One line under the label.' },
    });
    expect(doc.work).toEqual([
      {
        name: 'Example Co',
        position: 'Engineer',
        startDate: '2021',
        highlights: ['Plain highlight', 'Tagged highlight'],
        [EXTENSION_KEY]: { tags: ['backend'], highlights: [null, { tags: ['backend', 'lead'] }] },
      },
    ]);
    expect((doc.projects as Record<string, unknown>[])[0]).toEqual({
      name: 'Tool',
      [EXTENSION_KEY]: {
        category: 'Open source',
        outcome: 'Used by many.',
        metrics: [{ label: 'Stars', value: '900' }],
      },
    });
    expect(notes.join('\n')).toContain('"endDate: present" left out');
    expect(notes.join('\n')).toContain('written as text ("2021")');
  });

  it('comes back through import as it was, bar the two JSON Resume spellings', async () => {
    const back = fromJsonResume(toJsonResume(data).doc).data;
    const work = (data.work as Record<string, unknown>[])[0] as Record<string, unknown>;
    const expected = { ...data, work: [{ ...work, startDate: '2021', endDate: undefined }] };
    delete (expected.work[0] as Record<string, unknown>).endDate;
    expect(sorted(back)).toEqual(sorted(expected));
  });

  it('exports the example résumé to a file the official schema accepts, and refuses to overwrite it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'resume.yaml'), readFileSync(example, 'utf8'));
    const r = await runCli(['export', '--format', 'jsonresume', '-o', 'resume.json'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote resume.json');
    const doc = JSON.parse(readFileSync(join(dir, 'resume.json'), 'utf8')) as Record<string, unknown>;
    expect(officialErrors(doc)).toEqual([]);
    expect((doc.basics as Record<string, unknown>).name).toBe('Your Name');
    const again = await runCli(['export', '--format', 'jsonresume', '-o', 'resume.json'], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('resume.json already exists; add --force to overwrite it');
  }, 60_000);

  it('rejects an unknown export format as a usage error', async () => {
    const r = await runCli(['export', '--format', 'europass'], tempDir());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown export format "europass"');
  }, 60_000);
});

describe('JSON Resume: import of older and broken files', () => {
  it('renames JSON Resume 0.x keys and says so', async () => {
    const { data, notes } = fromJsonResume({
      basics: { name: 'Old', website: 'https://old.example', picture: 'https://old.example/me.png' },
      work: [
        { company: 'A', website: 'https://a.example' },
        { company: 'B', name: 'B2' },
      ],
    });
    expect(data).toEqual({
      basics: { name: 'Old', url: 'https://old.example', image: 'https://old.example/me.png' },
      work: [
        { name: 'A', url: 'https://a.example' },
        { company: 'B', name: 'B2' },
      ],
    });
    expect(notes).toContain('renamed basics.website → url: the JSON Resume 1.0 name');
    expect(notes).toContain('renamed work[].company → name: the JSON Resume 1.0 name');
  });

  it('writes what folio cannot use as is, and lists it with its line in the new file', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'in.json'),
      JSON.stringify({ basics: { name: 'Ann' }, work: [{ name: 'X', startDate: 'March 2021', url: 'www.x.example' }] }),
    );
    const r = await runCli(['import', 'in.json', '-o', 'out.yaml'], dir);
    expect(r.status).toBe(0);
    const lines = readFileSync(join(dir, 'out.yaml'), 'utf8').split('\n');
    const at = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    expect(r.stderr).toContain(
      `out.yaml:${at('March 2021')}:16: error: work[0].startDate: expected a date like 2021-03 (got "March 2021")`,
    );
    expect(r.stderr).toContain(
      `out.yaml:${at('www.x.example')}:10: error: work[0].url: expected a link starting with https://, mailto: or tel:`,
    );
    expect(r.stderr).toContain('could not map 2 values (listed above as errors): fix them in out.yaml before building');
    expect((await runCli(['import', 'in.json', '-o', 'out.yaml'], dir)).stderr).toContain(
      'out.yaml already exists; add --force',
    );
    expect((await runCli(['import', 'in.json', '-o', 'out.yaml', '--force'], dir)).status).toBe(0);
  }, 60_000);

  it('prints to stdout without -o, notes to stderr; a syntax error is located', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.json'), '{"basics": {"name": "Ann"}}');
    const r = await runCli(['import', 'in.json'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^# yaml-language-server: \$schema=.*\n# Imported from in\.json by "folio import"\.\n\nbasics:\n {2}name: Ann\n$/,
    );
    writeFileSync(join(dir, 'bad.json'), '{"basics": {"name": "Ann",\n  "label": "Unclosed}}\n');
    const bad = await runCli(['import', 'bad.json'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.json:2:\d+: error:/);
    expect(bad.stdout).toBe('');
  }, 60_000);
});
