// Measures warm rebuilds in `folio build --watch`: edits a copy of the example N times and
// reports the median PDF render time and whole-rebuild time printed by the watcher, next to
// cold `folio build -f pdf` runs. Usage: node scripts/measure-watch.mjs [edits=15] [cold=5]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const edits = Number(process.argv[2] ?? 15);
const coldRuns = Number(process.argv[3] ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'folio-measure-'));
const src = join(dir, 'resume.yaml');
copyFileSync(join(root, 'resume.yaml'), src);
const base = readFileSync(src, 'utf8');

const cold = { pdf: [], total: [], wall: [] };
for (let i = 0; i < coldRuns; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'build', '-f', 'pdf'], { cwd: dir, encoding: 'utf8' });
  cold.wall.push(performance.now() - t0);
  cold.pdf.push(Number(/resume\.pdf .* (\d+) ms/.exec(r.stdout)?.[1]));
  cold.total.push(Number(/built 1 file in (\d+) ms/.exec(r.stdout)?.[1]));
}

const proc = spawn(process.execPath, [cli, 'build', '--watch', '-f', 'pdf'], { cwd: dir });
let out = '';
proc.stdout.on('data', (d) => (out += d));
const builds = () => [...out.matchAll(/resume\.pdf .* (\d+) ms\nbuilt 1 file in (\d+) ms/g)];
const until = async (n) => {
  while (builds().length < n) await new Promise((r) => setTimeout(r, 20));
};
await until(1);
for (let i = 1; i <= edits; i++) {
  writeFileSync(src, base.replace('name: Your Name', `name: Your Name ${i}`));
  await until(i + 1);
}
proc.kill('SIGTERM');
const warm = builds()
  .slice(1)
  .map((m) => ({ pdf: Number(m[1]), total: Number(m[2]) }));
console.log(
  `cold  folio build -f pdf (${coldRuns} runs): median process wall ${Math.round(median(cold.wall))} ms, build ${median(cold.total)} ms, PDF render ${median(cold.pdf)} ms`,
);
console.log(
  `warm  build --watch rebuilds (${warm.length} edits): median rebuild ${median(warm.map((w) => w.total))} ms, PDF render ${median(warm.map((w) => w.pdf))} ms`,
);
console.log(`      PDF render per edit: ${warm.map((w) => w.pdf).join(' ')}`);
