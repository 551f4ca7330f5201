// scripts/measure-watch.mjs (the bench's warm-path figures) finishes and reports every kind of save, within a timeout:
// it hung before, waiting for a report line its pattern could not match. A bench tool, not the product, that spawns
// cold builds and a watcher: `npm run test:full` runs it (CI runs that after `npm test`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { root } from './helpers.js';
import { itFull } from './support/full.js';

describe('scripts/measure-watch.mjs', () => {
  itFull(
    'measures cold builds and save → written for in-place, rename and template saves, then exits',
    () => {
      const r = spawnSync(process.execPath, [join(root, 'scripts/measure-watch.mjs'), '1', '1', '--timeout', '100'], {
        encoding: 'utf8',
        timeout: 110_000,
      });
      expect(r.signal, r.stderr).toBeNull();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        /^cold {2}folio build -f pdf \(1 runs\): median process wall \d+ ms \(\d+–\d+\), build \d+ ms, PDF render \d+ ms$/m,
      );
      for (const kind of ['in place ', 'by rename', 'template '])
        expect(r.stdout).toMatch(
          new RegExp(`^warm {2}save ${kind} \\(1 edits\\): median save → written \\d+ ms \\(\\d+–\\d+\\)`, 'm'),
        );
      expect(r.stdout).toMatch(/template .*HTML only/);
      expect(r.stdout).toMatch(/warm PDF render per résumé edit: median \d+ ms/);
    },
    120_000,
  );
});
