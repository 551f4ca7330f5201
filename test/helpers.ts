import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResumeModel } from '../src/model/model.js';
import { normalise } from '../src/model/normalise.js';
import { parseSource } from '../src/source/load.js';
import type { Resume } from '../src/validate/schema.js';
import { validate } from '../src/validate/validate.js';

export const root = new URL('../', import.meta.url).pathname;
export const cli = join(root, 'dist/cli.js');
export const fixture = (name: string) => join(root, 'test/fixtures', name);
export const example = join(root, 'resume.yaml');

/** A fresh empty directory for one test. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'folio-test-'));
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A stream that collects what is written to it, as text. */
export function collector(): { write(chunk: string | Uint8Array): boolean; text(): string } {
  let text = '';
  const decoder = new TextDecoder();
  return {
    write(chunk) {
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk);
      return true;
    },
    text: () => text,
  };
}

/**
 * Run folio in this process through run(argv, io), as the bin does, in `cwd` with `env` added to
 * the process's: the same commands, files and exit codes, without a cold Node start per run.
 */
export async function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  // Never interrupted: a long-running command (serve, --watch) that starts goes through start() instead.
  const untilInterrupted = () => new Promise<void>(() => {});
  // Imported on first use: a stage test that only needs the paths and loadResume does not load the whole CLI.
  const { run } = await import('../src/cli/run.js');
  const status = await run(args, { stdout, stderr, cwd, env: { ...process.env, ...env }, untilInterrupted });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** Run the built CLI as a user would: a real process (for exit codes, pipes, and what a cold start loads). */
export function spawnCli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parse and validate a file through the real stages; returns the resume and its model. */
export function loadResume(path: string): { resume: Resume; model: ResumeModel } {
  const src = parseSource(readFileSync(path, 'utf8'), path);
  const { resume } = validate(src, { today: new Date('2026-12-01') });
  return { resume, model: normalise(resume) };
}

/** Text of a PDF as pdf-parse extracts it (the buffer is copied: pdf-parse consumes it). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return result.text;
  } finally {
    await parser.destroy();
  }
}

/** `s` as a regular expression that matches it literally. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A phrase of a locale catalogue ("page {n} of {total}", "{degree} in {area}") as a pattern for built text: a number
 * where it says {n} or {total}, a word for any other placeholder.
 */
export function cataloguePattern(phrase: string): string {
  return escapeRe(phrase)
    .replace(/\\\{(n|total)\\\}/g, '\\d+')
    .replace(/\\\{\w+\\\}/g, '\\S+');
}

/** Collapse runs of whitespace, as every extractor and browser does differently. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
