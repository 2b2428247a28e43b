// Bundles the fixture pages with esbuild into tests/e2e/.build/: the real editor libraries from node_modules,
// one IIFE per site, plus the HTML and the editors' own CSS. Run by scripts/e2e; safe to run again.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(e2eDir, '../..');
const src = path.join(e2eDir, 'fixtures');
export const buildDir = path.join(e2eDir, '.build');

export async function buildFixtures() {
  await mkdir(buildDir, { recursive: true });
  const common = {
    bundle: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    minify: false,
    sourcemap: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await Promise.all([
    build({ ...common, entryPoints: [path.join(src, 'facebook.js')], outfile: path.join(buildDir, 'facebook.js') }),
    build({ ...common, entryPoints: [path.join(src, 'fbcomment.js')], outfile: path.join(buildDir, 'fbcomment.js') }),
    build({ ...common, entryPoints: [path.join(src, 'linkedin.js')], outfile: path.join(buildDir, 'linkedin.js') }),
    build({ ...common, entryPoints: [path.join(src, 'textarea.js')], outfile: path.join(buildDir, 'textarea.js') }),
    // Draft.js reads `global` (fbjs) besides process.env.NODE_ENV.
    build({ ...common, entryPoints: [path.join(src, 'x.jsx')], outfile: path.join(buildDir, 'x.js'),
      define: { ...common.define, global: 'window' }, jsx: 'transform' }),
  ]);
  const copies = [
    [path.join(src, 'facebook.html'), 'facebook.html'],
    [path.join(src, 'fbcomment.html'), 'fbcomment.html'],
    [path.join(src, 'x.html'), 'x.html'],
    [path.join(src, 'linkedin.html'), 'linkedin.html'],
    [path.join(src, 'textarea.html'), 'textarea.html'],
    [path.join(src, 'common.css'), 'common.css'],
    [path.join(repo, 'node_modules/draft-js/dist/Draft.css'), 'draft.css'],
    [path.join(repo, 'node_modules/quill/dist/quill.core.css'), 'quill.core.css'],
  ];
  await Promise.all(copies.map(([from, to]) => copyFile(from, path.join(buildDir, to))));
  return buildDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  await buildFixtures();
  console.log(`fixtures built into ${path.relative(repo, buildDir)} in ${Date.now() - t0} ms`);
}
