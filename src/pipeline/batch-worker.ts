// A worker thread of `folio build <many sources>`: builds each source it is sent and posts the outcome back.
// Fonts, templates and the validator load once per worker and stay warm between sources.
import { parentPort, workerData } from 'node:worker_threads';
import { buildOne } from './batch.js';
import type { BuildOptions } from './build.js';

// Load the PDF renderer and lay out a page now, while the main thread checks the sources: the first résumé then
// starts warm. Builds wait for it (renders in one thread must not overlap: they swap the style tokens). A failure
// here is left to the first build to meet and report, with its source named.
const ready = (workerData as { warmPdf?: boolean } | null)?.warmPdf
  ? import('./pdf-build.js').then(({ warmUp }) => warmUp()).catch(() => {})
  : Promise.resolve();

parentPort?.on('message', async (opts: BuildOptions) => {
  await ready;
  parentPort?.postMessage(await buildOne(opts));
});
