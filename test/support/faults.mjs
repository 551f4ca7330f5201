// Test-only faults, loaded into the real CLI with NODE_OPTIONS=--import=<this file>.
// FOLIO_FAULT picks one: folio itself has no test hooks.
//   stall-write   write half of the first temp file, create $FOLIO_FAULT_MARKER, then hang (to be SIGKILLed)
//   stall-rename  let the first rename happen, create the marker, hang before the second
//   eacces        every write fails with EACCES, as in a directory the user may not write to
//   bug           a TypeError deep in the pipeline, as a real bug would throw
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const fault = process.env.FOLIO_FAULT;
const marker = process.env.FOLIO_FAULT_MARKER;
const hang = () => new Promise(() => setInterval(() => {}, 1000));

if (fault === 'stall-write') {
  const real = fsp.writeFile;
  fsp.writeFile = async (path, data, ...rest) => {
    if (!String(path).endsWith('.tmp')) return real(path, data, ...rest);
    await real(path, typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2));
    fs.writeFileSync(marker, 'written half');
    return hang();
  };
} else if (fault === 'stall-rename') {
  const real = fsp.rename;
  let renames = 0;
  fsp.rename = async (from, to) => {
    if (renames++ === 0) return real(from, to);
    fs.writeFileSync(marker, 'renamed one');
    return hang();
  };
} else if (fault === 'eacces') {
  fsp.writeFile = async (path) => {
    throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
  };
} else if (fault === 'bug') {
  // normalise gathers the skills' keywords with flatMap: a TypeError there is a bug deep in the pipeline.
  Array.prototype.flatMap = () => {
    throw new TypeError('simulated bug: cannot read properties of undefined');
  };
}
syncBuiltinESMExports();
