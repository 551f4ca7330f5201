// The programmatic API: prepare → render → write, or build for all three; what the benchmark's warm path and other Node programs import.
export {
  build, type BuildOptions, type BuildResult, FORMATS, type Format, loadValidated, prepare, type Prepared, type PrepareOptions, render, type Rendered,
  type RenderedFile, type RenderOptions, write,
} from './pipeline/build.js';
export { normalise } from './model/normalise.js';
export { validate } from './validate/validate.js';
export { loadFile, parseSource } from './source/load.js';
export type { ResumeModel } from './model/model.js';
