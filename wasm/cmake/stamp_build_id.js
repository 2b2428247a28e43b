#!/usr/bin/env node
// Writes the build id into a freshly linked postscrub_core.wasm: the 64 zeros after "postscrub-build-id:" in its
// data (postscrub_wasm.cc, kBuildIdSlot) become the SHA-256 of the file as linked, in hex. Same bytes, same id;
// any other build, another id. A file already stamped is left as it is.
'use strict';
const fs = require('node:fs');
const crypto = require('node:crypto');

const file = process.argv[2];
if (!file) { console.error('usage: stamp_build_id.js postscrub_core.wasm'); process.exit(2); }
const bytes = fs.readFileSync(file);
const marker = Buffer.from('postscrub-build-id:');
const at = bytes.indexOf(marker);
if (at < 0 || bytes.indexOf(marker, at + 1) >= 0) {
  console.error(`stamp_build_id: ${file}: expected exactly one "postscrub-build-id:" slot`);
  process.exit(1);
}
const slot = at + marker.length;
const current = bytes.subarray(slot, slot + 64).toString('latin1');
if (/^[0-9a-f]{64}$/.test(current) && current !== '0'.repeat(64)) process.exit(0);
if (current !== '0'.repeat(64)) {
  console.error(`stamp_build_id: ${file}: the slot holds neither zeros nor an id`);
  process.exit(1);
}
bytes.write(crypto.createHash('sha256').update(bytes).digest('hex'), slot, 'latin1');
fs.writeFileSync(file, bytes);
