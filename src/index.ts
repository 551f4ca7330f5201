// The programmatic API: what the benchmark's warm path and other Node programs import.
export { build, type BuildOptions, type BuildResult, FORMATS, type Format } from './build.js';
export { normalise } from './normalise.js';
export { validate } from './validate.js';
export { loadFile, parseSource } from './load.js';
export type { ResumeModel } from './model.js';
