// folio benchmark: whole-process timings on this machine, medians and spread, each also as a
// ratio to the `node -e ''` floor measured in the same run. Not a test: run `npm run bench`.
//
//   node bench/bench.mjs [--runs N] [--skip-batch]
//
// Figures: floor; cold full build (pdf, html, md; the default build, self-check included); cold html+md;
// cold PDF only; cold Word (docx) only; the same for a long résumé; warm PDF rebuild inside one process (the watch path);
// peak memory (max RSS) of the full build; Typst compiling a comparable résumé; headless Chromium
// printing folio's own HTML to PDF; and a batch of 100 résumés with 1 and 2 workers.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = new URL('../', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 10;
const skipBatch = args.includes('--skip-batch');

if (!existsSync(cli)) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'folio-bench-'));
copyFileSync(join(root, 'resume.yaml'), join(work, 'resume.yaml'));
writeFileSync(join(work, 'long.json'), JSON.stringify(longResume()));
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };

/** Wall time of one whole process, in seconds; throws if it fails. */
function timeProcess(cmd, argv, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: work, env, encoding: 'utf8', ...opts });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return s;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs) => [Math.min(...xs), Math.max(...xs)];

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const typstReady = existsSync(join(root, 'node_modules/@myriaddreamin/typst-ts-node-compiler'));

// Cases, run interleaved (one of each per round) so load drift hits all of them alike.
const cases = [
  ["floor: node -e ''", () => timeProcess(process.execPath, ['-e', ''])],
  ['cold build, all formats', () => timeProcess(process.execPath, [cli, 'build', 'resume.yaml', '-o', 'o-all'])],
  [
    'cold build, html+md',
    () => timeProcess(process.execPath, [cli, 'build', 'resume.yaml', '-f', 'html,md', '-o', 'o-hm']),
  ],
  [
    'cold build, pdf only',
    () => timeProcess(process.execPath, [cli, 'build', 'resume.yaml', '-f', 'pdf', '-o', 'o-pdf']),
  ],
  [
    'cold build, docx only',
    () => timeProcess(process.execPath, [cli, 'build', 'resume.yaml', '-f', 'docx', '-o', 'o-docx']),
  ],
  [
    'cold build, long résumé, all formats',
    () => timeProcess(process.execPath, [cli, 'build', 'long.json', '-o', 'o-long']),
  ],
];
if (typstReady)
  cases.push([
    'Typst, comparable résumé (whole process)',
    () => timeProcess(process.execPath, [join(root, 'bench/typst-compile.mjs'), join(work, 'typst.pdf')]),
  ]);
if (chromium) {
  timeProcess(process.execPath, [cli, 'build', 'resume.yaml', '-f', 'html', '-o', 'o-html']);
  const profile = join(work, 'chrome-profile');
  cases.push([
    "Chromium --print-to-pdf of folio's HTML",
    () =>
      timeProcess(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${profile}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${join(work, 'chromium.pdf')}`,
          `file://${join(work, 'o-html/resume.html')}`,
        ],
        { stdio: 'ignore' },
      ),
  ]);
}

const results = new Map(cases.map(([name]) => [name, []]));
for (const [, fn] of cases) fn(); // warm the disk cache once; not counted
for (let i = 0; i < runs; i++) for (const [name, fn] of cases) results.get(name).push(fn());

// Warm rebuild in one process: the path `folio build --watch` takes after each save.
const warmScript = join(work, 'warm.mjs');
writeFileSync(
  warmScript,
  `import { build } from ${JSON.stringify(join(root, 'dist/index.js'))};
const times = [];
for (let i = 0; i < ${runs + 2}; i++) {
  const t0 = performance.now();
  await build({ source: 'resume.yaml', outDir: 'o-warm', formats: ['pdf'] });
  times.push((performance.now() - t0) / 1000);
}
process.stdout.write(JSON.stringify(times.slice(2)));`,
);
const warm = JSON.parse(spawnSync(process.execPath, [warmScript], { cwd: work, env, encoding: 'utf8' }).stdout);

