// The programmatic API: what the benchmark's warm path and other Node programs import.
export { build, type BuildOptions, type BuildResult, FORMATS, type Format } from './pipeline/build.js';
export { normalise } from './model/normalise.js';
export { validate } from './validate/validate.js';
export { loadFile, parseSource } from './source/load.js';
export type { ResumeModel } from './model/model.js';
