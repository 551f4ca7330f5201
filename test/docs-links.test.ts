import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

// The README is the front door: short, and a link to each page of docs/, every link landing on a file and heading.
const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));
const pages = ['README.md', ...docs.map((f) => `docs/${f}`)];
const text = (page: string) => readFileSync(join(root, page), 'utf8');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

/** Anchors of a Markdown page's headings, outside fenced code. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const h = fenced ? null : /^#{1,6} (.+)$/.exec(line);
    if (h?.[1]) out.add(slug(h[1]));
  }
  return out;
}

/** Relative links of a page ([text](target)), outside fenced code; web and mail links left out. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((target) => !/^[a-z]+:/.test(target));
}

describe('README and docs/', () => {
  it('keeps the README under 8 KB', () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThanOrEqual(8 * 1024);
  });

  it('links every page of docs/ from the README', () => {
    const readme = links(text('README.md'));
    expect(docs.length).toBeGreaterThanOrEqual(8);
    for (const f of docs) expect(readme, `README.md does not link docs/${f}`).toContain(`docs/${f}`);
  });

  it('has no broken relative link or anchor', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const target of links(text(page))) {
        const [file = '', anchor] = target.split('#');
        const dest = file ? join(dirname(page), file) : page;
        let body: string;
        try {
          body = text(dest);
        } catch {
          broken.push(`${page}: ${target} (no file ${dest})`);
          continue;
        }
        if (anchor && !anchors(body).has(anchor)) broken.push(`${page}: ${target} (no heading #${anchor} in ${dest})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('finds a broken link and a missing anchor (negative control)', () => {
    expect(anchors('# The PDF and ATS\n```\n# not a heading\n```\n## 5. Build, fitted').has('5-build-fitted')).toBe(
      true,
    );
    expect(anchors('```\n# not a heading\n```').size).toBe(0);
    expect(links('[a](docs/x.md#y) [b](https://e.com) `x`\n```\n[c](z.md)\n```')).toEqual(['docs/x.md#y']);
  });
});
