// Builds what `npm pack` ships (run by the `prepack` script; `postpack` removes it again): the
// TypeScript of src/ and bench/ compiled to JavaScript with .d.ts types in dist/, plus the
// runtime files tsc does not copy (WebAssembly kernels, worker entries, assets/fonts, the PNG
// renderer's only font), placed where the compiled modules look for them.
// The repository itself needs no build: bin/chronotope runs src/ through tsx when src/ is there.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

// `prepare` runs this too, so that `npm install git+URL` (which runs `prepare`, not `prepack`, in
// its clone) gets dist/. But `prepare` also runs on `npm ci` in the repository itself, which needs
// no build: there npm's INIT_CWD is the repository, while for a dependency it is the project
// that installs it.
if (process.argv.includes('--when-installed-from-git') && (process.env.INIT_CWD ?? root) === root) process.exit(0);

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
// Every other file beside the sources (WebAssembly kernels, a bench's C source, a worker's
// .mjs entry) goes to the same place in dist/; a .mjs that imports a sibling .ts module gets the
// compiled .js instead, as tsc does for .ts files (rewriteRelativeImportExtensions).
for (const dir of ['src', 'bench']) {
  for (const file of files(join(root, dir))) {
    if (file.endsWith('.ts') || file.endsWith('.md')) continue;
    const target = join(dist, relative(root, file));
    if (file.endsWith('.mjs')) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(file, 'utf8').replace(/(['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2'));
    } else {
      cpSync(file, target);
    }
  }
}
cpSync(join(root, 'assets'), join(dist, 'assets'), { recursive: true });
