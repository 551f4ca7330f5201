import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { writeNewFile } from '../../output/new-file.js';
import { START_MARKER } from '../../output/readme-markers.js';
import { UserError } from '../../source/diagnostics.js';
import { modeline } from '../../source/modeline.js';
import { packageInfo, packageRoot } from '../../source/paths.js';
import { WORKFLOW_FILES, type WorkflowKind, workflow } from '../ci-workflow.js';
import { type Io, pathIn } from '../io.js';

/** The starter résumé with its schema line pointing at this installation's schema. */
export async function starterResume(target: string): Promise<string> {
  const text = await readFile(new URL('templates/init/resume.yaml', packageRoot), 'utf8');
  const [, ...rest] = text.split('\n');
  return [modeline(target), ...rest].join('\n');
}

/** `--ci` alone is the résumé's workflow; `--ci profile` the profile README's. */
function parseCi(value: string): WorkflowKind {
  if (value === 'profile' || value === 'resume') return value;
  throw new InvalidArgumentError(
    `--ci takes "profile" or nothing; to name the résumé, put it first: folio init ${value} --ci`,
  );
}

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('write a commented starter résumé to edit (and, with --ci, a GitHub Actions workflow)')
    .argument('[file]', 'where to write it', 'resume.yaml')
    .option('--force', 'overwrite the file if it exists (with --ci: the workflow; the résumé is never replaced)')
    .option(
      '--ci [profile]',
      `also write ${WORKFLOW_FILES.resume}, which builds the résumé on push; ` +
        `with "profile", ${WORKFLOW_FILES.profile}, which keeps a profile README current`,
      parseCi,
    )
    .addHelpText(
      'after',
      `
The starter shows every section once with example content; it validates and
builds as is. Line 1 points editors with the YAML language server at folio's
schema, so they complete and check every key.

--ci writes a workflow into the repository the résumé is in (the folder holding
.git). On an existing résumé it writes only the workflow. It installs folio-cv
at this version (or through your package.json when it lists folio-cv), then:
  --ci          builds on every push of the résumé, keeps out/ as the run's
                artifact, and attaches the PDFs to the release of a v* tag
  --ci profile  for your <user>/<user> repository: updates README.md between
                the folio markers on push and weekly, commits it when changed

Examples:
  $ folio init                  write resume.yaml
  $ folio init cv.yaml --force  replace cv.yaml with the starter
  $ folio init --ci             resume.yaml if missing, and .github/workflows/folio.yml
  $ folio init --ci profile     .github/workflows/folio-profile.yml for the profile README`,
    )
    .action(async (file: string, opts: { force?: boolean; ci?: WorkflowKind | true }) => {
      const ci = opts.ci === true ? 'resume' : opts.ci;
      const arg = file === 'resume.yaml' ? '' : ` ${file}`;
      if (!ci) {
        await writeNewFile(file, await starterResume(pathIn(io, file)), opts.force ?? false, [], io.cwd);
        io.stdout.write(
          `wrote ${file}\nnext: edit it, then run "folio serve${arg}" for a live preview or "folio build${arg}"\n`,
        );
        return;
      }
      // --ci: the starter only where there is no résumé yet; an existing one is read, never replaced.
      const fresh = !existsSync(pathIn(io, file));
      if (fresh) await writeNewFile(file, await starterResume(pathIn(io, file)), false, [], io.cwd);
      const { path, notes } = await writeWorkflow(ci, file, opts.force ?? false, io.cwd);
      const wrote = fresh ? [`wrote ${file}`, `wrote ${path}`] : [`wrote ${path}`];
      const next = fresh
        ? `next: edit ${file} ("folio serve${arg}" previews it), then commit both files and push`
        : `next: commit ${path} and push; its first lines say what it does`;
      io.stdout.write(`${[...wrote, ...notes, next].join('\n')}\n`);
    });
}

/** Write the workflow for the résumé at `file` into its repository; returns where, and what the user should know. */
async function writeWorkflow(
  kind: WorkflowKind,
  file: string,
  force: boolean,
  cwd: string,
): Promise<{ path: string; notes: string[] }> {
  const root = repositoryRoot(dirname(resolve(cwd, file)));
  const source = relative(root.dir, resolve(cwd, file)).split(sep).join('/');
  const target = join(root.dir, WORKFLOW_FILES[kind]);
  const text = workflow(kind, {
    source,
    version: packageInfo().version,
    local: localInstall(root.dir),
    variants: await hasVariants(resolve(cwd, file)),
  });
  const path = relative(cwd, target);
  await mkdir(dirname(target), { recursive: true });
  await writeNewFile(path, text, force, [], cwd);
  const notes: string[] = [];
  if (!root.git)
    notes.push(
      `note: ${root.dir} is not a git repository yet: the workflow runs once it is pushed to GitHub with ${source}`,
    );
  if (kind === 'profile') {
    const readme = join(root.dir, 'README.md');
    const text = existsSync(readme) ? await readFile(readme, 'utf8') : null;
    if (text === null)
      notes.push(
        'note: the workflow updates README.md at the root of the repository; ' +
          'create it with the folio markers (see "folio readme --help")',
      );
    else if (!text.includes(START_MARKER))
      notes.push(
        'note: README.md has no folio markers yet: add them where the résumé should go (see "folio readme --help")',
      );
  }
  return { path, notes };
}

/** The folder holding .git at or above `start`, else `start` itself (a repository not made yet). */
function repositoryRoot(start: string): { dir: string; git: boolean } {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return { dir, git: true };
    if (dirname(dir) === dir) return { dir: start, git: false };
  }
}

/** The repository installs folio-cv itself (package.json lists it): CI uses that, not a global install. */
function localInstall(dir: string): { lockFile: boolean } | null {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) return null;
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as typeof pkg;
  } catch {
    throw new UserError(`error: ${pkgFile} is not valid JSON; fix it first, since the workflow would install from it`);
  }
  const { name } = packageInfo();
  if (!pkg.dependencies?.[name] && !pkg.devDependencies?.[name]) return null;
  return { lockFile: existsSync(join(dir, 'package-lock.json')) };
}

/** Does the résumé have a variants: block? Its syntax must be sound (the error says where it is not). */
async function hasVariants(file: string): Promise<boolean> {
  if (!existsSync(file)) return false;
  const { loadFile } = await import('../../source/load.js');
  const { data } = await loadFile(file);
  const variants = (data as { variants?: unknown } | null)?.variants;
  return variants !== null && typeof variants === 'object' && Object.keys(variants).length > 0;
}
