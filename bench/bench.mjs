// folio benchmark: every figure of issue 18's table with its target, side by side with Typst and Chromium.
// Not a test: run `npm run bench`. Whole processes, interleaved (one of each per round, so load drift hits all
// alike), each timed by /usr/bin/time: medians with their spread (min–max) of wall time, CPU time (user+sys, which
// load does not inflate as much) and peak memory. Every ratio reads folio ÷ peer (below 1 means folio is faster).
//
//   node bench/bench.mjs [--runs N (10)] [--quick (3 runs, no batch or curves)] [--skip-batch] [--skip-curves]
//
// Peers: `node -e ''` (the floor); Typst compiling bench/resume.typ, the example's content word for word (the bench
// checks the word counts of both PDFs); Chromium printing folio's HTML to PDF as Puppeteer-based tools run it (a
// fresh profile each run, default flags) and as tuned as it goes (one kept profile, background work switched off).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { findChromium, QUIET_FLAGS } from '../scripts/chromium.mjs';

const root = new URL('../', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runs = Number(args[args.indexOf('--runs') + 1]) || (quick ? 3 : 10);
const skipBatch = quick || args.includes('--skip-batch');
const skipCurves = quick || args.includes('--skip-curves');

if (!existsSync(cli)) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}
if (!existsSync('/usr/bin/time')) {
  console.error('bench: /usr/bin/time is missing (apt-get install time): it measures CPU time and peak memory');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'folio-bench-'));
copyFileSync(join(root, 'resume.yaml'), join(work, 'resume.yaml'));
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };
const load0 = loadavg();

