'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { CheckScheduler, channel } = require('../../../extension/content/messaging.js');

/** Manual clock: setTimeout/clearTimeout/performance.now driven by tick(ms). */
function clock() {
  let now = 0, seq = 0;
  const timers = new Map();
  return {
    performance: { now: () => now },
    setTimeout(fn, ms) { const id = ++seq; timers.set(id, { at: now + ms, fn }); return id; },
    clearTimeout(id) { timers.delete(id); },
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]); now = due[1].at; due[1].fn();
      }
      now = end;
    },
  };
}

function setup() {
  const c = clock();
  let text = '';
  const sent = [];
  const s = new CheckScheduler({ extract: () => text, send: (t, v) => sent.push({ t, v }), delay: 120, timers: c });
  return { c, s, sent, type: (t) => { text = t; s.notify(); } };
}

test('first change is checked at once; typing after that is debounced to one check', () => {
  const { c, s, sent, type } = setup();
  type('S');
  c.tick(0);
  assert.deepEqual(sent, [{ t: 'S', v: 1 }], 'leading edge: immediate');
  for (const t of ['SS', 'SSN', 'SSN ', 'SSN 2']) { type(t); c.tick(50); }
  assert.equal(sent.length, 1, 'no check while typing fast');
  c.tick(120);
  assert.deepEqual(sent[1], { t: 'SSN 2', v: 2 }, 'one check of the whole post after a pause');
  c.tick(1000);
  type('SSN 21');
  c.tick(0);
  assert.equal(sent.length, 3, 'idle again: immediate');
  assert.equal(s.version, 3);
});

test('unchanged text is not re-sent; run(true) forces it', () => {
  const { c, s, sent, type } = setup();
  type('abc'); c.tick(200);
  type('abc'); c.tick(200);
  assert.equal(sent.length, 1);
  s.run(true);
  assert.equal(sent.length, 2);
});

test('stale results are dropped: only the newest version is accepted', () => {
  const { c, s, type } = setup();
  type('a'); c.tick(0);
  type('ab'); c.tick(200);
  assert.equal(s.version, 2);
  assert.equal(s.accept({ version: 1, findings: ['old'] }), false);
  assert.equal(s.result, null);
  assert.equal(s.accept({ version: 2, findings: [] }), true);
  assert.equal(s.fresh(), true);
  type('abc');
  assert.equal(s.fresh(), false, 'the text changed since the result');
});

test('channel reconnects once after the worker went away, and reports a dead context', () => {
  let connects = 0, broken = false;
  const port = () => {
    const l = { msg: [], dis: [] };
    return { onMessage: { addListener: (f) => l.msg.push(f) }, onDisconnect: { addListener: (f) => l.dis.push(f) },
      postMessage: () => { if (broken) throw new Error('disconnected'); }, disconnect() {}, l };
  };
  const ch = channel(() => { connects++; if (connects > 3) throw new Error('Extension context invalidated'); return port(); }, () => {});
  assert.equal(ch.post({ type: 'hello' }), true);
  assert.equal(connects, 1);
  broken = true;
  assert.equal(ch.post({ type: 'hello' }), false, 'both attempts failed');
  broken = false;
  assert.equal(ch.post({ type: 'hello' }), true);
  assert.equal(ch.post({ type: 'hello' }), true);
  assert.ok(connects <= 4);
});

test('several notifications for one keystroke (input + mutation) keep the immediate check', () => {
  const { c, sent, type, s } = setup();
  type('x'); s.notify(); s.notify();
  c.tick(0);
  assert.deepEqual(sent, [{ t: 'x', v: 1 }]);
});
