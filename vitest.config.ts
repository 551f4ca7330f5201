import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // Its published source maps name sources it does not ship: read the files without them, instead of a
      // warning per module.
      name: 'workflow-parser-without-maps',
      load(id) {
        if (!/[\\/]@actions[\\/]workflow-parser[\\/].*\.js$/.test(id)) return null;
        return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
      },
    },
  ],
  test: {
    // CLI and PDF tests spawn processes and render fonts; a loaded 2-core CI machine needs headroom.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // test/full/: heavy end-to-end checks that drive system programs (LibreOffice): `npm run test:full`.
    exclude: [...configDefaults.exclude, 'test/full/**'],
    // GitHub's workflow parser imports its schema JSON without an import attribute, which only a bundler
    // accepts: let Vite transform it instead of Node loading it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
