// Measures the warm path of `folio build --watch` on a copy of the example: cold `folio build -f pdf` runs for
// comparison, then save → written latency as the watcher reports it, for three kinds of save:
//   in place   fs.writeFile over the file (VS Code, most editors): a truncate and a write
//   by rename  a new file written beside it and renamed over it (vim's writebackup, JetBrains)
//   template   a --templates file edited: only the HTML is rendered again
// Usage: node scripts/measure-watch.mjs [edits=15] [cold=5] [--timeout SECONDS (default 300)] [--json]
// Prints one line per figure; exits 1 (never hangs) when the watcher does not answer in time.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const argv = process.argv.slice(2);
const at = argv.indexOf('--timeout');
const timeoutS = at >= 0 ? Number(argv.splice(at, 2)[1]) : 300;
// --json: one line of JSON instead (the bench reads it): { cold: {pdf, total, wall}, saves: {kind: [ms…]}, pdf: [ms…] }.
const json = argv.includes('--json');
if (json) argv.splice(argv.indexOf('--json'), 1);
const edits = Number(argv[0] ?? 15);
const coldRuns = Number(argv[1] ?? 5);
const deadline = Date.now() + timeoutS * 1000;

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.min(...xs)}–${Math.max(...xs)}`;

// One line per built file: "out/resume.pdf  31.5 KB  2 pages  140 ms (self-check 21 ms)"; the time is the one
// before " ms", never the self-check's inside the parentheses.
const FILE_LINE = /resume\.(pdf|html|md) +[\d.]+ [KMG]?B(?: +\d+ pages?)? +(\d+) ms(?: \(self-check \d+ ms\))?\n/g;
const LATENCY = /save → written: (\d+) ms\n/g;

const dir = mkdtempSync(join(tmpdir(), 'folio-measure-'));
const src = join(dir, 'resume.yaml');
const base = readFileSync(join(root, 'resume.yaml'), 'utf8');
writeFileSync(src, base);
// A --templates folder: the built-in HTML templates, whose stylesheet the template edits change.
const mine = join(dir, 'mine');
mkdirSync(mine);
cpSync(join(root, 'templates/html'), join(mine, 'html'), { recursive: true });
const css = join(mine, 'html/style.css');
const cssText = readFileSync(css, 'utf8');

// The watcher, once started, and what it printed: fail() shows it.
let proc = null;
let out = '';
let err = '';

const cold = { pdf: [], total: [], wall: [] };
for (let i = 0; i < coldRuns; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'build', '-f', 'pdf', '-o', 'cold'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: Math.max(1, deadline - Date.now()),
  });
  cold.wall.push(Math.round(performance.now() - t0));
  if (r.status !== 0) fail(`cold build failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  cold.pdf.push(Number([...r.stdout.matchAll(FILE_LINE)][0]?.[2]));
  cold.total.push(Number(/built 1 file in (\d+) ms/.exec(r.stdout)?.[1]));
}

proc = spawn(process.execPath, [cli, 'build', '--watch', '--templates', 'mine'], { cwd: dir });
proc.stdout.on('data', (d) => (out += d));
proc.stderr.on('data', (d) => (err += d));
const latencies = () => [...out.matchAll(LATENCY)].map((m) => Number(m[1]));
const wait = async (what, done) => {
  while (!done()) {
    if (Date.now() > deadline || proc.exitCode !== null) fail(`no ${what} within ${timeoutS} s`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
await wait('first build', () => out.includes('watching resume.yaml'));

const saves = { 'in place': [], 'by rename': [], template: [] };
const pdfWarm = [];
let n = 0;
for (let i = 1; i <= edits; i++) {
  for (const kind of Object.keys(saves)) {
    const before = latencies().length;
    const mark = out.length;
    if (kind === 'in place') writeFileSync(src, base.replace('name: Your Name', `name: Your Name ${++n}`));
    else if (kind === 'by rename') {
      writeFileSync(join(dir, '.resume.yaml.swp'), base.replace('name: Your Name', `name: Your Name ${++n}`));
      renameSync(join(dir, '.resume.yaml.swp'), src);
    } else writeFileSync(css, `${cssText}\n/* edit ${++n} */\n`);
    await wait(`rebuild after a save ${kind}`, () => latencies().length > before);
    saves[kind].push(latencies()[before]);
    const files = [...out.slice(mark).matchAll(FILE_LINE)];
    const pdf = files.find((m) => m[1] === 'pdf');
    if (pdf) pdfWarm.push(Number(pdf[2]));
    if (kind === 'template' && pdf) fail('a template edit rendered the PDF again');
    // Let the watcher go quiet: each save is measured on its own.
    await new Promise((r) => setTimeout(r, 50));
  }
}
proc.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });

if (json) {
  console.log(JSON.stringify({ cold, saves, pdf: pdfWarm }));
  process.exit(0);
}
console.log(
  `cold  folio build -f pdf (${coldRuns} runs): median process wall ${median(cold.wall)} ms (${range(cold.wall)}), build ${median(cold.total)} ms, PDF render ${median(cold.pdf)} ms`,
);
for (const [kind, xs] of Object.entries(saves))
  console.log(
    `warm  save ${kind.padEnd(9)} (${xs.length} edits): median save → written ${median(xs)} ms (${range(xs)})${kind === 'template' ? ', HTML only' : ', pdf+html+md'}`,
  );
console.log(`      warm PDF render per résumé edit: median ${median(pdfWarm)} ms (${range(pdfWarm)})`);

function fail(message) {
  proc?.kill('SIGTERM');
  console.error(`measure-watch: ${message}\n--- watcher output ---\n${out}${err}`);
  process.exit(1);
}
