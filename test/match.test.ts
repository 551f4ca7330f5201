import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEXICON } from '../src/check/job-ad/lexicon.js';
import { formatMatch, matchJob } from '../src/check/job-ad/match.js';
import { inflections, jobTerms, termPattern } from '../src/check/job-ad/terms.js';
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

describe('match: linear on one very long line too', () => {
  it('a 270 KB job text with no line breaks, full of terms and technical-looking tokens, is not quadratic', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `Kafka a${i}x gRPC${i} low latency`).join(' ');
    const time = (n: number) => {
      const t0 = performance.now();
      const terms = jobTerms(text(n), ['Kafka streams']);
      return { ms: performance.now() - t0, terms };
    };
    const small = time(2000);
    const big = time(8000);
    expect(text(8000).length).toBeGreaterThan(250_000);
    expect(big.ms).toBeLessThan(Math.max(8 * small.ms, 2000));
    expect(big.terms.find((t) => t.term === 'low latency')?.mentions).toBe(8000);
  }, 30_000);
});

describe('match: a phrase matches only as that phrase, and each claim cites the source words (class: over-claims)', () => {
  const dir = fixture('match');
  const cvText = readFileSync(join(dir, 'resume.yaml'), 'utf8');
  const cv = parseSource(cvText, 'resume.yaml');
  const cvResume = validate(cv, { today: new Date('2026-12-01') }).resume;
  const ad = (name: string) => {
    const r = matchJob(readFileSync(join(dir, `${name}.txt`), 'utf8'), cv, cvResume, null);
    return { r, t: Object.fromEntries(r.terms.map((x) => [x.term, x])), out: formatMatch(r, `${name}.txt`) };
  };
  /** Line and column of the n-th occurrence of `s` in the résumé, as an editor shows them. */
  const at = (s: string, n = 0) => {
    let i = -1;
    for (let k = 0; k <= n; k++) i = cvText.indexOf(s, i + 1);
    const before = cvText.slice(0, i).split('\n');
    return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
  };

  it('backend: "p99 latency" is latency, not low latency; "serving-path migrations" is not "schema migrations"', () => {
    const { t, out } = ad('backend');
    // The ad never says "low latency": the term is latency, and the claim shows the source's own words.
    expect(t['low latency']).toBeUndefined();
    expect(t.latency).toMatchObject({ mentions: 2, required: false });
    expect(t.latency?.shown.map((p) => [p.line, p.col, p.text])).toEqual([
      [at('low-latency').line, at('low-latency').col + 4, 'latency'],
      [at('bid latency').line, at('bid latency').col + 4, 'latency'],
    ]);
    // The résumé says "serving-path migrations" twice, never "schema migrations": not claimed.
    expect(t['schema migrations']).toMatchObject({ mentions: 2, required: true, shown: [], cut: [] });
    expect(out).toMatch(/\nnot in your résumé \(\d+\)\n(.*\n)* {2}schema migrations +×2 required\n/);
    // An inflected phrase is the phrase: "Load balanced" is load balancing, cited as written.
    expect(t['load balancing']?.shown.map((p) => [p.line, p.col, p.text])).toEqual([
      [at('Load balanced').line, at('Load balanced').col, 'Load balanced'],
    ]);
    expect(out).toMatch(
      new RegExp(
        `\\n {2}load balancing +×1 +resume\\.yaml:${at('Load balanced').line}:${at('Load balanced').col} {2}“Load balanced the bidder across three…”\\n`,
      ),
    );
    expect(out).toMatch(
      /\n {2}latency +×2 +resume\.yaml:7:35 {2}“Backend engineer for low-latency serving”\n {37}resume\.yaml:20:17 {2}“Cut bid latency by 250 ms at ~1K QPS with a…”\n/,
    );
  });

  it('positive control: the same résumé saying "schema migration" (singular) is claimed, at the words', () => {
    const text = cvText.replace('Led three serving-path migrations', 'Led three schema migration projects');
    const src2 = parseSource(text, 'resume.yaml');
    const r = matchJob(readFileSync(join(dir, 'backend.txt'), 'utf8'), src2, validate(src2).resume, null);
    const sm = r.terms.find((x) => x.term === 'schema migrations');
    const line = text.split('\n').findIndex((l) => l.includes('schema migration projects')) + 1;
    expect(sm?.shown.map((p) => [p.line, p.col, p.text, p.excerpt])).toEqual([
      [line, 19, 'schema migration', 'Led three schema migration projects without a minute…'],
    ]);
  });

  it('ML platform: low-latency is one term, not also latency; a folded string is cited at the line its words are on', () => {
    const { t } = ad('ml-platform');
    expect(t['low latency']).toMatchObject({ mentions: 1 });
    expect(t.latency).toBeUndefined();
    expect(t['model serving']?.shown).toEqual([]);
    // "recommendation systems" wraps in the folded summary: the citation is the line and column of its first word.
    const rs = t['recommendation systems']?.shown[0];
    expect(rs && [rs.line, rs.col, rs.text]).toEqual([
      at('recommendation\n').line,
      at('recommendation\n').col,
      'recommendation systems',
    ]);
    // "A/B tests" in the résumé is A/B testing; "experimentation" (a broader word) is not claimed by it.
    expect(t['A/B testing']?.shown.map((p) => p.text)).toEqual(['A/B tests']);
    expect(t.experimentation).toMatchObject({ shown: [], cut: [] });
    for (const m of ['PyTorch', 'stream processing', 'MLflow', 'Ray', 'Triton', 'vector databases'])
      expect(t[m]?.shown).toEqual([]);
  });

  it('frontend: a backend résumé claims only what it says, and the frameworks are missing', () => {
    const { r, t } = ad('frontend');
    expect(
      r.terms
        .filter((x) => x.shown.length)
        .map((x) => x.term)
        .sort(),
    ).toEqual(['CI/CD', 'low latency']);
    for (const m of ['React', 'TypeScript', 'Next.js', 'GraphQL', 'WebSockets']) expect(t[m]?.shown).toEqual([]);
  });

  it('in the ad, a longer term wins where two overlap; a word alone never counts as the phrase', () => {
    const names = (s: string) => jobTerms(s).map((x) => `${x.term}×${x.mentions}`);
    expect(names('Keep p99 latency low.')).toEqual(['latency×1', 'p99×1']);
    expect(names('Build low-latency services with low latency.')).toEqual(['low latency×2']);
    expect(names('Own the migrations.')).toEqual([]);
    expect(names('Own database migrations and schema migration tooling.')).toEqual(['schema migrations×2']);
    expect(names('Work on recommendation systems.')).toEqual(['recommendation systems×1']);
    expect(names('Improve recommendations.')).toEqual(['recommendations×1']);
  });

  it('no lexicon alias is a word of its own term: a part of a phrase is never another name for it', () => {
    const words = (s: string) => s.toLowerCase().split(/[ -]/);
    for (const e of LEXICON) {
      const name = words(e.term);
      for (const alias of e.aliases ?? []) {
        const a = words(alias);
        // Proper names (Rails in Ruby on Rails, Lambda in AWS Lambda) are the same thing; common words are not.
        if (a.length >= name.length || alias !== alias.toLowerCase()) continue;
        const inside = name.some((_, i) => a.every((w, j) => inflections(w, false).includes(name[i + j] ?? '')));
        expect(inside, `${alias} is a part of ${e.term}`).toBe(false);
      }
    }
    // The rule can fail: "latency" inside "low latency" is caught.
    const a = words('latency');
    expect(words('low latency').some((_, i) => a.every((w, j) => w === words('low latency')[i + j]))).toBe(true);
  });

  it('inflections: plural alone; plural, -ing and -ed inside a phrase', () => {
    expect(inflections('migrations', false).sort()).toEqual(['migration', 'migrations']);
    expect(inflections('latency', false).sort()).toEqual(['latencies', 'latency']);
    const p = termPattern(['load balancing']);
    for (const yes of ['load balancing', 'Load balanced', 'load-balance', 'load balances']) expect(yes).toMatch(p);
    for (const no of ['load', 'balancing', 'load balancingx', 'overload balancing']) expect(no).not.toMatch(p);
    expect(termPattern(['schema migrations']).test('serving-path migrations')).toBe(false);
  });
});
