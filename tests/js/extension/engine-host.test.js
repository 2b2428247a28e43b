'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { EngineHost } = require('../../../extension/background/engine-host.js');
const { Postscrub, PACK } = require('./fake-postscrub.js');

const loadWasm = async () => new Uint8Array([0, 97, 115, 109]);
async function started(extra = {}) {
  const host = new EngineHost({ Postscrub, loadWasm, defaultPacks: [{ file: 'test.json', text: PACK }], ...extra });
  assert.deepEqual(await host.start(), { ok: true });
  return host;
}
const team = (id, regex = 'Room \\d+') => JSON.stringify({ id, name: `Team ${id}`, version: '2.0.0', rules: [{ id: `${id}-room`, category: 'location', severity: 'medium', regex, label: '[ROOM]' }] });

test('check returns findings with pack names; the module loads once', async () => {
  const host = await started();
  assert.equal(host.configure({}).ok, true);
  const out = host.check('SSN 219-09-9999 seen 03/04/2024');
  assert.deepEqual(out.findings.map((f) => [f.rule, f.start, f.end]), [['us-ssn', 4, 15], ['date-numeric', 21, 31]]);
  assert.equal(out.findings[0].packName, 'Test pack');
  assert.equal(out.risk.level, 'high');
  assert.equal(host.start(), host.start());
});

test('a missing WASM module is an error value, not a throw', async () => {
  const host = new EngineHost({ Postscrub: undefined, loadWasm, defaultPacks: [] });
  const r = await host.start();
  assert.equal(r.ok, false);
  assert.match(r.error, /missing/);
  assert.equal(host.check('x').findings.length, 0);
  assert.equal(host.configure({}).ok, false);
});

test('a broken team pack is left out and reported; the others and the last good copy stay', async () => {
  const host = await started();
  const good = team('ward');
  const broken = team('ward', '(unclosed');
  const r = host.configure({ extra: [
    { key: 'team:ward', label: 'Team ward', text: broken, fallbackText: good },
    { key: 'team:other', label: 'Team other', text: team('other', 'Bay \\d+') },
  ] });
  assert.equal(r.ok, false);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].key, 'team:ward');
  assert.match(r.errors[0].error, /rule ward-room: \/rules\/0\/patterns\/0\/regex/);
  const ids = host.check('Room 4, Bay 2, SSN 219-09-9999').findings.map((f) => f.rule);
  assert.deepEqual(ids, ['ward-room', 'other-room', 'us-ssn'].sort((a, b) => ids.indexOf(a) - ids.indexOf(b)));
  assert.ok(ids.includes('ward-room'), 'last good copy in use');
});

test('configure never leaves the host without an engine; the old engine is disposed after a swap', async () => {
  const host = await started();
  host.configure({});
  const first = host.engine;
  host.configure({ extra: [{ key: 't', label: 't', text: team('t') }] });
  assert.notEqual(host.engine, first);
  assert.equal(first.disposed, true);
  assert.equal(host.check('Room 9').findings.length, 1);
});

test('disabled bundled packs are skipped', async () => {
  const host = await started();
  host.configure({ disabledPacks: ['test-pack'], extra: [{ key: 't', label: 't', text: team('t') }] });
  assert.deepEqual(host.check('SSN 219-09-9999 Room 1').findings.map((f) => f.rule), ['t-room']);
});

test('personal allowlist becomes an engine pack', async () => {
  const host = await started();
  host.configure({ allowlist: ['219-09-9999'] });
  assert.equal(host.check('SSN 219-09-9999').findings.length, 0);
  assert.ok(host.packInfo.some((p) => p.id === 'personal-allowlist'));
});

test('validate: JSON errors and engine errors name what and where', async () => {
  const host = await started();
  host.configure({});
  assert.match(host.validate('{"id": ').error, /not valid JSON/);
  assert.match(host.validate(team('x', '[')).error, /pack x: rule x-room/);
  const ok = host.validate(team('x'));
  assert.equal(ok.ok, true);
  assert.equal(ok.pack.name, 'Team x');
  assert.equal(host.validate('').ok, false);
});

test('redact: only spans that are real findings of the text are redacted', async () => {
  const host = await started();
  host.configure({});
  const text = 'SSN 219-09-9999 on 03/04/2024';
  assert.deepEqual(host.redact(text, [{ start: 4, end: 15, rule: 'us-ssn' }]).edits, [{ start: 4, end: 15, replacement: '[SSN]' }]);
  assert.deepEqual(host.redact(text, [{ start: 0, end: 3, rule: 'us-ssn' }]).edits, [], 'not a finding: nothing');
  assert.equal(host.redact(text, [{ start: 4, end: 15 }, { start: 19, end: 29 }]).edits.length, 2);
});

