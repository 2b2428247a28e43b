// The WebAssembly engine and the native CLI must find exactly the same things: same spans (UTF-16), category,
// rule, severity and score, over every regression and held-out text in the repository and the benchmark's
// synthetic posts. They are one C++ source, but built by two compilers against two copies of RE2 (Debian's
// library natively, its source package under Emscripten), with platform-dependent code in between (the ASCII
// stand-ins, lazily built regexes, 32- vs 64-bit sizes) — this is where a difference would show.
// Needs dist/wasm and dist/bin/postscrub (scripts/build), or POSTSCRUB_WASM_DIR / POSTSCRUB_CLI.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { generate } = require('../../bench/corpus.js');

const REPO = path.resolve(__dirname, '../..');
const WASM_DIR = path.resolve(process.env.POSTSCRUB_WASM_DIR || path.join(REPO, 'dist/wasm'));
const CLI = path.resolve(process.env.POSTSCRUB_CLI || path.join(REPO, 'dist/bin/postscrub'));

function texts() {
  const out = [];
  for (const dir of ['tests/corpus', 'tests/heldout', 'tests/heldout2']) {
    const abs = path.join(REPO, dir);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs.readdirSync(abs).filter((n) => n.endsWith('.jsonl')).sort()) {
      for (const line of fs.readFileSync(path.join(abs, f), 'utf8').split('\n')) {
        if (line.trim()) out.push(JSON.parse(line).text);
      }
    }
  }
  const synth = generate();
  return out.concat(synth.short.slice(0, 300), synth.long.slice(0, 60));
}

const key = (f) => [f.start, f.end, f.category, f.rule, f.severity, f.score].join('|');

test('the WASM engine and the native CLI give identical findings on every repository text', async () => {
  assert.ok(fs.existsSync(path.join(WASM_DIR, 'postscrub.js')), `${WASM_DIR}: no WASM build (scripts/build)`);
  assert.ok(fs.existsSync(CLI), `${CLI}: no native CLI (scripts/build)`);
  const Postscrub = require(path.join(WASM_DIR, 'postscrub.js'));
  const runtime = await Postscrub.load({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'postscrub_core.wasm')) });
  const compiled = runtime.compile();
  assert.ok(compiled.ok, compiled.error);

  const all = texts();
  assert.ok(all.length > 500, `only ${all.length} texts`);
  const input = all.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n';
  const native = execFileSync(CLI, ['check', '--jsonl'], { input, maxBuffer: 256 << 20 }).toString('utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.equal(native.length, all.length);

  let findings = 0;
  for (let i = 0; i < all.length; i++) {
    const wasm = compiled.engine.check(all[i]);
    assert.ok(!wasm.error, wasm.error);
    const w = wasm.findings.map(key);
    const n = native[i].findings.map(key);
    assert.deepEqual(w, n, `text ${i}: ${JSON.stringify(all[i].slice(0, 120))}`);
    assert.deepEqual(wasm.risk, native[i].risk, `risk of text ${i}`);
    findings += n.length;
  }
  assert.ok(findings > 300, `only ${findings} findings: the comparison would prove little`);
  compiled.engine.dispose();
});
