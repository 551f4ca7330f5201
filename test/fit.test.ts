import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ResumeModel } from '../src/model/model.js';
import { normalise } from '../src/model/normalise.js';
import { prepareVariant, renderWithinPages } from '../src/pipeline/variant-build.js';
import { describeScale, fitLadder, fitToPages, type RenderAt } from '../src/render/fit.js';
import { renderPdf } from '../src/render/pdf.js';
import { DEFAULT_DESIGN, NO_SCALE, type PdfScale, tokens } from '../src/render/tokens.js';
import { UserError } from '../src/source/diagnostics.js';
import { parseSource } from '../src/source/load.js';
import { tailor } from '../src/tailor/variants.js';
import { validate } from '../src/validate/validate.js';
import { fixture, loadResume } from './helpers.js';

const date = new Date('2026-01-01T00:00:00Z');

/** A stand-in renderer: every list item is one unit tall, and a page holds more units the tighter the scale. */
function fakeRender(capacityAt: (s: PdfScale) => number): RenderAt & { calls: PdfScale[] } {
  const calls: PdfScale[] = [];
  const fn = async (m: ResumeModel, s: PdfScale) => {
    calls.push(s);
    const units = m.sections.reduce(
      (n, sec) => n + (sec.kind === 'entries' ? sec.entries.length : sec.kind === 'groups' ? sec.groups.length : 0),
      0,
    );
    return { bytes: Buffer.from(JSON.stringify(s)), pages: Math.max(1, Math.ceil(units / capacityAt(s))) };
  };
  return Object.assign(fn, { calls });
}

/** Capacity grows as each knob tightens: 10 units at the design's own settings. */
const capacity = (s: PdfScale) =>
  10 +
  Math.round((1 - s.spacing) * 10) +
  Math.round((NO_SCALE.lineHeight - s.lineHeight) * 40) +
  Math.round((NO_SCALE.body - s.body) * 8);

describe('fit: the ladder of settings', () => {
  it('tightens spacing, then line height, then font size, each step tighter, down to the token floors', () => {
    const ladder = fitLadder(DEFAULT_DESIGN);
    expect(ladder[0]).toEqual({ ...NO_SCALE, spacing: 0.85 });
    expect(ladder.at(-1)).toEqual({
      spacing: tokens.fit.spacing.floor,
      lineHeight: tokens.fit.lineHeight.floor,
      body: tokens.fit.body.floor,
    });
    for (let i = 1; i < ladder.length; i++) {
      const [a, b] = [ladder[i - 1] as PdfScale, ladder[i] as PdfScale];
      expect(b.spacing <= a.spacing && b.lineHeight <= a.lineHeight && b.body <= a.body).toBe(true);
      expect(b).not.toEqual(a);
    }
    // Spacing first: line height and font untouched until spacing is at its floor.
    expect(
      ladder
        .filter((s) => s.spacing > tokens.fit.spacing.floor)
        .every((s) => s.lineHeight === NO_SCALE.lineHeight && s.body === NO_SCALE.body),
    ).toBe(true);
  });

  it('says what changed, in points and percent', () => {
    expect(describeScale(NO_SCALE, DEFAULT_DESIGN)).toBeNull();
    expect(describeScale({ spacing: 0.85, lineHeight: 1.4, body: 9 }, DEFAULT_DESIGN)).toBe(
      'font 9.5 → 9 pt, spacing −15%',
    );
    expect(describeScale({ spacing: 0.55, lineHeight: 1.3, body: 9.5 }, DEFAULT_DESIGN)).toBe(
      'line height 1.4 → 1.3, spacing −45%',
    );
  });
});

