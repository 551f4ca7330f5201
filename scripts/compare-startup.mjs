#!/usr/bin/env node
// Compares the cold start of two builds of folio (two package folders, each with dist/), against `node -e ''`:
// whole processes, run alternately (floor, A, B, floor, A, B …) so machine load hits every side alike, and
// reported as medians of wall time, CPU time (user+sys, which load changes much less) and peak RSS.
// Not a test and not the bench (bench/bench.mjs): a tool for measuring a start-up change before and after.
//
//   node scripts/compare-startup.mjs /tmp/folio-before . [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [a, b, runsArg] = process.argv.slice(2);
if (!a || !b) {
  process.stderr.write('usage: node scripts/compare-startup.mjs <package folder A> <package folder B> [runs]\n');
  process.exit(2);
}
const runs = Number(runsArg ?? 9);
const example = resolve('resume.yaml');
const cases = [
  ['--version', ['--version']],
  ['--help', ['--help']],
  ['build -f html,md', ['build', example, '-f', 'html,md']],
  ['build -f pdf', ['build', example, '-f', 'pdf']],
  ['build (all)', ['build', example]],
];

/** One whole process under /usr/bin/time: wall and CPU seconds, peak RSS in MB. */
function once(args, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [wall, user, sys, rss] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: user + sys, rss: rss / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const out = mkdtempSync(join(tmpdir(), 'folio-compare-'));
try {
  const floor = [];
  const rows = cases.map(([name]) => ({ name, a: [], b: [] }));
  for (let i = 0; i < runs; i++) {
    floor.push(once(['-e', ''], out));
    cases.forEach(([, args], k) => {
      const o = args[0] === 'build' ? ['-o', join(out, 'o')] : [];
      rows[k].a.push(once([join(resolve(a), 'dist/cli.js'), ...args, ...o], out));
      rows[k].b.push(once([join(resolve(b), 'dist/cli.js'), ...args, ...o], out));
    });
  }
  const f = { wall: median(floor.map((r) => r.wall)), cpu: median(floor.map((r) => r.cpu)) };
  const fmt = (xs) => {
    const wall = median(xs.map((r) => r.wall));
    const cpu = median(xs.map((r) => r.cpu));
    const rss = median(xs.map((r) => r.rss));
    return `${wall.toFixed(3)} s (${(wall / f.wall).toFixed(2)}×) cpu ${cpu.toFixed(3)} s (${(cpu / Math.max(f.cpu, 0.01)).toFixed(2)}×) ${rss.toFixed(0)} MB`;
  };
  process.stdout.write(
    `node -e '': wall ${f.wall.toFixed(3)} s, cpu ${f.cpu.toFixed(3)} s; ${runs} alternating runs, medians\n`,
  );
  for (const r of rows) process.stdout.write(`${r.name.padEnd(18)} A ${fmt(r.a)}\n${''.padEnd(18)} B ${fmt(r.b)}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
