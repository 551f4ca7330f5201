import { constants } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { UserError } from './diagnostics.js';
import { specialKind } from './errno.js';
import { showSize } from './limits.js';

/** What a file is to the user, and the most folio will read of it. */
export interface InputKind {
  /** "a résumé", "a README", "a PDF"… for the messages. */
  what: string;
  maxBytes: number;
  /** How to raise the limit, when there is a way (`--max-size`). */
  raise?: string;
}

/** Largest README `folio readme` reads: a profile README is kilobytes. */
export const README_KIND: InputKind = { what: 'a README', maxBytes: 8 * 1024 * 1024 };
/** Largest PDF `folio check` reads. */
export const PDF_KIND: InputKind = { what: 'a PDF to check', maxBytes: 64 * 1024 * 1024 };
/** Largest job description `folio match` reads. */
export const JOB_KIND: InputKind = { what: 'a job description', maxBytes: 1024 * 1024 };
/** Largest photo a build reads. */
export const PHOTO_KIND: InputKind = { what: 'a photo', maxBytes: 16 * 1024 * 1024 };
/** Largest template file (page, partial, stylesheet). */
export const TEMPLATE_KIND: InputKind = { what: 'a template file', maxBytes: 1024 * 1024 };

/**
 * Read a file the user named, within bounds: only a regular file (a FIFO would hang, a device
 * like /dev/zero never ends), at most `maxBytes` (checked from its size first, then while
 * reading, so a file that grows cannot slip past). Every problem is a UserError naming the file.
 */
export async function readInput(path: string, label: string, kind: InputKind): Promise<Buffer> {
  const s = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`${label}: error: ${readProblem(err)}`);
  });
  if (s.isDirectory()) throw new UserError(`${label}: error: is a directory, expected ${kind.what}`);
  if (!s.isFile())
    throw new UserError(
      `${label}: error: is a ${specialKind(s)}, not a regular file; folio reads ${kind.what} only from a regular file`,
    );
  if (s.size > kind.maxBytes) throw tooBig(label, kind, s.size);
  let fh: FileHandle;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the check, opening it must not wait for a writer.
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new UserError(`${label}: error: ${readProblem(err)}`);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile())
      throw new UserError(
        `${label}: error: is a ${specialKind(st)}, not a regular file; ` +
          `folio reads ${kind.what} only from a regular file`,
      );
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > kind.maxBytes) throw tooBig(label, kind, null);
      chunks.push(Buffer.from(buf.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${label}: error: ${readProblem(err)}`);
  } finally {
    await fh.close();
  }
}

function tooBig(label: string, kind: InputKind, size: number | null): UserError {
  const what = size === null ? 'it grew past' : `the file is ${showSize(size)}, over`;
  return new UserError(
    `${label}: error: ${what} the ${showSize(kind.maxBytes)} limit for ${kind.what}; ` +
      `${kind.raise ?? 'folio did not read it'}`,
  );
}

/** Why a file could not be read, in plain words. */
export function readProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read it: permission denied';
  if (code === 'ELOOP') return 'cannot read it: too many symbolic links (a link that points back at itself?)';
  if (code === 'ENAMETOOLONG') return 'the file name is too long';
  if (code === 'ENOTDIR') return 'no such file (a parent path is a file, not a directory)';
  return `cannot read it (${code ?? String(err)})`;
}
