/** docs/cli.md as the CLI describes itself, through `help(args)` (default: dist/cli.js spawned per command). */
export function cliDoc(help?: (args: string[]) => Promise<string>): Promise<string>;
