import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { example, fixture, runCli, tempDir } from './helpers.js';

const epoch = { SOURCE_DATE_EPOCH: '1767225600' };

function withSource(from: string, name = 'resume.yaml'): string {
  const dir = tempDir();
  copyFileSync(from, join(dir, name));
  return dir;
}

const text = async (path: string) => (await mammoth.extractRawText({ path })).value;

describe('folio build -f docx end to end', { timeout: 120_000 }, () => {
  it('writes out/<name>.docx, byte-identical for the same source and SOURCE_DATE_EPOCH; not a default format', async () => {
    const dir = withSource(example);
    const a = await runCli(['build', '-f', 'docx', '-o', 'a'], dir, epoch);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    expect(a.stdout).toMatch(/a\/resume\.docx +\d+(\.\d)? KB +\d+ ms\n/);
    expect(readdirSync(join(dir, 'a'))).toEqual(['resume.docx']);
    expect((await runCli(['build', '-f', 'docx', '-o', 'b'], dir, epoch)).status).toBe(0);
    expect(readFileSync(join(dir, 'b/resume.docx')).equals(readFileSync(join(dir, 'a/resume.docx')))).toBe(true);
    // `word` is accepted for docx; a plain build writes no Word file.
    expect((await runCli(['build', '-f', 'word', '-o', 'c'], dir, epoch)).status).toBe(0);
    expect(readFileSync(join(dir, 'c/resume.docx')).equals(readFileSync(join(dir, 'a/resume.docx')))).toBe(true);
    expect((await runCli(['build', '-f', 'html', '-o', 'd'], dir, epoch)).status).toBe(0);
    expect(existsSync(join(dir, 'd/resume.docx'))).toBe(false);
  });

  it('folio.formats makes docx a default format; -f overrides it; a format folio does not know is a located error', async () => {
    const dir = tempDir();
    const src = readFileSync(example, 'utf8');
    writeFileSync(join(dir, 'resume.yaml'), src.replace(/^folio:\n/m, 'folio:\n  formats: [docx, txt]\n'));
    expect(readFileSync(join(dir, 'resume.yaml'), 'utf8')).toContain('formats: [docx, txt]');
    expect((await runCli(['build'], dir, epoch)).status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['resume.docx', 'resume.txt']);
    expect((await runCli(['build', '-f', 'md', '-o', 'md'], dir, epoch)).status).toBe(0);
    expect(readdirSync(join(dir, 'md'))).toEqual(['resume.md']);
    writeFileSync(join(dir, 'resume.yaml'), src.replace(/^folio:\n/m, 'folio:\n  formats: [docx, doc]\n'));
    const bad = await runCli(['build', '-o', 'bad'], dir, epoch);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/resume\.yaml:\d+:\d+: error: folio\.formats\[1\]: .*pdf, html, md, txt, png, docx/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it('--all-variants writes each variant as Word too, with only its items', async () => {
    const dir = withSource(fixture('variants.yaml'));
    const r = await runCli(['build', '--all-variants', '-f', 'docx'], dir, epoch);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['backend', 'data', 'lead']);
    const backend = await text(join(dir, 'out/backend/Ada-Example-Backend.docx'));
    expect(backend).toContain('Backend engineer for payment systems');
    expect(backend).toContain('Zephyr ledger migration');
    expect(backend).not.toContain('Zephyr fraud model');
    const data = readdirSync(join(dir, 'out/data'));
    expect(data).toEqual(['resume.docx']);
    expect(await text(join(dir, 'out/data/resume.docx'))).toContain('Data engineer for streaming analytics');
  });
});

describe('folio check on a .docx', { timeout: 120_000 }, () => {
  it('passes the example against its own source: structure, links, properties, 100% in order', async () => {
    const dir = withSource(example);
    expect((await runCli(['build', '-f', 'docx'], dir, epoch)).status).toBe(0);
    const r = await runCli(['check', 'out/resume.docx', '--source', 'resume.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /structure +\d+ paragraphs, 1 title, 6 heading 1, 6 heading 2, 8 list items, 0 tables, 0 text boxes\n/,
    );
    expect(r.stdout).toMatch(/fonts +Inter\n/);
    expect(r.stdout).toMatch(/links +5: mailto:you@example\.com +tel:\+15550100000 +https:\/\/example\.com/);
    expect(r.stdout).toMatch(/title +Your Name — Backend engineer for high-throughput systems\n/);
    expect(r.stdout).toMatch(/author +Your Name\n/);
    expect(r.stdout).toMatch(/language +en\n/);
    // The PDF's source check: every string of the source is shown, or not shown by design, never missing.
    expect(r.stdout).toMatch(
      /text +(\d+) of (\d+) strings from resume\.yaml found in order; (\d+) not shown by design/,
    );
    const [, found, total, byDesign] = /text +(\d+) of (\d+) .*; (\d+) not shown/.exec(r.stdout) ?? [];
    expect(Number(found) + Number(byDesign)).toBe(Number(total));
    expect(r.stdout).not.toMatch(/^ +missing /m);
  });

  it('fails with exit 1 against another source, naming each missing string and its line', async () => {
    const dir = withSource(example);
    copyFileSync(fixture('unicode.yaml'), join(dir, 'other.yaml'));
    expect((await runCli(['build', '-f', 'docx'], dir, epoch)).status).toBe(0);
    const r = await runCli(['check', 'out/resume.docx', '--source', 'other.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/missing +other\.yaml:3 +basics\.name +"Zoë Łukasiewicz-Núñez"/);
    expect(r.stderr).toMatch(/out\/resume\.docx: check failed: \d+ missing/);
  });

  it('refuses a zip that is not a Word document, and a file that is neither, with exit 1 and no stack', async () => {
    const dir = tempDir();
    // A minimal stored zip holding one file, a.txt: not a Word document.
    const name = Buffer.from('a.txt');
    const data = Buffer.from('hi');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(0xd87f7e0c, 14); // CRC-32 of "hi"
    local.writeUInt32LE(2, 18);
    local.writeUInt32LE(2, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(0xd87f7e0c, 16);
    central.writeUInt32LE(2, 20);
    central.writeUInt32LE(2, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    writeFileSync(join(dir, 'fake.docx'), Buffer.concat([local, name, data, central, name, end]));
    const zip = await runCli(['check', 'fake.docx'], dir);
    expect(zip.status).toBe(1);
    expect(zip.stderr).toBe(
      'fake.docx: error: cannot read this Word file (no word/document.xml with a body: not a Word document)\n',
    );
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const other = await runCli(['check', 'notes.txt'], dir);
    expect(other.status).toBe(1);
    expect(other.stderr).toBe('notes.txt: error: neither a PDF nor a Word (.docx) file\n');
  });
});
