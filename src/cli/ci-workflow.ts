// The GitHub Actions workflows `folio init --ci` writes: text from data, nothing read or written here.

/** What a workflow needs to know about the repository it is written for. */
export interface WorkflowOptions {
  /** The résumé, relative to the repository root, with forward slashes. */
  source: string;
  /** The folio-cv version to install (the one writing the workflow). */
  version: string;
  /** The repository's package.json lists folio-cv: install it with npm (ci when a lock file exists). */
  local: null | { lockFile: boolean };
  /** The résumé has a variants: block: build them too. */
  variants: boolean;
}

export type WorkflowKind = 'resume' | 'profile';

/** Where each workflow goes, relative to the repository root. */
export const WORKFLOW_FILES: Record<WorkflowKind, string> = {
  resume: '.github/workflows/folio.yml',
  profile: '.github/workflows/folio-profile.yml',
};

/** The workflow text for `kind`. */
export function workflow(kind: WorkflowKind, o: WorkflowOptions): string {
  return kind === 'resume' ? resumeWorkflow(o) : profileWorkflow(o);
}

const NODE = '24';

function resumeWorkflow(o: WorkflowOptions): string {
  const src = sh(o.source);
  const paths = [
    o.source,
    WORKFLOW_FILES.resume,
    ...(o.local ? ['package.json', ...(o.local.lockFile ? ['package-lock.json'] : [])] : []),
  ];
  const rerun = `folio init${o.source === 'resume.yaml' ? '' : ` ${sh(o.source)}`} --ci --force`;
  const notes = sh(`Résumé built by folio-cv from ${o.source}.`);
  return `# Written by folio-cv ${o.version} ("folio init --ci"). On every push that changes the résumé it builds
# the PDF, HTML and Markdown and keeps them as the run's "resume" artifact; on a v* tag it also attaches
# the PDFs to the GitHub release of that tag (git tag v2027.1 && git push --tags).${
    o.variants
      ? ''
      : `
# After adding variants to ${o.source}, run "${rerun}" again to build them too.`
  }
name: folio

on:
  push:
    branches: ['**']
    tags: ['v*']
    # Pushes to branches run when one of these changed; tag pushes always run.
    paths:
${paths.map((p) => `      - ${yamlString(p)}`).join('\n')}
  workflow_dispatch:

permissions:
  contents: read

jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      # Only the release step writes (it creates the release and uploads the PDFs).
      contents: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: ${NODE}
${install(o)}
      - name: Build
        run: ${run(`${folio(o)} build ${src}`)}
${
  o.variants
    ? `      - name: Build every variant
        run: ${run(`${folio(o)} build ${src} --all-variants`)}
`
    : ''
}      - name: Keep the files
        uses: actions/upload-artifact@v4
        with:
          name: resume
          path: out/
      - name: Attach the PDFs to the release
        if: startsWith(github.ref, 'refs/tags/v')
        env:
          GH_TOKEN: \${{ github.token }}
          TAG: \${{ github.ref_name }}
        run: |
          # A variant's PDF (out/<variant>/x.pdf) is renamed x-<variant>.pdf so names do not collide.
          mkdir -p release
          find out -name '*.pdf' | while read -r f; do
            d=$(dirname "$f"); n=$(basename "$f" .pdf)
            if [ "$d" = out ]; then cp "$f" "release/$n.pdf"; else cp "$f" "release/$n-$(basename "$d").pdf"; fi
          done
          gh release view "$TAG" >/dev/null 2>&1 || gh release create "$TAG" --title "$TAG" --notes ${notes}
          gh release upload "$TAG" release/*.pdf --clobber
`;
}

function profileWorkflow(o: WorkflowOptions): string {
  const paths = [o.source, WORKFLOW_FILES.profile, ...(o.local ? ['package.json'] : [])];
  return `# Written by folio-cv ${o.version} ("folio init --ci profile") for a <user>/<user> profile repository: it
# rebuilds the résumé between the folio markers of README.md when the résumé changes, and once a week (so
# durations such as "3 years" stay true), and commits README.md only when it changed.
name: folio profile README

on:
  push:
    paths:
${paths.map((p) => `      - ${yamlString(p)}`).join('\n')}
  schedule:
    - cron: '17 6 * * 1'
  workflow_dispatch:

permissions:
  contents: write

jobs:
  readme:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: ${NODE}
${install(o)}
      - name: Update README.md
        run: ${run(`${folio(o)} readme README.md --source ${sh(o.source)}`)}
      - name: Commit README.md if it changed
        run: |
          if git diff --quiet -- README.md; then echo "README.md is up to date"; exit 0; fi
          git config user.name 'github-actions[bot]'
          git config user.email '41898282+github-actions[bot]@users.noreply.github.com'
          git add README.md
          git commit -m ${sh(`README: résumé updated from ${o.source} by folio`)}
          git push
`;
}

/** The install step: the project's own lock file when folio-cv is a dependency, else this version globally. */
function install(o: WorkflowOptions): string {
  if (o.local)
    return (
      `      - name: Install folio (from package.json)\n` +
      `        run: ${o.local.lockFile ? 'npm ci' : 'npm install'} --no-audit --no-fund`
    );
  return `      - name: Install folio\n        run: npm install --global folio-cv@${o.version} --no-audit --no-fund`;
}

/** How the workflow runs folio: the global command, or the project's own copy through npx without the registry. */
function folio(o: WorkflowOptions): string {
  return o.local ? 'npx --no-install folio' : 'folio';
}

/** A one-line \`run:\` value: plain when YAML reads it as is, else a literal block. */
function run(command: string): string {
  return /^[\w ./@+'=-]+$/.test(command) ? command : `|\n          ${command}`;
}

/** A word for the shell: left bare when safe, else single-quoted. */
function sh(s: string): string {
  return /^[\w./@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A YAML scalar: bare when plain, else double-quoted (JSON's escapes are YAML's). */
function yamlString(s: string): string {
  return /^[\w./-]+$/.test(s) && !/^[-.]/.test(s) ? s : JSON.stringify(s);
}
