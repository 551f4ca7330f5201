// Preloaded with --import by the CLI test: records every module (resolved URL) the
// process imports into $FOLIO_TRACE_FILE, so a test can prove react-pdf was not loaded.
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url, { data: { file: process.env.FOLIO_TRACE_FILE } });