describe('fit: choosing a setting (stand-in renderer)', () => {
  const { resume } = loadResume(fixture('variants.yaml'));
  const model = normalise(tailor(resume, 'lead').resume);

  it('renders once when the document already fits', async () => {
    const r = fakeRender(() => 100);
    const out = await fitToPages(model, 1, true, r);
    expect(out).toMatchObject({ ok: true, pages: 1, scale: NO_SCALE, renders: 1 });
  });

  it('finds the least change that fits, the same way every time', async () => {
    const r1 = fakeRender(capacity);
    const a = await fitToPages(model, 1, true, r1);
    const r2 = fakeRender(capacity);
    const b = await fitToPages(model, 1, true, r2);
    expect(a.ok && b.ok).toBe(true);
    expect(a.scale).toEqual(b.scale);
    expect(r1.calls).toEqual(r2.calls);
    // The first rung of the ladder that holds every item is the answer.
    const units = model.sections.reduce(
      (n, sec) => n + (sec.kind === 'entries' ? sec.entries.length : sec.kind === 'groups' ? sec.groups.length : 0),
      0,
    );
    expect(units).toBe(15);
    const least = fitLadder(DEFAULT_DESIGN).find((s) => capacity(s) >= units);
    expect(a.scale).toEqual(least);
    expect(a.renders).toBeLessThanOrEqual(6);
  });

  it('without fit, does not tighten: it reports the overflow', async () => {
    const out = await fitToPages(model, 1, false, fakeRender(capacity));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.scale).toEqual(NO_SCALE);
  });

  it('names the first item that does not fit when even the floors overflow', async () => {
    // 7 units fit at the floors: the 8th list item in reading order spills over.
    const out = await fitToPages(
      model,
      1,
      true,
      fakeRender(() => 7),
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const order = model.sections.flatMap((s) =>
      s.kind === 'entries'
        ? s.entries.map((e, i) => ({ section: s.id, index: i, title: e.title }))
        : s.kind === 'groups'
          ? s.groups.map((g, i) => ({ section: s.id, index: i, title: g.name }))
          : [],
    );
    const eighth = order[7];
    expect(out.overflow).toMatchObject({ section: eighth?.section, index: eighth?.index, after: order.length - 8 });
    expect(out.overflow?.title).toContain(eighth?.title ?? '?');
  });
});

describe('fit: the real PDF', () => {
  const { resume } = loadResume(fixture('variants.yaml'));
  const render: RenderAt = (m, scale) => renderPdf(m, { date, scale });

  it('fails a variant that cannot fit, naming the item where it overflows', { timeout: 60_000 }, async () => {
    const model = normalise(tailor(resume, 'lead').resume);
    const out = await fitToPages(model, 1, true, render);
    expect(out.ok).toBe(false);
    if (out.ok || !out.overflow) throw new Error('expected an overflow item');
    const floor = fitLadder(DEFAULT_DESIGN).at(-1) as PdfScale;
    // The definition of "the item where it overflows": everything before it fits, adding it does not.
    const upTo = (withIt: boolean): ResumeModel => {
      const o = out.overflow!;
      const i = model.sections.findIndex((s) => s.id === o.section);
      const cut = (s: ResumeModel['sections'][number], n: number) =>
        s.kind === 'entries'
          ? { ...s, entries: s.entries.slice(0, n) }
          : s.kind === 'groups'
            ? { ...s, groups: s.groups.slice(0, n) }
            : s;
      const n = o.index + (withIt ? 1 : 0);
      return { ...model, sections: [...model.sections.slice(0, i), ...(n ? [cut(model.sections[i]!, n)] : [])] };
    };
    expect((await render(upTo(false), floor)).pages).toBe(1);
    expect((await render(upTo(true), floor)).pages).toBe(2);
  });
});

describe('fit: the message for a variant over its maxPages (stand-in renderer)', () => {
  const yaml = readFileSync(fixture('variants.yaml'), 'utf8');
  const src = parseSource(yaml, 'cv.yaml');
  const { resume } = validate(src, { today: new Date('2026-12-01') });

  it('without fit: how many pages, the source item where it overflows, and the --fit hint', async () => {
    const v = prepareVariant(src, resume, 'data', { fallbackName: 'cv' });
    // data shows Kestrel, Ibis, Osprey, Pelican, Quokka, Numbat and 3 skill groups: at 4 a page, Quokka's entry is the first over.
    const err = await renderWithinPages(
      normalise(v.tailored.resume),
      v,
      fakeRender(() => 4),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const line = yaml.split('\n').indexOf('  - name: Quokka Analytics') + 1;
    expect((err as Error).message).toBe(
      `cv.yaml: error: variant data is 3 pages, over its maxPages of 1; it overflows at work[1] "Data Engineer · Quokka Analytics" (cv.yaml:${line}) and the 4 items after it. ` +
        'Run with --fit (or set fit: true) to tighten spacing, line height and font size, or cut items with tags.',
    );
  });

  it('with fit: the note says what changed', async () => {
    const v = prepareVariant(src, resume, 'data', { fallbackName: 'cv', fit: true });
    const out = await renderWithinPages(
      normalise(v.tailored.resume),
      v,
      fakeRender((s) => capacity(s) - 2),
    );
    expect(out.pages).toBe(1);
    expect(out.note).toBe('data: fitted to 1 page: spacing −15%');
  });
});
