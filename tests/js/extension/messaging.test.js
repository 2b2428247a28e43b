'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { CheckScheduler, channel } = require('../../../extension/content/messaging.js');

/** Manual clock: setTimeout/clearTimeout/performance.now driven by tick(ms). */
function clock() {
  let now = 0, seq = 0;
  const timers = new Map();
  const micro = [];
  return {
    performance: { now: () => now },
    setTimeout(fn, ms) { const id = ++seq; timers.set(id, { at: now + ms, fn }); return id; },
    clearTimeout(id) { timers.delete(id); },
    queueMicrotask(fn) { micro.push(fn); },
    /** Runs the queued microtasks (the end of the current task). */
    drain() { while (micro.length) micro.shift()(); },
    tick(ms) {
      this.drain();
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]); now = due[1].at; due[1].fn(); this.drain();
      }
      now = end;
    },
  };
}

function setup() {
  const c = clock();
  let text = '';
  const sent = [];
  const s = new CheckScheduler({ extract: () => text, send: (t, v) => sent.push({ t, v }), timeout: 1500, timers: c });
  return { c, s, sent, type: (t) => { text = t; s.notify(); }, reply: (v) => s.accept({ version: v, findings: [] }) };
}

test('a change while idle is checked in the same task, without a timer', () => {
  const { c, sent, type } = setup();
  type('S');
  assert.deepEqual(sent, [], 'not synchronously inside the mutation callback (the edit may not be complete)');
  c.drain();
  assert.deepEqual(sent, [{ t: 'S', v: 1 }], 'at the end of the task: no debounce timer');
});

test('changes while a check is in flight are coalesced into one check of the newest text, sent on the result', () => {
  const { c, s, sent, type, reply } = setup();
  type('S'); c.drain();
  for (const t of ['SS', 'SSN', 'SSN ', 'SSN 2']) { type(t); c.tick(5); }
  assert.equal(sent.length, 1, 'nothing more is sent while the first check is in flight');
  assert.equal(reply(1), true, 'the result for the newest version sent is accepted');
  assert.deepEqual(sent[1], { t: 'SSN 2', v: 2 }, 'the newest text is sent as soon as the result is in');
  assert.equal(s.resultText, 'S', 'the accepted result keeps the text it was computed for');
  reply(2);
  assert.equal(sent.length, 2, 'idle again: nothing pending');
  type('SSN 21'); c.drain();
  assert.equal(sent.length, 3, 'idle: immediate');
  assert.equal(s.version, 3);
});

test('a lost result frees the slot after the timeout', () => {
  const { c, sent, type } = setup();
  type('a'); c.drain();
  type('ab'); c.drain();
  assert.equal(sent.length, 1);
  c.tick(1499);
  assert.equal(sent.length, 1);
  c.tick(1);
  assert.deepEqual(sent[1], { t: 'ab', v: 2 }, 'the newest text is checked once the old check is given up');
});

test('unchanged text is not re-sent; run(true) forces it', () => {
  const { c, s, sent, type, reply } = setup();
  type('abc'); c.drain(); reply(1);
  type('abc'); c.drain();
  assert.equal(sent.length, 1);
  s.run(true);
  assert.equal(sent.length, 2);
});

test('stale results are dropped: only the newest version is accepted', () => {
  const { c, s, type } = setup();
  type('a'); c.drain();
  s.run();
  type('ab'); s.run();
  assert.equal(s.version, 2);
  assert.equal(s.accept({ version: 1, findings: ['old'] }), false);
  assert.equal(s.result, null);
  assert.equal(s.accept({ version: 2, findings: [] }), true);
  assert.equal(s.resultText, 'ab');
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

test('several notifications for one keystroke (input + mutation) make one check', () => {
  const { c, sent, type, s } = setup();
  type('x'); s.notify(); s.notify();
  c.drain();
  assert.deepEqual(sent, [{ t: 'x', v: 1 }]);
});