// Peak memory: the full build, with maxRSS read at exit by a preloaded hook.
const rssHook = join(work, 'rss.mjs');
writeFileSync(
  rssHook,
  `process.on('exit', () => process.stderr.write('\\nmaxrss=' + process.resourceUsage().maxRSS + '\\n'));`,
);
const rss = [];
for (let i = 0; i < Math.min(runs, 5); i++) {
  const r = spawnSync(process.execPath, ['--import', rssHook, cli, 'build', 'resume.yaml', '-o', 'o-rss'], {
    cwd: work,
    env,
    encoding: 'utf8',
  });
  rss.push(Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024);
}

/** The example with twelve jobs and nine stories: a résumé of five or more pages. */
function longResume() {
  const r = parse(readFileSync(join(root, 'resume.yaml'), 'utf8'));
  const job = r.work[0];
  r.work = Array.from({ length: 12 }, (_, i) => ({
    ...job,
    name: `Company ${i + 1}`,
    startDate: `${2020 - i}-01`,
    endDate: `${2020 - i}-12`,
    highlights: [...job.highlights, ...job.highlights],
  }));
  r.projects = [...r.projects, ...r.projects, ...r.projects];
  return r;
}

const floor = median(results.get(cases[0][0]));
const rows = [];
const row = (name, xs, unit = 's') => {
  const m = median(xs);
  const [lo, hi] = spread(xs);
  rows.push([
    name,
    `${m.toFixed(3)} ${unit}`,
    `${lo.toFixed(3)}–${hi.toFixed(3)}`,
    unit === 's' ? `${(m / floor).toFixed(1)}×` : '',
  ]);
};
for (const [name] of cases) row(name, results.get(name));
row('warm PDF rebuild in one process (watch path)', warm);
rows.push([
  'peak memory, full build (max RSS)',
  `${median(rss).toFixed(0)} MB`,
  `${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)}`,
  '',
]);

// Batch: 100 résumés from one directory, with 1 and 2 workers.
if (!skipBatch) {
  const batch = join(work, 'batch');
  mkdirSync(batch, { recursive: true });
  const src = readFileSync(join(root, 'resume.yaml'), 'utf8');
  for (let i = 0; i < 100; i++)
    writeFileSync(
      join(batch, `r${String(i).padStart(3, '0')}.yaml`),
      src.replace('name: Your Name', `name: Person ${i}`),
    );
  for (const jobs of [1, 2]) {
    const s = timeProcess(process.execPath, [cli, 'build', batch, '-o', `o-batch-${jobs}`, '--jobs', String(jobs)]);
    rows.push([
      `batch of 100 résumés, all formats, ${jobs} worker${jobs > 1 ? 's' : ''}`,
      `${(100 / s).toFixed(1)} résumés/s`,
      `${s.toFixed(2)} s total`,
      '',
    ]);
  }
}

const w = [Math.max(...rows.map((r) => r[0].length)), 14, 13];
console.log(`folio bench: ${runs} runs each, medians (min–max), node ${process.version}, ${new Date().toISOString()}`);
console.log(`${'figure'.padEnd(w[0])}  ${'median'.padStart(w[1])}  ${'spread'.padStart(w[2])}  × floor`);
for (const r of rows) console.log(`${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padStart(w[2])}  ${r[3]}`);
const pdfCold = median(results.get('cold build, pdf only'));
const typ = results.get('Typst, comparable résumé (whole process)');
const chr = results.get("Chromium --print-to-pdf of folio's HTML");
if (typ) console.log(`cold PDF build / Typst: ${(pdfCold / median(typ)).toFixed(2)}× (target ≤ 3×)`);
if (chr) console.log(`Chromium / cold PDF build: ${(median(chr) / pdfCold).toFixed(2)}× faster (target ≥ 2×)`);
