// Compiles bench/resume.typ to PDF with Typst's Node binding, as one whole process (the peer the bench times).
// Usage: node bench/typst-compile.mjs <out.pdf>
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const require = createRequire(import.meta.url);
const fontDirs = ['400Regular', '400Regular_Italic', '600SemiBold', '700Bold'].map((w) =>
  dirname(require.resolve(`@expo-google-fonts/inter/${w}/index.js`)),
);
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: fontDirs }] });
const source = readFileSync(new URL('resume.typ', import.meta.url), 'utf8');
const pdf = compiler.pdf({ mainFileContent: source });
writeFileSync(process.argv[2] ?? 'resume-typst.pdf', pdf);
