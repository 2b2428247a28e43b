// Where the built extension is, checked before a browser is started, so a missing build fails clearly.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, REPO } from './engine.mjs';

/** dist/chrome or dist/firefox, with its parsed manifest. Throws a clear error if it is not built. */
export function builtExtension(target) {
  const dir = path.join(DIST, target);
  const manifest = path.join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`${path.relative(REPO, manifest)} is missing: build the extension first (scripts/build, ` +
      `which runs node scripts/build-extension after the WASM build)`);
  }
  return { dir, manifest: JSON.parse(readFileSync(manifest, 'utf8')) };
}
