// The packed tarball is the product: pack this checkout, install the tarball where nothing of the checkout is
// reachable, and use it there as a person (and a program) would. `npm test` checks what it holds and runs the
// command as a local dependency on this Node; `npm run test:full` uses the API from code and type-checks a consumer
// (tsc, ~25 s), and installs it globally into a temporary prefix and on Node 22 and 24.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { END_MARKER, START_MARKER } from '../src/output/readme-markers.js';
import { pdfText, root, squash, tempDir } from './helpers.js';
import { describeDefault, describeFull } from './support/full.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 240_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(r: Run, what: string): Run {
  expect(r.status, `${what}\n${r.stderr}${r.stdout}`).toBe(0);
  return r;
}

let work = '';
let tarball = '';
let packed: string[] = [];
let project = '';

beforeAll(() => {
  work = tempDir();
  // dist/ was just built by `pretest`: pack it as it is (FOLIO_PACK_PREBUILT), since building again would empty
  // dist/ under the tests running beside this one. Otherwise this is `npm pack`, its prepack and postpack included.
  const pack = ok(
    run('npm', ['pack', '--json', '--pack-destination', work], root, { FOLIO_PACK_PREBUILT: '1' }),
    'npm pack',
  );
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info?.filename ?? '');
  packed = (info?.files ?? []).map((f) => f.path);
  project = join(work, 'my-cv');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'my-cv', private: true, type: 'module' }, null, 2)}\n`,
  );
}, 300_000);

interface Manifest {
  name: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

/** The packed package.json as it is installed, and none of the build's tools among its dependencies. */
function checkManifest(manifest: Manifest): void {
  expect(manifest.name).toBe('folio-cv');
  expect(manifest.bin).toEqual({ folio: 'dist/cli.js' });
  // Nothing of the build is needed to install or run it: no build tool among the dependencies,
  // and no install-time script: `prepare` (the checkout's build) is taken out of the packed package.json.
  for (const tool of BUILD_TOOLS) expect(manifest.dependencies[tool], tool).toBeUndefined();
  for (const script of ['preinstall', 'install', 'postinstall', 'prepare'])
    expect(manifest.scripts?.[script], script).toBeUndefined();
  // ...while the checkout keeps its prepare, which builds folio on `npm install` there.
  expect(
    (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
      .prepare,
  ).toBe('node scripts/build.mjs');
}

const BUILD_TOOLS = ['esbuild', 'typescript', 'vite', 'vitest', 'json-schema-to-typescript'];

/** Everything a person does in their own repository, with `folio` started by `folio(args, cwd)`. */
async function session(folio: (args: string[], cwd: string) => Run, cwd: string, schemaRef: string): Promise<void> {
  expect(ok(folio(['--version'], cwd), 'version').stdout).toBe(`${pkg.version}\n`);
  ok(folio(['init'], cwd), 'init');
  const first = readFileSync(join(cwd, 'resume.yaml'), 'utf8').split('\n')[0];
  expect(first).toBe(`# yaml-language-server: $schema=${schemaRef}`);

  const build = ok(folio(['build'], cwd), 'build');
  expect(build.stderr).toBe('');
  expect(readFileSync(join(cwd, 'out/resume.html'), 'utf8')).toContain('Alex Example');
  expect(readFileSync(join(cwd, 'out/resume.md'), 'utf8')).toContain('Open-source rate limiter');
  expect(squash(await pdfText(readFileSync(join(cwd, 'out/resume.pdf'))))).toContain('Cut checkout p99 latency by 40%');

  expect(ok(folio(['validate'], cwd), 'validate').stdout).toBe('resume.yaml: valid\n');

  writeFileSync(join(cwd, 'README.md'), `# Me\n\n${START_MARKER}\n${END_MARKER}\n`);
  expect(folio(['readme', 'README.md', '--check'], cwd).status).toBe(1);
  ok(folio(['readme', 'README.md'], cwd), 'readme');
  expect(readFileSync(join(cwd, 'README.md'), 'utf8')).toContain('Alex Example');
  ok(folio(['readme', 'README.md', '--check'], cwd), 'readme --check');
}

