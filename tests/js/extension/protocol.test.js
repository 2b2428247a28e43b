'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const P = require('../../../extension/common/protocol.js');

test('check: integers and text size are enforced; only known fields are copied', () => {
  const ok = P.validateContentMessage({ type: 'check', id: 1, composer: 2, version: 3, text: 'hi', extra: 'x', __proto__: { evil: 1 } });
  assert.deepEqual(ok, { ok: true, msg: { type: 'check', id: 1, composer: 2, version: 3, text: 'hi' } });
  for (const bad of [
    { type: 'check', id: 1, composer: 2, version: 3.5, text: 'x' },
    { type: 'check', id: '1', composer: 2, version: 3, text: 'x' },
    { type: 'check', id: 1, composer: 2, version: -1, text: 'x' },
    { type: 'check', id: 1, composer: 2, version: 3, text: 42 },
    { type: 'check', id: 1, composer: 2, version: 3, text: 'x'.repeat(P.LIMITS.maxText + 1) },
    { type: 'check', id: 1, composer: 2, version: 2 ** 40, text: 'x' },
  ]) assert.equal(P.validateContentMessage(bad).ok, false, JSON.stringify(bad).slice(0, 80));
  assert.equal(P.validateContentMessage({ type: 'check', id: 1, composer: 1, version: 1, text: 'x'.repeat(P.LIMITS.maxText) }).ok, true, 'exactly 1 MB is fine');
});

test('redact: spans must lie inside the text and be well-formed', () => {
  const base = { type: 'redact', id: 1, composer: 1, version: 1, text: 'SSN 219-09-9999' };
  assert.equal(P.validateContentMessage({ ...base, spans: [{ start: 4, end: 15, rule: 'us-ssn' }] }).ok, true);
  assert.equal(P.validateContentMessage({ ...base, spans: [{ start: 4, end: 16 }] }).ok, false);
  assert.equal(P.validateContentMessage({ ...base, spans: [{ start: 5, end: 4 }] }).ok, false);
  assert.equal(P.validateContentMessage({ ...base, spans: 'all' }).ok, false);
  assert.equal(P.validateContentMessage({ ...base, spans: Array(P.LIMITS.maxSpans + 1).fill({ start: 0, end: 1 }) }).ok, false);
});

test('other messages: allow, stats, hello, unknown, junk', () => {
  assert.deepEqual(P.validateContentMessage({ type: 'allow', term: '  Dr. House ' }).msg, { type: 'allow', term: 'Dr. House' });
  assert.equal(P.validateContentMessage({ type: 'allow', term: '' }).ok, false);
  assert.equal(P.validateContentMessage({ type: 'allow', term: 'x'.repeat(201) }).ok, false);
  assert.equal(P.validateContentMessage({ type: 'stats', composers: 1, count: 3, high: 1, level: 'evil' }).msg.level, 'none');
  assert.equal(P.validateContentMessage({ type: 'hello', admin: true }).msg.admin, undefined);
  assert.deepEqual(P.validateContentMessage({ type: 'ping', extra: 1 }).msg, { type: 'ping' });
  for (const junk of [null, 'check', [], { type: 'set-settings' }, { type: 'import-pack' }, { type: 7 }]) {
    assert.equal(P.validateContentMessage(junk).ok, false);
  }
});

test('senderTrust: decided from the sender only', () => {
  const id = 'abc', origin = 'chrome-extension://abc';
  assert.equal(P.senderTrust({ id, url: `${origin}/options/options.html` }, id, origin), 'extension');
  assert.equal(P.senderTrust({ id, url: `${origin}/options/options.html`, tab: { id: 3 } }, id, origin), 'extension');
  assert.equal(P.senderTrust({ id, url: 'https://www.facebook.com/', tab: { id: 3 } }, id, origin), 'content');
  assert.equal(P.senderTrust({ id: 'other', url: `${origin}/popup/popup.html` }, id, origin), 'none');
  assert.equal(P.senderTrust({ id, url: 'https://evil.example/' }, id, origin), 'none');
  assert.equal(P.senderTrust({ id, url: `${origin}.evil.example/x`, tab: { id: 1 } }, id, origin), 'content', 'a look-alike origin is not the extension');
  assert.equal(P.senderTrust(null, id, origin), 'none');
});

test('validateResult drops malformed replies', () => {
  assert.equal(P.validateResult({ type: 'result', composer: 1, version: 2, findings: [{ start: 1, end: 3 }] }), true);
  assert.equal(P.validateResult({ type: 'result', composer: 1, version: 2, findings: [{ start: 3, end: 1 }] }), false);
  assert.equal(P.validateResult({ type: 'result', composer: 1, version: '2', findings: [] }), false);
  assert.equal(P.validateResult({ type: 'edits', composer: 1, version: 2, edits: [] }), true);
});

test('card titles name the HIPAA letter or the professional category', () => {
  assert.equal(P.findingTitle({ message: 'Date tied to a patient', category: 'date' }), 'Date tied to a patient — HIPAA Safe Harbor (C)');
  assert.equal(P.findingTitle({ message: 'Social Security number', category: 'ssn' }), 'Social Security number — HIPAA Safe Harbor (G)');
  assert.equal(P.categoryLabel('disparagement'), 'Unprofessional: disparagement');
  assert.equal(P.findingTitle({ description: 'Something', category: 'new_cat' }), 'Something — new_cat');
});
