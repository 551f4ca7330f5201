// Class: a corrupt or fake photo (issue 16, class 11). A photo that is not a whole PNG or JPEG is left out
// of the PDF with one located warning (an error with --strict), never handed to the renderer, which dropped
// it with only its library's words ("Incomplete or corrupt PNG file"), once per render.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixture, runCli, tempDir } from './helpers.js';
import { jpeg } from './support/jpeg.js';

describe('folio build with a damaged photo', { timeout: 120_000 }, () => {
  const warn = vi.spyOn(console, 'warn');
  afterEach(() => warn.mockClear());
  const project = (photo: Buffer, name: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), photo);
    writeFileSync(join(dir, 'resume.yaml'), `basics:\n  name: Ana Photo\n  image: ${name}\nfolio:\n  photo: true\n`);
    return dir;
  };
  const image = /\/Subtype \/Image/;

  it('one located warning, the PDF built without the photo and no library text; --strict makes it an error', async () => {
    const j = await jpeg();
    // Cut inside the image data, past every header segment (a cut in the header is "its header is damaged").
    const dir = project(j.subarray(0, j.length - 40), 'me.jpg');
    const r = await runCli(['build', '-f', 'pdf'], dir);
    expect(r.status).toBe(0);
    const message =
      'resume.yaml:3:10: warning: basics.image: me.jpg is not a whole JPEG image: it ends before its image data does (a truncated file); the PDF is built without the photo';
    expect(r.stderr.split('\n').filter((l) => l.includes('me.jpg'))).toEqual([message, '   3 |   image: me.jpg']);
    expect(warn).not.toHaveBeenCalled();
    expect(readFileSync(join(dir, 'out/resume.pdf'), 'latin1')).not.toMatch(image);

    const failed = await runCli(['build', '-f', 'pdf', '-o', 'strict', '--strict'], dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(message.replace(': warning: ', ': error: '));
    expect(existsSync(join(dir, 'strict'))).toBe(false);
  });

  it('a .png that is text gets the same warning, saying so; a whole JPEG is in the PDF (the control)', async () => {
    const text = project(Buffer.from('<html>404 Not Found</html>\n'), 'me.png');
    const r = await runCli(['build', '-f', 'pdf'], text);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^resume\.yaml:3:10: warning: basics\.image: me\.png is not a PNG or JPEG image \(it holds text\); the PDF is built without the photo$/m,
    );
    expect(readFileSync(join(text, 'out/resume.pdf'), 'latin1')).not.toMatch(image);
    const whole = project(await jpeg(), 'me.jpg');
    copyFileSync(fixture('photo.png'), join(whole, 'unused.png'));
    const ok = await runCli(['build', '-f', 'pdf'], whole);
    expect(ok.status).toBe(0);
    expect(ok.stderr).not.toContain('me.jpg');
    expect(readFileSync(join(whole, 'out/resume.pdf'), 'latin1')).toMatch(image);
    expect(warn).not.toHaveBeenCalled();
  });
});
