// The layer rule of src/ (see docs/architecture.md): stages in data-flow order, each importing only itself and the
// stages before it; no import cycles anywhere, type-only imports included. Run by `npm run lint`.
/** The stages, in the order they may import each other: a stage sees only the stages above it. */
const STAGES = ['source', 'validate', 'convert', 'tailor', 'model', 'render', 'check', 'output', 'pipeline', 'cli'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle (type-only imports count too) makes the stages impossible to read in order.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...STAGES.slice(0, -1).map((stage, i) => ({
      name: `layer-${stage}`,
      comment: `src/${stage}/ may import only itself and earlier stages (${STAGES.slice(0, i).join(', ') || 'none'}), never ${STAGES.slice(i + 1).join(', ')}.`,
      severity: 'error',
      from: { path: `^src/${stage}/` },
      to: { path: `^src/(${STAGES.slice(i + 1).join('|')})/` },
    })),
    {
      name: 'entries-are-not-imported',
      comment:
        'src/index.ts (the public API) and src/bin.ts (the bin) sit on top of every stage: no stage imports them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/(index|bin)\\.ts$' },
    },
    {
      name: 'stages-only',
      comment: 'Every source file lives in a stage folder (only the public index and the bin entry stay in src/).',
      severity: 'error',
      from: { path: '^src/[^/]+\\.tsx?$', pathNot: '^src/(index|bin)\\.ts$' },
      to: {},
    },
    {
      name: 'generated-is-a-leaf',
      comment: 'src/generated/ (written by scripts/generate.mjs) depends on no stage, so every stage may use it.',
      severity: 'error',
      from: { path: '^src/generated/' },
      to: { path: `^src/(${STAGES.join('|')})/` },
    },
    {
      name: 'resolvable',
      comment:
        'An import the cruiser cannot resolve would escape every rule above. (src/generated/ exists after a build.)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '(^|/)generated/' },
    },
  ],
  options: {
    // Packages are resolved (so a typo in a path cannot hide as an unresolvable import) but not cruised.
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs', '.d.ts'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
