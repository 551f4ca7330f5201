// A worker thread of `folio build <many sources>`: builds each source it is sent and posts the outcome back.
// Fonts, templates and the validator load once per worker and stay warm between sources.
import { parentPort } from 'node:worker_threads';
import { buildOne } from './batch.js';
import type { BuildOptions } from './build.js';

parentPort?.on('message', async (opts: BuildOptions) => {
  parentPort?.postMessage(await buildOne(opts));
});
