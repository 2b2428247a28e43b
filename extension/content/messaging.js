/*
 * Postscrub content-script messaging: one port to the background, reconnected on demand (the service worker may
 * be stopped at any time), and the per-composer check scheduler.
 *
 *   const ch = PS.messaging.channel(connect, onMessage)   // connect() -> Port; onMessage(msg)
 *   ch.post(msg)
 *
 *   const s = new PS.messaging.CheckScheduler({extract, send, delay: 120})
 *   s.notify()               // the composer changed: check now if idle (leading edge), else after `delay` ms quiet
 *   s.accept(result)         // true if result.version is the newest version sent (else stale: drop it)
 *   s.version, s.text        // the newest text sent and its version
 *   s.flush()                // check at once (before a redaction or a pre-post decision)
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
    constructor({ extract, send, delay = 120, timers = root }) {
      this.extract = extract;          // () => current text
      this.send = send;                // (text, version) => void
      this.delay = delay;
      this.timers = timers;
      this.version = 0;                // newest version sent
      this.text = null;                // text of that version
      this.result = null;              // newest accepted result (its version === this.version)
      this.timer = null;
      this.lastSentAt = -Infinity;
      this.lastNotifyAt = -Infinity;
    }
    now() { return typeof this.timers.performance === 'object' ? this.timers.performance.now() : Date.now(); }
    notify() {
      if (this.timer !== null && this.leading) return;     // a check runs at once anyway and reads the newest text
      const now = this.now();
      const idle = this.timer === null && now - this.lastNotifyAt >= this.delay && now - this.lastSentAt >= this.delay;
      this.lastNotifyAt = now;
      if (this.timer !== null) this.timers.clearTimeout(this.timer);
      this.leading = idle;
      this.timer = this.timers.setTimeout(() => { this.timer = null; this.run(); }, idle ? 0 : this.delay);
    }
    /** Extracts the text and sends it if it changed. Returns true if a check was sent. */
    run(force = false) {
      if (this.timer !== null) { this.timers.clearTimeout(this.timer); this.timer = null; }
      const text = this.extract();
      if (text === null || text === undefined) return false;
      if (!force && text === this.text) return false;
      this.version += 1;
      this.text = text;
      this.lastSentAt = this.now();
      this.send(text, this.version);
      return true;
    }
    flush() { return this.run(); }
    /** Is the composer's current text the one the newest result is for? */
    fresh() { return this.result !== null && this.result.version === this.version && this.extract() === this.text; }
    accept(result) {
      if (!result || result.version !== this.version) return false;
      this.result = result;
      return true;
    }
    cancel() { if (this.timer !== null) { this.timers.clearTimeout(this.timer); this.timer = null; } }
  }

  PS.messaging = { channel, CheckScheduler };
  if (typeof module === 'object' && module.exports) module.exports = PS.messaging;
})(typeof globalThis !== 'undefined' ? globalThis : self);
