// Class: no false alarm and no extra line from a Windows or old-Mac line end inside a text (JSON from other tools
// holds "\r\n"). The PDF drew a lone "\r" as a second, blank line, and its self-check took "alpha\r\nbeta" for
// missing while every word was on the page. The model reads any line end as one "\n"; "\n" alone is the control.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText, runCli, tempDir } from './helpers.js';

describe('line ends inside a text', () => {
  it('\\r\\n and \\r read as \\n in every format: the self-check finds every string, no blank line is drawn', async () => {
    const dir = tempDir();
    const resume = {
      basics: { name: 'Ada Example' },
      work: [
        {
          name: 'Acme',
          position: 'Engineer',
          startDate: '2020-01',
          highlights: ['gamma\ndelta', 'alpha\r\nbeta', 'eps\rzeta'],
        },
      ],
    };
    writeFileSync(join(dir, 'cv.json'), JSON.stringify(resume));
    const r = await runCli(['build', 'cv.json', '-f', 'pdf,md,txt', '-o', 'out'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/self-check: 7 of 7 strings from cv\.json found in order/);
    const pdf = await pdfText(readFileSync(join(dir, 'out/cv.pdf')));
    // Each bullet is two lines, the second right under the first: the same for all three line ends.
    for (const [a, b] of [
      ['gamma', 'delta'],
      ['alpha', 'beta'],
      ['eps', 'zeta'],
    ])
      expect(pdf).toMatch(new RegExp(`• ${a}\\n${b}\\n`));
    for (const ext of ['md', 'txt']) expect(readFileSync(join(dir, `out/cv.${ext}`), 'utf8')).not.toContain('\r');
  }, 60_000);
});
