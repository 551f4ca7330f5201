#!/usr/bin/env node
// The `folio` command. Node 22.1+ can keep the compiled code of folio's modules on disk between runs
// (module.enableCompileCache): switched on here, before the CLI's modules load, when this Node has it.
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./cli.js');
