'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const S = require('../../../extension/common/settings.js');
const { createPlatform } = require('../../../extension/common/platform.js');

test('normalize: defaults, wrong types and bounded lists', () => {
  assert.deepEqual(S.normalize(undefined), { threshold: 'info', prepost: true, sites: {}, disabledPacks: [], allowlist: [] });
  const n = S.normalize({ threshold: 'extreme', prepost: 'yes', sites: { 'www.facebook.com': false, 'Example.org': true, bad: 1 },
    allowlist: ['Dr. House', 'dr. house', ' ', 42, 'x'.repeat(300)], disabledPacks: 'all' });
  assert.equal(n.threshold, 'info');
  assert.equal(n.prepost, true);
  assert.deepEqual(n.sites, { 'facebook.com': false, 'example.org': true });
  assert.deepEqual(n.allowlist, ['Dr. House', 'x'.repeat(200)]);
  assert.deepEqual(n.disabledPacks, []);
});

test('site keys and defaults: built-in sites on, other sites off until enabled', () => {
  assert.equal(S.siteKey('www.facebook.com'), 'facebook.com');
  assert.equal(S.siteKey('mobile.twitter.com'), 'twitter.com');
  assert.equal(S.siteKey('www.example.org'), 'www.example.org');
  const eff = S.effective({ sites: { 'x.com': false, 'forum.example.org': true } }, {});
  assert.equal(S.siteEnabled(eff, 'www.facebook.com'), true);
  assert.equal(S.siteEnabled(eff, 'x.com'), false);
  assert.equal(S.siteEnabled(eff, 'www.linkedin.com'), true);
  assert.equal(S.siteEnabled(eff, 'forum.example.org'), true);
  assert.equal(S.siteEnabled(eff, 'other.example.org'), false);
});

test('admin policy wins and locks what it sets; allowlists and disabled packs join', () => {
  const eff = S.effective({ threshold: 'info', prepost: false, allowlist: ['Mine'], disabledPacks: ['a'], sites: { 'x.com': true } },
    { severityThreshold: 'medium', prePostCheck: true, allowlist: ['Org term'], disabledPacks: ['b'], disabledSites: ['www.x.com'],
      packs: ['{"id":"p"}', { id: 'q' }, 7], packUrls: ['https://ok.example/p.json', 'http://insecure.example/p.json'], unknown: 1 });
  assert.equal(eff.threshold, 'medium');
  assert.equal(eff.prepost, true);
  assert.deepEqual(eff.locked.sort(), ['prepost', 'threshold']);
  assert.deepEqual(eff.allowlist, ['Mine']);
  assert.deepEqual(eff.policyAllowlist, ['Org term']);
  assert.deepEqual(eff.disabledPacks.sort(), ['a', 'b']);
  assert.equal(S.siteEnabled(eff, 'x.com'), false);
  assert.deepEqual(eff.lockedSites, ['x.com']);
  assert.deepEqual(eff.policy.packs, ['{"id":"p"}', '{"id":"q"}']);
  assert.deepEqual(eff.policy.packUrls, ['https://ok.example/p.json']);
  assert.ok(S.effective({}, { lockSettings: true }).locked.includes('teamPacks'));
});

test('personal allowlist: add is case-insensitively unique, remove ignores case', () => {
  let u = S.addAllowTerm({}, 'Dr. House');
  u = S.addAllowTerm(u, 'DR. HOUSE');
  u = S.addAllowTerm(u, '555-0100');
  assert.deepEqual(u.allowlist, ['Dr. House', '555-0100']);
  u = S.removeAllowTerm(u, 'dr. house');
  assert.deepEqual(u.allowlist, ['555-0100']);
});

test('filterFindings: threshold, allowlist, ignored; risk follows what is shown', () => {
  const f = [
    { start: 0, end: 4, text: 'Jane', rule: 'name', severity: 'medium' },
    { start: 5, end: 16, text: '219-09-9999', rule: 'us-ssn', severity: 'high' },
    { start: 17, end: 20, text: 'bed', rule: 'bed', severity: 'info' },
  ];
  const risk = { level: 'high', score: 0.9 };
  assert.equal(S.filterFindings(f, risk, { threshold: 'low' }).findings.length, 2);
  const r = S.filterFindings(f, risk, { threshold: 'info', allowlist: ['JANE'], ignored: new Set([S.ignoreKey(f[1])]) });
  assert.deepEqual(r.findings.map((x) => x.rule), ['bed']);
  assert.equal(r.risk.level, 'high', 'the engine level (mosaic) is kept while something is shown');
  assert.deepEqual(S.filterFindings(f, risk, { threshold: 'high', allowlist: ['219-09-9999'] }).risk, { level: 'none', score: 0 });
  assert.equal(S.filterFindings(f, { level: 'medium', score: 0.5 }).risk.level, 'medium', 'unfiltered: the engine level as is');
  assert.equal(S.riskOf([{ severity: 'high' }], { level: 'low', score: 0.3 }).level, 'high', 'never below the worst finding');
});

test('platform: storage.managed throwing (Firefox without policy) reads as no policy', async () => {
  const p = createPlatform({ runtime: {}, storage: { managed: { get: async () => { throw new Error('Managed storage manifest not found'); } },
    local: { get: async () => ({ settings: { threshold: 'high' } }), set: async () => {} } } });
  assert.deepEqual(await p.managedGet(), {});
  assert.deepEqual(await p.localGet(['settings']), { settings: { threshold: 'high' } });
  const none = createPlatform({ runtime: {} });
  assert.deepEqual(await none.managedGet(), {});
  assert.equal(await none.localSet({ a: 1 }), false);
});

test('platform: onMessage replies with promises in Chrome style (sendResponse + return true)', async () => {
  let listener;
  const p = createPlatform({ runtime: { onMessage: { addListener: (fn) => { listener = fn; } } } });
  p.onMessage(async (msg) => ({ echo: msg.x }));
  const got = await new Promise((resolve) => { assert.equal(listener({ x: 5 }, {}, resolve), true); });
  assert.deepEqual(got, { echo: 5 });
  p.onMessage(() => undefined);
});
