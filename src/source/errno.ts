import { UserError } from './diagnostics.js';

/** An error from the operating system (a full disk, a name too long), as Node reports it. */
export interface SystemError extends Error {
  code: string;
  syscall?: string;
  path?: string;
}

/** Is this an operating-system error (ENOSPC, ELOOP…) rather than a fault in folio's own logic? */
export function isSystemError(err: unknown): err is SystemError {
  const e = err as Partial<SystemError> | null;
  return (
    err instanceof Error && typeof e?.code === 'string' && /^E[A-Z0-9]+$/.test(e.code) && typeof e.syscall === 'string'
  );
}

/** An errno in plain words. */
export function describeErrno(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'a parent path is a file, not a directory';
    case 'EISDIR':
      return 'a directory is in the way';
    case 'ENOENT':
      return 'it was removed during the build';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENAMETOOLONG':
      return 'the file name is too long for the file system';
    case 'ELOOP':
      return 'too many symbolic links (a link that points back at itself?)';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error on the device';
    case 'EFBIG':
      return 'the file is too large for the file system';
    default:
      return e.code ?? String(err);
  }
}

/**
 * A system error that escaped a command, as a user error: the disk, the file system or the
 * terminal refused, which the user can fix, so it is exit 1 with plain words, not a bug report.
 */
export function systemUserError(err: SystemError): UserError {
  // folio's own file writes all name their file; a write without a path is to stdout (`folio export > /dev/full`).
  const where = err.path ? ` ${err.path}` : err.syscall === 'write' ? ' to standard output' : '';
  return new UserError(
    `error: cannot ${err.syscall === 'write' ? 'write' : (err.syscall ?? 'do it')}${where}: ${describeErrno(err)}`,
  );
}

/** "device", "FIFO (named pipe)", "socket": what a non-regular file is, in words. */
export function specialKind(s: {
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
}): string {
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  if (s.isFIFO()) return 'FIFO (named pipe)';
  if (s.isSocket()) return 'socket';
  return 'special file';
}