describeDefault('package: the packed tarball, unpacked beside only its declared dependencies (quick)', () => {
  // npm install copies 300 MB (~10 s of CPU): the full suite does that. Here the tarball is unpacked into a
  // node_modules that links only the dependencies its package.json declares, so a file left out of the tarball,
  // or a package outside the bundle (the fonts, pdf-parse) that it does not declare, still fails.
  let manifest: Manifest;
  let bin = '';
  beforeAll(() => {
    const modules = join(work, 'quick', 'node_modules');
    mkdirSync(modules, { recursive: true });
    ok(run('tar', ['-xzf', tarball, '-C', modules], work), 'tar -x');
    renameSync(join(modules, 'package'), join(modules, pkg.name));
    manifest = JSON.parse(readFileSync(join(modules, pkg.name, 'package.json'), 'utf8')) as Manifest;
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const from = join(root, 'node_modules', dep);
      if (!existsSync(from)) continue; // an optional dependency not installed in the checkout
      mkdirSync(dirname(join(modules, dep)), { recursive: true });
      symlinkSync(from, join(modules, dep), 'dir');
    }
    bin = join(modules, pkg.name, manifest.bin.folio ?? '');
  });

  it('holds what run time needs (dist, its types, schema, templates) and nothing of the checkout', () => {
    for (const f of [
      'package.json',
      'README.md',
      'dist/cli.js',
      'dist/index.js',
      'dist/batch-worker.js',
      'dist/types/index.d.ts',
      'schema/resume.schema.json',
      'templates/init/resume.yaml',
      'templates/options.json',
    ]) {
      expect(packed, f).toContain(f);
    }
    expect(packed.filter((f) => /^(src|test|scripts|bench)\/|\.map$|^tsconfig/.test(f))).toEqual([]);
    checkManifest(manifest);
  });

  it('runs: --version, init, build (every format, the PDF read back), validate', async () => {
    const cwd = join(work, 'quick', 'cv');
    mkdirSync(cwd);
    const folio = (args: string[]) => run(process.execPath, [bin, ...args], cwd);
    expect(ok(folio(['--version']), 'version').stdout).toBe(`${pkg.version}\n`);
    ok(folio(['init']), 'init');
    const build = ok(folio(['build']), 'build');
    expect(build.stderr).toBe('');
    expect(readFileSync(join(cwd, 'out/resume.html'), 'utf8')).toContain('Alex Example');
    expect(readFileSync(join(cwd, 'out/resume.md'), 'utf8')).toContain('Open-source rate limiter');
    expect(squash(await pdfText(readFileSync(join(cwd, 'out/resume.pdf'))))).toContain(
      'Cut checkout p99 latency by 40%',
    );
    expect(ok(folio(['validate']), 'validate').stdout).toBe('resume.yaml: valid\n');
  }, 120_000);
});

