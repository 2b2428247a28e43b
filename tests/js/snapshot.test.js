// Engine snapshots (postscrub.js: makeSnapshot, restore, snapshotInfo, buildId; contracts §5): a restored
// engine must be the compiled one — same findings, same packs — and a snapshot that does not fit this module file
// or these pack texts must be refused without touching the runtime. Loads dist/wasm (or POSTSCRUB_WASM_DIR).
// Synthetic text only.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../..');
const WASM_DIR = path.resolve(process.env.POSTSCRUB_WASM_DIR || path.join(REPO, 'dist/wasm'));
const WASM = path.join(WASM_DIR, 'postscrub_core.wasm');

function packTexts() {
  const dir = path.join(REPO, 'rules');
  return fs.readFileSync(path.join(dir, 'packs.txt'), 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')).map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));
}
function evalTexts() {
  const out = [];
  for (const f of ['tests/heldout2/posts.jsonl', 'tests/heldout/posts.jsonl']) {
    const p = path.join(REPO, f);
    if (!fs.existsSync(p)) continue;
    for (const line of fs.readFileSync(p, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line).text);
  }
  return out;
}
const SAMPLES = () => fs.readFileSync(path.join(REPO, 'samples/posts.txt'), 'utf8').split(/\n\s*\n/).filter((t) => t.trim());

let Postscrub, bytes, packs, snapAll, snapFirst;
const fresh = () => Postscrub.load({ wasmBinary: bytes });

test.before(async () => {
  Postscrub = require(path.join(WASM_DIR, 'postscrub.js'));
  bytes = fs.readFileSync(WASM);
  packs = packTexts();
  snapAll = await Postscrub.makeSnapshot({ wasmBinary: bytes, packTexts: packs, warmTexts: SAMPLES() });
  snapFirst = await Postscrub.makeSnapshot({ wasmBinary: bytes, packTexts: packs.slice(0, 1) });
});

test('the module names itself: its build id is the SHA-256 of the file with the id slot zeroed', async () => {
  const rt = await fresh();
  const id = rt.buildId();
  assert.match(id, /^[0-9a-f]{64}$/);
  const marker = Buffer.from('postscrub-build-id:');
  const at = bytes.indexOf(marker) + marker.length;
  assert.equal(bytes.subarray(at, at + 64).toString('latin1'), id, 'the id is the one written into the file');
  const zeroed = Buffer.from(bytes);
  zeroed.write('0'.repeat(64), at, 'latin1');
  assert.equal(crypto.createHash('sha256').update(zeroed).digest('hex'), id);
});

test('a restored engine finds exactly what the compiled one finds, and lists the same packs', async () => {
  const compiled = (await fresh()).compile(packs);
  assert.ok(compiled.ok, compiled.error);
  const rt = await fresh();
  assert.equal(rt.fresh(), true);
  const restored = rt.restore(snapAll, packs);
  assert.ok(restored.ok, restored.error);
  assert.equal(rt.fresh(), false);
  assert.deepEqual(restored.engine.packs(), compiled.engine.packs());
  assert.deepEqual(restored.engine.rules(), compiled.engine.rules());
  const texts = evalTexts();
  assert.ok(texts.length >= 100, `only ${texts.length} texts`);
  let findings = 0;
  for (const t of texts) {
    const a = restored.engine.check(t);
    assert.deepEqual(a, compiled.engine.check(t), JSON.stringify(t.slice(0, 80)));
    findings += a.findings.length;
  }
  assert.ok(findings > 100, `only ${findings} findings: the texts do not exercise the engine`);
  const post = 'Saw Mr. John Hartley (DOB 03/14/1957) in room 412.';
  const found = restored.engine.check(post);
  assert.deepEqual(restored.engine.redact(post, found.findings), compiled.engine.redact(post, found.findings));
});

test('a restored runtime keeps working as a runtime: it compiles, checks and frees other engines', async () => {
  const rt = await fresh();
  const restored = rt.restore(snapFirst, packs.slice(0, 1));
  assert.ok(restored.ok, restored.error);
  const before = restored.engine.check('Call 401-863-2291 about MRN 00482913.');
  const other = rt.compile(packs);
  assert.ok(other.ok, other.error);
  assert.ok(other.engine.check('Shoutout to my patient Maria Delgado').findings.some((f) => f.category === 'name'));
  other.engine.dispose();
  assert.deepEqual(restored.engine.check('Call 401-863-2291 about MRN 00482913.'), before);
  assert.ok(before.findings.length >= 2);
  restored.engine.dispose();
  assert.match(restored.engine.check('x').error, /disposed/);
});

test('snapshots that do not fit are refused and leave the runtime fresh', async () => {
  const rt = await fresh();
  const refused = (snap, texts, pattern) => {
    const r = rt.restore(snap, texts);
    assert.equal(r.ok, false);
    assert.match(r.error, pattern);
    assert.equal(rt.fresh(), true, 'a refused snapshot changes nothing');
  };
  refused(snapAll, packs.slice(0, 1), /other packs/);
  refused(snapFirst, packs, /other packs/);
  const edited = packs.slice(0, 1);
  edited[0] = edited[0].replace('"HIPAA Safe Harbor identifiers"', '"HIPAA Safe Harbour identifiers"');
  assert.notEqual(edited[0], packs[0]);
  refused(snapFirst, edited, /other packs/);
  refused(snapFirst.subarray(0, snapFirst.length - 1), packs.slice(0, 1), /truncated/);
  refused(snapFirst.subarray(0, 100), packs.slice(0, 1), /truncated|JSON/);
  refused(new Uint8Array(64), packs.slice(0, 1), /not a snapshot/);
  refused('snapshot', packs.slice(0, 1), /not a snapshot/);
  // The same snapshot with its meta edited: another build id, a broken pack list, a page count that is no count.
  const withMeta = (edit) => {
    const len = new DataView(snapFirst.buffer, snapFirst.byteOffset).getUint32(8, true);
    const meta = JSON.parse(Buffer.from(snapFirst.subarray(12, 12 + len)).toString('utf8'));
    edit(meta);
    const text = Buffer.from(JSON.stringify(meta), 'utf8');
    const head = Buffer.alloc(12);
    Buffer.from(snapFirst.subarray(0, 8)).copy(head);
    head.writeUInt32LE(text.length, 8);
    return Buffer.concat([head, text, Buffer.from(snapFirst.subarray(12 + len))]);
  };
  refused(withMeta((m) => { m.buildId = m.buildId.replace(/^./, (c) => (c === '0' ? '1' : '0')); }), packs.slice(0, 1), /another build/);
  refused(withMeta((m) => { m.packs = [null]; }), packs.slice(0, 1), /other packs/);
  refused(withMeta((m) => { m.pages += 0.5; }), packs.slice(0, 1), /truncated/);
  refused(withMeta((m) => { m.format = 2; }), packs.slice(0, 1), /format not supported/);
  const untouched = (await fresh()).restore(withMeta(() => {}), packs.slice(0, 1));
  assert.ok(untouched.ok, `re-encoding alone must not break a snapshot: ${untouched.error}`);
  const len = new DataView(snapFirst.buffer, snapFirst.byteOffset).getUint32(8, true);
  // A page table that points outside the memory it describes.
  const bad = Buffer.from(snapFirst);
  bad.writeUInt32LE(0x7fffffff, 12 + len);
  refused(bad, packs.slice(0, 1), /corrupt/);
  assert.ok(rt.restore(snapFirst, packs.slice(0, 1)).ok, 'the same runtime then takes a good snapshot');
});

test('only a fresh runtime is restored: one that compiled keeps its engines', async () => {
  const rt = await fresh();
  const mine = rt.compile(packs.slice(0, 1));
  assert.ok(mine.ok);
  const r = rt.restore(snapFirst, packs.slice(0, 1));
  assert.equal(r.ok, false);
  assert.match(r.error, /compiled packs already/);
  assert.ok(mine.engine.check('SSN 219-09-9999').findings.length > 0, 'its engine is untouched');
});

test('snapshotInfo reads what a snapshot holds without restoring it', () => {
  assert.deepEqual(Postscrub.snapshotInfo(snapFirst), { packs: 1, bytes: snapFirst.length });
  assert.deepEqual(Postscrub.snapshotInfo(snapAll.buffer.slice(snapAll.byteOffset, snapAll.byteOffset + snapAll.length)),
    { packs: packs.length, bytes: snapAll.length });
  assert.equal(Postscrub.snapshotInfo(new Uint8Array(10)), null);
  assert.equal(Postscrub.snapshotInfo(null), null);
});

test('restoring leaves nothing of what the runtime held before', async () => {
  const rt = await fresh();
  const m = rt._m;
  // Leftovers in free memory, as any use of the module leaves them.
  const p = m._malloc(1 << 20);
  m.HEAPU8.fill(0xab, p, p + (1 << 20));
  m._free(p);
  assert.equal(rt.fresh(), true);
  assert.ok(rt.restore(snapFirst, packs.slice(0, 1)).ok);
  const clean = await fresh();
  assert.ok(clean.restore(snapFirst, packs.slice(0, 1)).ok);
  const a = Buffer.from(rt._m.HEAPU8), b = Buffer.from(clean._m.HEAPU8);
  const n = Math.min(a.length, b.length);
  assert.equal(Buffer.compare(a.subarray(0, n), b.subarray(0, n)), 0, 'bytes of the old memory survived the restore');
  assert.equal(a.subarray(n).findIndex((x) => x !== 0), -1);
});

test('makeSnapshot refuses packs that do not compile, and says why', async () => {
  await assert.rejects(Postscrub.makeSnapshot({ wasmBinary: bytes, packTexts: ['{"id": "x"}'] }), /makeSnapshot: .*x/);
  await assert.rejects(Postscrub.makeSnapshot({ wasmBinary: bytes, packTexts: 'nope' }), /packTexts/);
});
