import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { root } from './helpers.js';
import { itDefault, itFull } from './support/full.js';

// `npm run lint`'s layer rule (.dependency-cruiser.cjs), run on the real tree and on a tree built to break it.
const depcruise = (cwd: string) =>
  spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'src',
      '--config',
      join(root, '.dependency-cruiser.cjs'),
    ],
    {
      cwd,
      encoding: 'utf8',
    },
  );

describe('the stage layer rule', () => {
  const bad = mkdtempSync(join(tmpdir(), 'folio-layers-'));
  afterAll(() => rmSync(bad, { recursive: true, force: true }));

  // `npm run lint` runs the rule on src/ (CI runs lint first): here it runs in the full suite only.
  itFull('passes on src/', () => {
    const r = depcruise(root);
    expect(r.stdout + r.stderr).toMatch(/no dependency violations found/);
    expect(r.status).toBe(0);
  });

  itDefault(
    'rejects a back-edge, a type-only cycle, a loose file and an unresolvable import (negative control)',
    () => {
      const files: Record<string, string> = {
        'tsconfig.json': JSON.stringify({
          compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
        }),
        // source → validate is a back-edge, and with validate → source a cycle made of type-only imports.
        'src/source/load.ts':
          "import type { Rule } from '../validate/rules.js';\nexport type Source = { rules: Rule[] };\n",
        'src/validate/rules.ts':
          "import type { Source } from '../source/load.js';\nexport type Rule = (s: Source) => boolean;\n",
        'src/loose.ts': "import type { Rule } from './validate/rules.js';\nexport type R = Rule;\n",
        'src/render/page.ts': "import { gone } from '../model/gone.js';\nexport const page = gone;\n",
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(bad, path)), { recursive: true });
        writeFileSync(join(bad, path), text);
      }
      const r = depcruise(bad);
      const out = r.stdout + r.stderr;
      expect(r.status).not.toBe(0);
      expect(out).toMatch(/layer-source: src\/source\/load\.ts → src\/validate\/rules\.ts/);
      expect(out).toMatch(/no-cycles: /);
      expect(out).toMatch(/stages-only: src\/loose\.ts/);
      expect(out).toMatch(/resolvable: src\/render\/page\.ts/);
    },
  );
});
