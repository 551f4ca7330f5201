import { parseSource } from './dist/index.js';
