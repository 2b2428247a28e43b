// EngineHost with the real WASM module and engine snapshots: which engine a cold start gets, and that every pack
// set the snapshot does not hold still compiles. Loads dist/wasm (or POSTSCRUB_WASM_DIR). Synthetic text only.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { EngineHost } = require('../../../extension/background/engine-host.js');

const REPO = path.resolve(__dirname, '../../..');
const WASM_DIR = path.resolve(process.env.POSTSCRUB_WASM_DIR || path.join(REPO, 'dist/wasm'));
const Postscrub = require(path.join(WASM_DIR, 'postscrub.js'));
const WASM = fs.readFileSync(path.join(WASM_DIR, 'postscrub_core.wasm'));
const FILES = fs.readFileSync(path.join(REPO, 'rules/packs.txt'), 'utf8').split('\n').map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const PACKS = FILES.map((file) => ({ file, text: fs.readFileSync(path.join(REPO, 'rules', file), 'utf8') }));
const POST = 'Shoutout to my patient Maria Delgado (DOB 03/14/1957). Call her daughter at (401) 555-0147.';

let snapFirst, snapAll;
test.before(async () => {
  snapFirst = await Postscrub.makeSnapshot({ wasmBinary: WASM, packTexts: [PACKS[0].text] });
  snapAll = await Postscrub.makeSnapshot({ wasmBinary: WASM, packTexts: PACKS.map((p) => p.text) });
});

/** A host on the real module; `compiles` records the pack ids of every compile. */
async function host({ snapshot, packs = PACKS, loadDefaultPacks = null, tamper = null } = {}) {
  const compiles = [];
  let loads = 0;
  const api = { ...Postscrub, load: async (opts) => {
    const rt = await Postscrub.load(opts);
    loads++;
    const compile = rt.compile.bind(rt);
    rt.compile = (texts) => {
      compiles.push(texts.map((t) => { try { return JSON.parse(t).id; } catch { return '?'; } }));
      return compile(texts);
    };
    if (tamper && loads === 1) tamper(rt);
    return rt;
  } };
  const h = new EngineHost({ Postscrub: api, loadWasm: async () => WASM, defaultPacks: loadDefaultPacks ? [] : packs,
    loadDefaultPacks, loadSnapshot: snapshot === undefined ? null : async () => snapshot });
  assert.deepEqual(await h.start(), { ok: true });
  return { h, compiles, loads: () => loads };
}

test('cold start with the shipped kind of snapshot: the first pack is restored, the full set compiles after', async () => {
  const { h, compiles } = await host({ snapshot: snapFirst });
  const quick = h.configureQuick({});
  assert.equal(quick.partial, true);
  assert.equal(h.source, 'snapshot');
  assert.deepEqual(compiles, [], 'nothing compiled for the first engine');
  const first = h.check(POST);
  assert.ok(first.findings.some((f) => f.category === 'phone'), JSON.stringify(first.findings.map((f) => f.rule)));
  assert.ok(first.findings.every((f) => f.pack === 'hipaa-safe-harbor'));
  const full = h.configure({});
  assert.equal(full.ok, true);
  assert.equal(h.source, 'compiled');
  assert.deepEqual(compiles, [PACKS.map((p) => JSON.parse(p.text).id)]);
  assert.ok(h.check(POST).findings.some((f) => f.category === 'name'), 'names follow with the full set');
});

test('a snapshot of every bundled pack is the engine itself: no compile at all', async () => {
  const { h, compiles } = await host({ snapshot: snapAll });
  assert.equal(h.configureQuick({}), null, 'nothing to gain from a quick engine');
  const r = h.configure({});
  assert.equal(r.ok, true);
  assert.equal(h.source, 'snapshot');
  assert.deepEqual(compiles, []);
  assert.deepEqual(r.packs.map((p) => p.id), PACKS.map((p) => JSON.parse(p.text).id));
  const ref = await Postscrub.load({ wasmBinary: WASM });
  const expected = ref.compile(PACKS.map((p) => p.text)).engine.check(POST).findings.map((f) => [f.rule, f.start, f.end]);
  assert.deepEqual(h.check(POST).findings.map((f) => [f.rule, f.start, f.end]), expected);
  assert.equal(h.configure({}).unchanged, true);
});

test('what the snapshot does not hold is compiled: a disabled first pack, an allowlist', async () => {
  const first = JSON.parse(PACKS[0].text).id;
  {
    const { h, compiles } = await host({ snapshot: snapFirst });
    assert.equal(h.configureQuick({ disabledPacks: [first] }).partial, true);
    assert.equal(h.source, 'compiled');
    assert.deepEqual(compiles, [[JSON.parse(PACKS[1].text).id]]);
    assert.ok(h.check(POST).findings.every((f) => f.pack !== first));
  }
  {
    const { h, compiles } = await host({ snapshot: snapAll });
    assert.equal(h.configure({ allowlist: ['Maria Delgado'] }).ok, true);
    assert.equal(h.source, 'compiled');
    assert.equal(compiles.length, 1);
    assert.ok(!h.check(POST).findings.some((f) => f.text === 'Maria Delgado'), 'the allowlist is in force');
  }
});

test('a snapshot that does not fit is skipped with its reason; the packs compile as before', async () => {
  const edited = [{ ...PACKS[0], text: PACKS[0].text.replace('"HIPAA Safe Harbor identifiers"', '"Edited"') }, ...PACKS.slice(1)];
  const { h, compiles } = await host({ snapshot: snapFirst, packs: edited });
  assert.match(h.snapshotError, /other packs/);
  assert.equal(h.configureQuick({}).partial, true);
  assert.equal(h.source, 'compiled');
  assert.equal(compiles.length, 1);
  const { h: h2 } = await host({ snapshot: new Uint8Array([1, 2, 3]) });
  assert.match(h2.snapshotError, /not a snapshot/);
  assert.equal(h2.configure({}).ok, true);
});

test('a restore that fails after overwriting memory costs the runtime, which is replaced', async () => {
  const { h, compiles, loads } = await host({ snapshot: snapFirst, tamper: (rt) => {
    rt.restore = () => { rt._used = true; return { ok: false, error: 'restore: simulated failure' }; };
  } });
  assert.match(h.snapshotError, /simulated/);
  assert.equal(loads(), 2, 'a fresh runtime was loaded');
  assert.equal(h.configure({}).ok, true);
  assert.equal(compiles.length, 1);
  assert.ok(h.check(POST).findings.length > 0);
});

test('bundled packs read at start (loadDefaultPacks); one that cannot be read is reported, the rest used', async () => {
  const { h } = await host({ snapshot: snapFirst,
    loadDefaultPacks: async () => [PACKS[0], { file: 'names.json', error: 'HTTP 404' }, ...PACKS.slice(2)] });
  assert.deepEqual(h.defaultPacks.map((p) => p.file), [PACKS[0].file, ...PACKS.slice(2).map((p) => p.file)]);
  assert.equal(h.configureQuick({}).partial, true);
  assert.equal(h.source, 'snapshot', 'the first pack was read: its snapshot still applies');
  const r = h.configure({});
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => [e.label, e.error]), [['names.json', 'could not be read: HTTP 404']]);
  assert.ok(h.check(POST).findings.length > 0, 'checking goes on with the packs that were read');
});