// The heavier half, run by `npm run test:full` (and so by .ci/run).
describeFull('package: installed by npm, used from code, on every Node (full suite)', () => {
  beforeAll(() => {
    ok(run('npm', ['install', tarball, ...npmFlags], project), 'npm install <tarball>');
  }, 300_000);

  it('installs what run time needs and no build tool', () => {
    const manifest = JSON.parse(
      readFileSync(join(project, 'node_modules', pkg.name, 'package.json'), 'utf8'),
    ) as Manifest;
    checkManifest(manifest);
    for (const tool of BUILD_TOOLS) expect(existsSync(join(project, 'node_modules', tool)), tool).toBe(false);
  });

  it('as a local dependency: folio (npx --no-install folio) init, build, validate, readme --check, schema', async () => {
    const cwd = join(project, 'cv');
    mkdirSync(cwd);
    // npx finds the installed command without the registry (once: each npx start costs a second)...
    expect(ok(run('npx', ['--no-install', 'folio', '--version'], cwd), 'npx --no-install folio').stdout).toBe(
      `${pkg.version}\n`,
    );
    // ...which is the bin link npm made: the session runs it directly.
    const folio = (args: string[], dir: string) =>
      run(process.execPath, [join(project, 'node_modules/.bin/folio'), ...args], dir);
    await session(folio, cwd, '../node_modules/folio-cv/schema/resume.schema.json');
    // The modeline's target exists and is folio's schema, which `folio schema` prints.
    const schema = readFileSync(join(cwd, '../node_modules/folio-cv/schema/resume.schema.json'), 'utf8');
    expect(ok(folio(['schema'], cwd), 'schema').stdout).toBe(schema);
    expect(schema).toBe(readFileSync(join(root, 'schema/resume.schema.json'), 'utf8'));
  }, 240_000);

  it('from code: the ESM API runs, and a TypeScript consumer type-checks against the emitted declarations', () => {
    const cwd = join(project, 'api');
    mkdirSync(cwd);
    writeFileSync(
      join(cwd, 'resume.yaml'),
      'basics:\n  name: Ada Lovelace\n  label: Analyst\nwork:\n  - name: Analytical Engine\n    position: Programmer\n    startDate: 1842-07\n',
    );
    const consumer = `import { build, FolioError, prepare, render, validate, type Diagnostic, type RenderedFile, type ResumeModel } from 'folio-cv';

const good = await validate('resume.yaml');
const bad = await validate({ text: 'basics:\\n  name: [1]\\n', file: 'bad.yaml' });
const problems: Diagnostic[] = bad.ok ? [] : bad.diagnostics;
const prepared = await prepare('resume.yaml');
const model: ResumeModel = prepared.model;
const files: RenderedFile[] = await render(prepared, ['pdf', 'html', 'md', 'txt']);
const built = await build({ source: 'resume.yaml', outDir: 'out', formats: ['html'] });
let thrown = '';
try {
  await prepare({ text: 'work: 3\\n' });
} catch (err) {
  if (!(err instanceof FolioError)) throw err;
  thrown = err.diagnostics.map((d) => \`\${d.file}:\${d.line}:\${d.col}\`).join(' ');
}
console.log(JSON.stringify({
  good: good.ok && good.resume.basics?.name,
  bad: problems.map((d) => \`\${d.file}:\${d.line}:\${d.col} \${d.path}\`),
  name: model.header.name,
  files: files.map((f) => [f.name, f.pages, typeof f.data === 'string' ? f.data.length > 0 : f.data[0] === 0x25]),
  built: built.files.map((f) => f.path),
  thrown,
}));
`;
    writeFileSync(join(cwd, 'consumer.mts'), consumer);
    writeFileSync(join(cwd, 'consumer.mjs'), consumer.replace(/, type \w+/g, '').replace(/: \w+(\[\])? =/g, ' ='));
    const out = JSON.parse(ok(run(process.execPath, ['consumer.mjs'], cwd), 'consumer.mjs').stdout) as unknown;
    expect(out).toEqual({
      good: 'Ada Lovelace',
      bad: ['bad.yaml:2:9 basics.name'],
      name: 'Ada Lovelace',
      files: [
        ['resume.pdf', 1, true],
        ['resume.html', null, true],
        ['resume.md', null, true],
        ['resume.txt', null, true],
      ],
      built: ['out/resume.html'],
      thrown: 'resume.yaml:1:7',
    });

    // One tsc run over the consumer and a negative control: the types must reject a format folio does not have
    // and a misspelt model field in wrong.mts, and find nothing wrong in consumer.mts or folio's declarations.
    writeFileSync(
      join(cwd, 'wrong.mts'),
      `import { prepare, render } from 'folio-cv';\nconst p = await prepare('resume.yaml');\nawait render(p, ['rtf']);\nconsole.log(p.model.heder);\n`,
    );
    writeFileSync(
      join(cwd, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          // Check folio's declarations too, not only the consumer; @types/node as any Node project has it.
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
        },
        files: ['consumer.mts', 'wrong.mts'],
      }),
    );
    const checked = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], cwd);
    const errors = checked.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
    expect(errors.map((l) => l.replace(/\(.*/, ''))).toEqual(['wrong.mts', 'wrong.mts']);
    expect(errors[0]).toContain(`Type '"rtf"' is not assignable`);
    expect(errors[1]).toContain(`Property 'heder' does not exist`);
  }, 120_000);

  it('installed globally into a prefix: folio on the PATH, the modeline is the public address', async () => {
    const prefix = join(work, 'global');
    ok(run('npm', ['install', '--global', '--prefix', prefix, tarball, ...npmFlags], work), 'npm install -g');
    const bin = join(prefix, 'bin');
    const cwd = join(work, 'elsewhere');
    mkdirSync(cwd);
    const folio = (args: string[], dir: string) =>
      run('folio', args, dir, { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` });
    expect(folio(['--version'], cwd).stdout).toBe(`${pkg.version}\n`);
    await session(folio, cwd, `https://cdn.jsdelivr.net/npm/folio-cv@${pkg.version}/schema/resume.schema.json`);
  }, 300_000);

  for (const major of ['22', '24']) {
    it(`on Node ${major}: the same session with that Node's binary`, async () => {
      const node = nodeBinary(major);
      expect(ok(run(node, ['--version'], work), 'node --version').stdout).toMatch(new RegExp(`^v${major}\\.`));
      const cwd = join(project, `node${major}`);
      mkdirSync(cwd);
      const folio = (args: string[], dir: string) =>
        run(node, [join(project, 'node_modules/.bin/folio'), ...args], dir);
      await session(folio, cwd, '../node_modules/folio-cv/schema/resume.schema.json');
    }, 300_000);
  }
});

/** A Node binary of this major version from the registry's node-<os>-<cpu> package, installed once into a cache under tmp. */
function nodeBinary(major: string): string {
  const name = `node-${process.platform}-${process.arch}`;
  const dir = join(tmpdir(), 'folio-test-node', major);
  const bin = join(dir, 'node_modules', name, 'bin', 'node');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    ok(
      run('npm', ['install', '--prefix', dir, `${name}@${major}`, ...npmFlags], tmpdir()),
      `npm install ${name}@${major}`,
    );
  }
  return bin;
}
