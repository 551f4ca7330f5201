#!/usr/bin/env node
import { packageInfo } from './source/paths.js';

// `folio --version` is what scripts and bug reports run most: it answers from package.json before the command
// table (commander, the schema validator, YAML) loads. Anything else goes through the CLI, which also knows -v.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${packageInfo().version}\n`);
} else {
  const { main } = await import('./cli/main.js');
  await main();
}
