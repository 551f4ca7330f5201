import type { Diagnostic } from '../source/diagnostics.js';
import type { DataPath } from '../source/load.js';

/** Makes a diagnostic located at a path of the source (the key itself when `key`). */
export type At = (path: DataPath, severity: Diagnostic['severity'], message: string, key?: boolean) => Diagnostic;
