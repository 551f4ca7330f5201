// The system Chromium that the browser tests drive and the bench measures, and the flags that keep it quiet: one
// place for both, so the bench's tuned Chromium is the one the tests run.
import { existsSync } from 'node:fs';

/** FOLIO_CHROMIUM, else Debian's chromium (or chromium-browser, as other distributions name it); undefined if none. */
export function findChromium(env = process.env) {
  if (env.FOLIO_CHROMIUM) return env.FOLIO_CHROMIUM;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
}

/**
 * Headless, no sandbox (Chromium refuses to start as root without it, and CI runs as root), and none of the
 * background work a profile starts on its own (GPU probing, first-run pages, updates, sync, network prediction).
 */
export const QUIET_FLAGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
