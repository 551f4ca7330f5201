import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { findChromium, QUIET_FLAGS } from '../../scripts/chromium.mjs';

/** The system Chromium the tests drive (CI installs Debian's); FOLIO_CHROMIUM points elsewhere. */
export const chromiumPath = findChromium() ?? '/usr/bin/chromium';

/**
 * Start headless Chromium. A missing browser throws, so every browser test
 * fails (never skips): an HTML page nobody opened in a browser is not tested.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set FOLIO_CHROMIUM to its path`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: [...QUIET_FLAGS] });
}
