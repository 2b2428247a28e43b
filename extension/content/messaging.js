/*
 * Postscrub content-script messaging: one port to the background, reconnected on demand (the service worker may
 * be stopped at any time), and the per-composer check scheduler.
 *
 *   const ch = PS.messaging.channel(connect, onMessage)   // connect() -> Port; onMessage(msg)
 *   ch.post(msg)
 *
 *   const s = new PS.messaging.CheckScheduler({extract, send, timeout: 1500})
 *   s.notify()               // the composer changed: check now if no check is in flight, else once its result is in
 *   s.accept(result)         // true if result.version is the newest version sent (else stale: drop it)
 *   s.version, s.text        // the newest text sent and its version
 *   s.result, s.resultText   // the newest accepted result and the text it is for (draw only on that text)
 *   s.flush()                // check at once (before a redaction or a pre-post decision)
 * Adaptive: there is no fixed debounce. A change while idle is checked in the same task (after the microtasks
 * of the edit, so one keystroke is one check); changes while a check is in flight are coalesced into one check
 * of the newest text, sent when that result arrives. So checks never queue up in the background, and a typist
 * is never kept waiting by a timer. A result that never comes (the worker was stopped) frees the slot after
 * `timeout` ms.
 * Timers are injectable so Node tests drive them.
 */
(function (root) {
  'use strict';
  const PS = root.PS = root.PS || {};
  if (PS.messaging) return;

  function channel(connect, onMessage, onDisconnect) {
    let port = null;
    const open = () => {
      try {
        port = connect();
      } catch (e) {
        port = null;           // extension reloaded or removed: the context is gone
        return null;
      }
      port.onMessage.addListener((m) => onMessage(m));
      port.onDisconnect.addListener(() => { port = null; if (onDisconnect) onDisconnect(); });
      return port;
    };
    return {
      post(msg) {
        for (let attempt = 0; attempt < 2; attempt++) {
          const p = port || open();
          if (!p) return false;
          try { p.postMessage(msg); return true; } catch { port = null; }
        }
        return false;
      },
      close() { if (port) { try { port.disconnect(); } catch { /* gone */ } port = null; } },
      get connected() { return !!port; },
    };
  }

  class CheckScheduler {
    constructor({ extract, send, timeout = 1500, timers = root }) {
      this.extract = extract;          // () => current text
      this.send = send;                // (text, version) => void
      this.timeout = timeout;
      this.timers = timers;
      this.version = 0;                // newest version sent
      this.text = null;                // text of that version
      this.result = null;              // newest accepted result
      this.resultText = null;          // the text that result was computed for
      this.inflight = 0;               // version whose result is awaited (0: none)
      this.dirty = false;              // changed while a check was in flight
      this.queued = false;             // a microtask will run the check
      this.timer = null;               // frees the in-flight slot if no result comes
    }
    notify() {
      if (this.inflight) { this.dirty = true; return; }
      if (this.queued) return;
      this.queued = true;
      const go = () => { if (this.queued) { this.queued = false; this.run(); } };
      if (typeof this.timers.queueMicrotask === 'function') this.timers.queueMicrotask(go); else Promise.resolve().then(go);
    }
    /** Extracts the text and sends it if it changed. Returns true if a check was sent. */
    run(force = false) {
      this.queued = false;
      this.dirty = false;
      const text = this.extract();
      if (text === null || text === undefined) return false;
      if (!force && text === this.text) return false;
      this.version += 1;
      this.text = text;
      this.inflight = this.version;
      if (this.timer !== null) this.timers.clearTimeout(this.timer);
      this.timer = this.timers.setTimeout(() => { this.timer = null; this.settle(); }, this.timeout);
      this.send(text, this.version);
      return true;
    }
    flush() { return this.run(); }
    /** The awaited result came (or will not): check what changed meanwhile. */
    settle() {
      this.inflight = 0;
      if (this.timer !== null) { this.timers.clearTimeout(this.timer); this.timer = null; }
      if (this.dirty) this.run();
    }
    /** Is the composer's current text the one the newest result is for? */
    fresh() { return this.result !== null && this.result.version === this.version && this.extract() === this.text; }
    accept(result) {
      if (!result || !Number.isInteger(result.version)) return false;
      const newest = result.version === this.version;
      if (newest) { this.result = result; this.resultText = this.text; }
      if (this.inflight && result.version >= this.inflight) this.settle();   // may send the newer text at once
      return newest;
    }
    cancel() {
      this.queued = false;
      this.dirty = false;
      this.inflight = 0;
      if (this.timer !== null) { this.timers.clearTimeout(this.timer); this.timer = null; }
    }
  }

  PS.messaging = { channel, CheckScheduler };
  if (typeof module === 'object' && module.exports) module.exports = PS.messaging;
})(typeof globalThis !== 'undefined' ? globalThis : self);
