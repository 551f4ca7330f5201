import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMatch, matchJob } from '../src/check/job-ad/match.js';
import { jobTerms } from '../src/check/job-ad/terms.js';
import { parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { fixture } from './helpers.js';

const job = readFileSync(fixture('job-data-engineer.txt'), 'utf8');
const yaml = readFileSync(fixture('variants.yaml'), 'utf8');
const src = parseSource(yaml, 'variants.yaml');
const { resume } = validate(src, { today: new Date('2026-12-01') });
const lineOf = (s: string) => yaml.split('\n').findIndex((l) => l.includes(s)) + 1;

describe('match: the technical terms of a job description', () => {
  const terms = jobTerms(job);
  const byName = Object.fromEntries(terms.map((t) => [t.term, t]));

  it('finds tools, languages and practices, whatever their spelling, and nothing from the boilerplate', () => {
    expect(Object.keys(byName).sort()).toEqual([
      'Airflow',
      'BigQuery',
      'Flink',
      'Go',
      'Java',
      'Kafka',
      'Kubernetes',
      'PyTorch',
      'Python',
      'SQL',
      'Scala',
      'Snowflake',
      'Terraform',
      'feature store',
      'machine learning',
      'stream processing',
    ]);
    for (const noise of ['UK', 'EU', 'PTO', 'Leeds', 'Fernhill']) expect(byName[noise]).toBeUndefined();
  });

  it('weighs them: mentions, and whether a requirement names them', () => {
    expect(byName.Kafka).toMatchObject({ mentions: 2, required: true });
    expect(byName.Airflow).toMatchObject({ mentions: 2, required: true });
    expect(byName.Terraform).toMatchObject({ mentions: 1, required: false });
    expect(byName.Go).toMatchObject({ mentions: 1, required: false });
    // "streaming" and "stream processing" are one term.
    expect(byName['stream processing']).toMatchObject({ mentions: 3, required: true });
    // Strong terms first, the most mentioned first.
    expect(terms.slice(0, 4).map((t) => t.term)).toEqual(['stream processing', 'Airflow', 'Flink', 'Kafka']);
    expect(terms.at(-1)?.term).toBe('Terraform');
  });

  it('matches a short name only with its case, and whole words only', () => {
    expect(jobTerms('We go fast and use Django.').map((t) => t.term)).toEqual(['Django']);
    expect(jobTerms('JavaScript only').map((t) => t.term)).toEqual(['JavaScript']);
    expect(
      jobTerms('Services in Go and gRPC, data in S3, C++ and Node.js at the edge')
        .map((t) => t.term)
        .sort(),
    ).toEqual(['C++', 'gRPC', 'Go', 'Node.js', 'S3'].sort());
  });
});

describe('match: a job description against a variant', () => {
  it('lists the terms the variant shows with file:line, those it cuts and why, and those the résumé lacks', () => {
    const r = matchJob(job, src, resume, 'backend');
    const t = Object.fromEntries(r.terms.map((x) => [x.term, x]));
    // Shown by backend: Go in its Zephyr bullet and skills.
    expect(t.Go?.shown.map((p) => p.line)).toEqual([lineOf('with a Go rewrite'), lineOf('keywords: [Go, Java')]);
    expect(t.Java?.shown.length).toBeGreaterThan(0);
    // In the source, cut by backend: the data skills and the Quokka entry.
    expect(t.Kafka?.shown).toEqual([]);
    expect(t.Kafka?.cut.map((p) => p.line)).toEqual([
      lineOf('on Kafka and Flink for 2B'),
      lineOf('keywords: [Kafka, Flink'),
    ]);
    expect(t.Kafka?.cut[0]?.cut).toBe('work[1] tagged data, none of them in include (backend)');
    expect(t.PyTorch?.cut[0]?.cut).toMatch(/tagged (data|ml)/);
    // Not in the résumé at all.
    for (const m of ['Snowflake', 'BigQuery', 'Kubernetes', 'Terraform', 'Scala'])
      expect(t[m]?.shown.length === 0 && t[m]?.cut.length === 0).toBe(true);

    const out = formatMatch(r, 'job.txt');
    expect(out).toMatch(/^job\.txt: \d+ technical terms; variant backend shows \d+ \(\d+%\)/);
    expect(out).toContain(`  Go `);
    expect(out).toMatch(
      /in your source but cut by variant backend \(\d+, \d+ strong\)\n {2}(Airflow|Flink|Kafka) +×2 required +variants\.yaml:\d+/,
    );
    expect(out).toMatch(/not in your résumé \(\d+\)\n( {2}.*\n)* {2}Snowflake +×1 required/);
    expect(out).toContain('nothing was sent anywhere');
  });

  it('the data variant covers the streaming terms; the whole résumé reports each variant', () => {
    const data = matchJob(job, src, resume, 'data');
    const shown = data.terms.filter((t) => t.shown.length).map((t) => t.term);
    expect(shown).toEqual(expect.arrayContaining(['Kafka', 'Flink', 'Airflow', 'PyTorch', 'Python', 'feature store']));
    const base = matchJob(job, src, resume, null);
    expect(base.perVariant.map((v) => v.name)).toEqual(['backend', 'data', 'lead']);
    const data2 = base.perVariant.find((v) => v.name === 'data');
    expect(data2?.covered).toBe(shown.length);
    expect(base.terms.every((t) => t.cut.length === 0)).toBe(true);
  });
});

describe('match: linear in the job text (class: unbounded work)', () => {
  it('a 300 KB text of 30,000 distinct technical-looking tokens is read in one pass, reporting the most mentioned', async () => {
    const { jobTerms, MAX_SHAPED_TERMS } = await import('../src/check/job-ad/terms.js');
    const line = (i: number) => `Requirements: Kafka and a${i}x with gRPC${i}, Node.js, k8s${i % 50} and Java`;
    const text = (n: number) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
    const time = (n: number) => {
      const t0 = performance.now();
      const terms = jobTerms(text(n));
      return { ms: performance.now() - t0, terms };
    };
    const small = time(1000);
    const big = time(4000);
    expect(text(4000).length).toBeGreaterThan(250_000);
    // Four times the text, about four times the work (quadratic would be sixteen).
    expect(big.ms).toBeLessThan(Math.max(8 * small.ms, 2000));
    expect(big.terms.length).toBeLessThanOrEqual(MAX_SHAPED_TERMS + 50);
    // The k8s0…k8s49 tokens are mentioned 80 times each: they are kept.
    expect(big.terms.find((t) => t.term === 'k8s7')?.mentions).toBe(80);
  }, 30_000);
});