/** One whole process under /usr/bin/time: wall and CPU seconds, peak RSS in MB, its stdout; throws if it fails. */
function measure(cmd, argv, opts = {}) {
  const stats = join(work, '.time');
  const r = spawnSync('/usr/bin/time', ['-q', '-o', stats, '-f', '%e %U %S %M', cmd, ...argv], {
    cwd: work,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...opts,
  });
  if (r.status !== 0 && !opts.mayFail)
    throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  const [wall, user, sys, rss] = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rss: rss / 1024, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const span = (xs, d = 3) => `${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)}`;
const folio = (...argv) => [process.execPath, [cli, ...argv]];

const chromium = findChromium();
const typstReady = existsSync(join(root, 'node_modules/@myriaddreamin/typst-ts-node-compiler'));
// Chromium refuses to run as root without --no-sandbox: the one flag a default run must add there.
const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

// ---- The cases, interleaved --------------------------------------------------------------------------------------
const cases = [
  ['floor', "node -e ''", () => [process.execPath, ['-e', '']]],
  ['full', 'cold folio build (pdf, html, md)', () => folio('build', 'resume.yaml', '-o', 'o-all')],
  ['pdf', 'cold folio build -f pdf', () => folio('build', 'resume.yaml', '-f', 'pdf', '-o', 'o-pdf')],
  ['htmlmd', 'cold folio build -f html,md', () => folio('build', 'resume.yaml', '-f', 'html,md', '-o', 'o-hm')],
  ['docx', 'cold folio build -f docx', () => folio('build', 'resume.yaml', '-f', 'docx', '-o', 'o-docx')],
  ['version', 'folio --version', () => folio('--version')],
];
if (typstReady)
  cases.push([
    'typst',
    'Typst, the same content (bench/resume.typ)',
    () => [process.execPath, [join(root, 'bench/typst-compile.mjs'), join(work, 'typst.pdf')]],
  ]);
if (chromium) {
  measure(...folio('build', 'resume.yaml', '-f', 'html', '-o', 'o-html'));
  const page = `file://${join(work, 'o-html/resume.html')}`;
  let fresh = 0;
  cases.push([
    'chromium',
    "Chromium --print-to-pdf of folio's HTML, as Puppeteer runs it (fresh profile, default flags)",
    () => [
      chromium,
      [
        '--headless',
        ...asRoot,
        `--user-data-dir=${join(work, `chrome-fresh-${fresh++}`)}`,
        `--print-to-pdf=${join(work, 'chromium.pdf')}`,
        page,
      ],
    ],
  ]);
  cases.push([
    'chromiumTuned',
    'Chromium --print-to-pdf, tuned (kept profile, background work off)',
    () => [
      chromium,
      [
        // The flags the browser tests launch it with (scripts/chromium.mjs), and no extensions.
        ...QUIET_FLAGS,
        '--disable-extensions',
        `--user-data-dir=${join(work, 'chrome-kept')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${join(work, 'chromium-tuned.pdf')}`,
        page,
      ],
    ],
  ]);
}

const results = new Map(cases.map(([key]) => [key, []]));
const quiet = { stdio: ['ignore', 'pipe', 'pipe'] };
for (const [, , argv] of cases) measure(...argv(), quiet); // warm the disk cache once; not counted
for (let i = 0; i < runs; i++) for (const [key, , argv] of cases) results.get(key).push(measure(...argv(), quiet));
for (let i = 0; i < (chromium ? runs + 1 : 0); i++)
  rmSync(join(work, `chrome-fresh-${i}`), { recursive: true, force: true });

// ---- Same content: the word counts of folio's PDF and Typst's, as pdftotext reads them ---------------------------
const words = (pdf) => {
  const r = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split(/\s+/).filter(Boolean).length : null;
};
const wordCheck = typstReady
  ? { folio: words(join(work, 'o-pdf/resume.pdf')), typst: words(join(work, 'typst.pdf')) }
  : null;

// ---- The warm path: save → written, as `folio build --watch` reports it (scripts/measure-watch.mjs) ---------------
const watchRun = spawnSync(
  process.execPath,
  [join(root, 'scripts/measure-watch.mjs'), String(Math.max(3, runs)), '0', '--json', '--timeout', '600'],
  { encoding: 'utf8', env },
);
const warm = watchRun.status === 0 ? JSON.parse(watchRun.stdout.trim().split('\n').pop()) : null;
if (!warm) console.error(`bench: measure-watch failed:\n${watchRun.stderr}`);

// ---- Batch: 100 résumés from one folder, -j 1 and -j 2, alternating ----------------------------------------------
const batch = { 1: [], 2: [] };
if (!skipBatch) {
  const dir = join(work, 'batch');
  mkdirSync(dir, { recursive: true });
  const src = readFileSync(join(root, 'resume.yaml'), 'utf8');
  for (let i = 0; i < 100; i++)
    writeFileSync(
      join(dir, `r${String(i).padStart(3, '0')}.yaml`),
      src.replace('name: Your Name', `name: Person ${i}`),
    );
  for (let i = 0; i < Math.min(runs, 3); i++)
    for (const jobs of [1, 2]) {
      const m = measure(...folio('build', 'batch', '-o', `o-batch-${jobs}`, '-j', String(jobs)), quiet);
      batch[jobs].push({ ...m, rate: 100 / m.wall });
    }
}

// ---- Size curves: pages per second as the résumé grows; big input (issue 16 class 6) ------------------------------
const example = parse(readFileSync(join(root, 'resume.yaml'), 'utf8'));
/** The example with every top-level list repeated k times. */
const times = (k) => {
  const r = structuredClone(example);
  for (const [key, v] of Object.entries(r)) if (Array.isArray(v)) r[key] = Array.from({ length: k }, () => v).flat();
  return r;
};
/** `n` work entries with one 60-character bullet each, the shape of the trial's 1,000-entry file. */
const entries = (n) => ({
  ...example,
  work: Array.from({ length: n }, (_, i) => ({
    name: `Company ${i + 1}`,
    position: 'Backend Engineer',
    startDate: `${2000 + (i % 20)}-01`,
    highlights: [`Shipped feature ${i} that cut p99 latency at scale for ads.`],
  })),
});
const curve = (label, sizes, make) =>
  sizes.map(([name, data]) => {
    const file = `${label}-${name}.yaml`;
    writeFileSync(join(work, file), stringify(make(data)));
    const m = measure(...folio('build', file, '-f', 'pdf', '-o', `o-${label}`), { ...quiet, mayFail: true });
    const pages = Number(/(\d+) pages?/.exec(m.stdout)?.[1] ?? 0);
    const refused = m.status !== 0 ? (m.stderr.match(/error: (.*)/)?.[1] ?? m.stderr).slice(0, 70) : null;
    return { name, ...m, pages, refused };
  });
const sizeCurve = skipCurves
  ? []
  : curve(
      'x',
      [
        ['1×', 1],
        ['5×', 5],
        ['6×', 6],
        ['25×', 25],
      ],
      times,
    );
const entryCurve = skipCurves
  ? []
  : curve(
      'entries',
      [
        ['10', 10],
        ['100', 100],
        ['200', 200],
        ['1,000', 1000],
      ],
      entries,
    );

// ---- Chunk sizes: dist/chunks.json when the build writes it, else the files themselves ----------------------------
let chunks = null;
const chunksFile = join(root, 'dist/chunks.json');
try {
  if (existsSync(chunksFile)) {
    // { total, chunks: [{ file, name, bytes, … }] }, as scripts/build.mjs writes it.
    const written = JSON.parse(readFileSync(chunksFile, 'utf8'));
    const data = Object.fromEntries((written.chunks ?? []).map((c) => [c.file, c.bytes]));
    chunks = { from: 'dist/chunks.json', data };
  }
} catch {
  chunks = null;
}
if (!chunks) {
  const data = {};
  for (const f of readdirSync(join(root, 'dist')))
    if (f.endsWith('.js')) data[f] = statSync(join(root, 'dist', f)).size;
  chunks = { from: 'dist/*.js on disk (dist/chunks.json absent)', data };
}

// ---- Report ------------------------------------------------------------------------------------------------------
const load1 = loadavg();
const get = (key) => results.get(key) ?? [];
const floor = median(get('floor').map((m) => m.wall));
const floorCpu = median(get('floor').map((m) => m.cpu));
const med = (key, f = 'wall') => median(get(key).map((m) => m[f]));

console.log(
  `folio bench: ${runs} interleaved runs, medians (min–max); node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${new Date().toISOString()}`,
);
console.log(
  `load average at start ${load0.map((l) => l.toFixed(1)).join(' ')}, at end ${load1.map((l) => l.toFixed(1)).join(' ')}: wall times under load are slower, CPU times less so`,
);
console.log('');
const table = [];
const row = (figure, now, target, met) => table.push([figure, now, target, met === null ? '' : met ? 'met' : 'MISSED']);
const secs = (key) => {
  const xs = get(key);
  return `${med(key).toFixed(3)} s (${span(xs.map((m) => m.wall))}), CPU ${med(key, 'cpu').toFixed(2)} s`;
};
const xFloor = (key) => med(key) / floor;
const cpuFloor = (key) => med(key, 'cpu') / floorCpu;
row("node -e '' (the floor)", secs('floor'), '', null);
row(
  'cold full build (pdf, html, md)',
  `${secs('full')} = ${xFloor('full').toFixed(1)}× floor (CPU ${cpuFloor('full').toFixed(1)}×)`,
  '≤ 6× floor',
  xFloor('full') <= 6,
);
if (typstReady) {
  const r = med('pdf') / med('typst');
  const c = med('pdf', 'cpu') / med('typst', 'cpu');
  row(
    'cold -f pdf ÷ Typst, same content',
    `${secs('pdf')} ÷ Typst ${med('typst').toFixed(3)} s (${span(get('typst').map((m) => m.wall))}) = ${r.toFixed(2)}× (CPU ${c.toFixed(2)}×)`,
    '≤ 3×',
    r <= 3,
  );
}
row(
  'cold -f html,md',
  `${secs('htmlmd')} = ${xFloor('htmlmd').toFixed(2)}× floor (CPU ${cpuFloor('htmlmd').toFixed(2)}×)`,
  '≤ 2× floor',
  xFloor('htmlmd') <= 2,
);
row(
  'folio --version',
  `${secs('version')} = ${xFloor('version').toFixed(2)}× floor (CPU ${cpuFloor('version').toFixed(2)}×)`,
  '≤ 1.2× floor',
  xFloor('version') <= 1.2,
);
if (warm) {
  const x = warm.saves['in place'];
  row(
    'warm rebuild, save → written (in-place save, all formats)',
    `${(median(x) / 1000).toFixed(3)} s (${span(x.map((v) => v / 1000))}), ${x.length} saves`,
    '≤ 0.12 s',
    median(x) <= 120,
  );
  const v = warm.saves['by rename'];
  row(
    '  … a vim-style save (write, rename)',
    `${(median(v) / 1000).toFixed(3)} s (${span(v.map((t) => t / 1000))})`,
    '≤ 0.12 s',
    median(v) <= 120,
  );
  const t = warm.saves.template;
  row(
    '  … a template edit (HTML only)',
    `${(median(t) / 1000).toFixed(3)} s (${span(t.map((s) => s / 1000))})`,
    '≤ 0.12 s',
    median(t) <= 120,
  );
}
if (!skipBatch) {
  for (const jobs of [1, 2]) {
    const xs = batch[jobs];
    const rate = median(xs.map((m) => m.rate));
    row(
      `100 résumés, build dir -j ${jobs}`,
      `${rate.toFixed(1)} résumés/s (${span(
        xs.map((m) => m.rate),
        1,
      )}), ${median(xs.map((m) => m.wall)).toFixed(2)} s, CPU ${median(xs.map((m) => m.cpu)).toFixed(1)} s, peak ${median(xs.map((m) => m.rss)).toFixed(0)} MB`,
      jobs === 2 ? '≥ 25/s' : '',
      jobs === 2 ? rate >= 25 : null,
    );
  }
}
row(
  'peak memory, full build (max RSS)',
  `${med('full', 'rss').toFixed(0)} MB (${span(
    get('full').map((m) => m.rss),
    0,
  )})`,
  '≤ 100 MB',
  med('full', 'rss') <= 100,
);
row(
  'peak memory, -f html,md',
  `${med('htmlmd', 'rss').toFixed(0)} MB (${span(
    get('htmlmd').map((m) => m.rss),
    0,
  )})`,
  '',
  null,
);
row('cold -f docx', secs('docx'), '', null);
if (chromium) {
  for (const key of ['chromium', 'chromiumTuned']) {
    const r = med('pdf') / med(key);
    row(
      `cold -f pdf ÷ ${key === 'chromium' ? 'Chromium as Puppeteer runs it' : 'Chromium, tuned'}`,
      `Chromium ${secs(key)}; folio ÷ Chromium = ${r.toFixed(2)}× (CPU ${(med('pdf', 'cpu') / med(key, 'cpu')).toFixed(2)}×)`,
      '≤ 0.5× (2× faster)',
      r <= 0.5,
    );
  }
}
const w = [Math.max(...table.map((r) => r[0].length)), Math.max(...table.map((r) => r[1].length))];
console.log(`${'figure'.padEnd(w[0])}  ${'now'.padEnd(w[1])}  target`);
for (const [f, n, t, m] of table) console.log(`${f.padEnd(w[0])}  ${n.padEnd(w[1])}  ${t}${m ? `  ${m}` : ''}`);

if (wordCheck)
  console.log(
    `\nsame content: folio's PDF ${wordCheck.folio} words, Typst's ${wordCheck.typst} words (pdftotext)${wordCheck.folio === wordCheck.typst ? '' : '  MISMATCH: edit bench/resume.typ'}`,
  );
if (warm)
  console.log(
    `warm PDF render per résumé edit (in --watch): median ${warm.pdf.length ? median(warm.pdf) : '-'} ms (${warm.pdf.length ? span(warm.pdf, 0) : '-'})`,
  );

const printCurve = (title, rows) => {
  if (!rows.length) return;
  console.log(`\n${title}`);
  for (const r of rows)
    console.log(
      r.refused
        ? `  ${r.name.padEnd(6)} refused in ${r.wall.toFixed(2)} s (CPU ${r.cpu.toFixed(2)} s, peak ${r.rss.toFixed(0)} MB): ${r.refused}`
        : `  ${r.name.padEnd(6)} ${String(r.pages).padStart(3)} pages in ${r.wall.toFixed(2)} s (CPU ${r.cpu.toFixed(2)} s) = ${(r.pages / r.wall).toFixed(1)} pages/s (${(r.pages / r.cpu).toFixed(1)} per CPU s), peak ${r.rss.toFixed(0)} MB`,
    );
};
printCurve('size curve: the example with every list repeated k times, cold -f pdf, one run each', sizeCurve);
printCurve('big input (issue 16 class 6): n work entries with one bullet each, cold -f pdf, one run each', entryCurve);

console.log(`\nchunk sizes (${chunks.from}):`);
const sizes = Object.entries(chunks.data)
  .map(([k, v]) => [k, typeof v === 'number' ? v : (v?.bytes ?? v?.size ?? JSON.stringify(v))])
  .sort((a, b) => (typeof b[1] === 'number' && typeof a[1] === 'number' ? b[1] - a[1] : 0));
for (const [k, v] of sizes.slice(0, 12))
  console.log(`  ${k.padEnd(40)} ${typeof v === 'number' ? `${(v / 1024).toFixed(1)} KB` : v}`);
if (sizes.length > 12) console.log(`  … and ${sizes.length - 12} smaller`);

rmSync(work, { recursive: true, force: true });
if (wordCheck && wordCheck.folio !== wordCheck.typst) process.exitCode = 1;
