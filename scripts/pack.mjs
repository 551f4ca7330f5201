// `npm pack` and `npm publish` hooks. prepack builds dist/ and takes the `prepare` script out of the package.json
// that goes into the tarball; postpack puts it back. `prepare` builds folio in a checkout (`npm install` there);
// the tarball is already built, and npm 11 lists any `prepare` of a tarball or git dependency as an install
// script awaiting approval, a warning every user of the tarball would see for a script that is never needed.
// FOLIO_PACK_PREBUILT=1 packs the dist/ already built (the tarball test, which must not empty dist/ under the
// tests running beside it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const backup = new URL('../package.json.pack-backup', import.meta.url);

function restore() {
  if (existsSync(backup)) renameSync(backup, manifest);
}

if (process.argv[2] === 'prepack') {
  restore(); // an earlier pack that died between the two hooks
  if (process.env.FOLIO_PACK_PREBUILT !== '1') {
    const build = spawnSync(process.execPath, [new URL('build.mjs', import.meta.url).pathname], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(backup, text);
  // Through a temporary file and a rename: folio processes running meanwhile read package.json (its version).
  const temporary = new URL('../package.json.pack-tmp', import.meta.url);
  writeFileSync(temporary, `${JSON.stringify(pkg, null, 2)}\n`);
  renameSync(temporary, manifest);
} else if (process.argv[2] === 'postpack') {
  restore();
} else {
  console.error('usage: node scripts/pack.mjs prepack|postpack');
  process.exit(2);
}
