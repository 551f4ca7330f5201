// Handlebars' runtime without its compiler (~4× smaller to load): enough for precompiled templates,
// SafeString and escaping. Its type declarations only name 'handlebars/runtime' (no .js, which ESM
// needs), so the runtime is typed here once as the Handlebars API it implements.
import type FullHandlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';

export const Handlebars = runtime as unknown as typeof FullHandlebars;