test('configure with the same packs and allowlist keeps the engine (no recompile); a change recompiles', async () => {
  const host = await started();
  assert.equal(host.configure({ allowlist: ['Dr Who'] }).ok, true);
  const engine = host.engine;
  const before = Postscrub.compiles;
  const again = host.configure({ allowlist: ['Dr Who'] });
  assert.equal(again.ok, true);
  assert.equal(again.unchanged, true);
  assert.equal(Postscrub.compiles, before, 'nothing compiled');
  assert.equal(host.engine, engine);
  host.configure({ allowlist: ['Dr Who', 'Mercy'] });
  assert.equal(Postscrub.compiles, before + 1, 'a new allowlist term recompiles');
  assert.notEqual(host.engine, engine);
});

test('a module compiled ahead is instantiated through the factory, not recompiled from bytes', async () => {
  const mod = { compiledAhead: true };
  const seen = [];
  const realInstantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async (m, imports) => { seen.push([m, imports]); return { exports: {} }; };
  try {
    // The stand-in factory behaves as Emscripten's: with `instantiateWasm` it hands over the imports and waits.
    const moduleFactory = (opts) => new Promise((resolve) => {
      opts.instantiateWasm({ env: 'imports' }, (instance, m) => resolve({ instance, m }));
    });
    const Fake = { async load(opts) { const m = await opts.moduleFactory({}); return { compile: Postscrub.load.bind(null), from: m }; } };
    let bytesLoaded = false;
    const host = new EngineHost({ Postscrub: Fake, moduleFactory, loadModule: async () => mod,
      loadWasm: async () => { bytesLoaded = true; return new Uint8Array(4); }, defaultPacks: [] });
    assert.deepEqual(await host.start(), { ok: true });
    assert.equal(bytesLoaded, false, 'the bytes were not fetched again');
    assert.deepEqual(seen, [[mod, { env: 'imports' }]]);
    assert.equal(host.runtime.from.m, mod);
  } finally { WebAssembly.instantiate = realInstantiate; }
});

test('if the module compiled ahead is missing, the bytes are loaded instead', async () => {
  const host = new EngineHost({ Postscrub, moduleFactory: () => { throw new Error('unused'); }, loadModule: async () => null,
    loadWasm, defaultPacks: [{ file: 'test.json', text: PACK }] });
  assert.deepEqual(await host.start(), { ok: true });
  assert.equal(host.configure({}).ok, true);
});

test('cold start: configureQuick compiles the first bundled pack alone, then configure() brings all packs', async () => {
  const other = JSON.stringify({ id: 'rooms', name: 'Rooms', version: '1.0.0', rules: [{ id: 'room', category: 'location', severity: 'medium', regex: 'Room \\d+', label: '[ROOM]' }] });
  const host = new EngineHost({ Postscrub, loadWasm, defaultPacks: [{ file: 'test.json', text: PACK }, { file: 'rooms.json', text: other }] });
  assert.deepEqual(await host.start(), { ok: true });
  const quick = host.configureQuick({});
  assert.equal(quick.partial, true);
  assert.deepEqual(quick.packs.map((p) => p.id), ['test-pack']);
  assert.deepEqual(host.check('SSN 219-09-9999 in Room 12').findings.map((f) => f.rule), ['us-ssn']);
  assert.equal(host.configureQuick({}), null, 'only before the first engine');
  const full = host.configure({});
  assert.equal(full.unchanged, undefined, 'the full set is a new compile, not the quick engine kept');
  assert.deepEqual(host.check('SSN 219-09-9999 in Room 12').findings.map((f) => f.rule), ['us-ssn', 'room']);
});

test('cold start: nothing to gain with one pack, or with the first pack switched off it starts from the next', async () => {
  const host = await started();
  assert.equal(host.configureQuick({}), null);
  const other = JSON.stringify({ id: 'rooms', name: 'Rooms', version: '1.0.0', rules: [{ id: 'room', category: 'location', severity: 'medium', regex: 'Room \\d+', label: '[ROOM]' }] });
  const third = JSON.stringify({ id: 'bays', name: 'Bays', version: '1.0.0', rules: [{ id: 'bay', category: 'location', severity: 'medium', regex: 'Bay \\d+', label: '[BAY]' }] });
  const h2 = new EngineHost({ Postscrub, loadWasm, defaultPacks: [{ file: 'test.json', text: PACK }, { file: 'r.json', text: other }, { file: 'b.json', text: third }] });
  await h2.start();
  assert.deepEqual(h2.configureQuick({ disabledPacks: ['test-pack'] }).packs.map((p) => p.id), ['rooms']);
});
