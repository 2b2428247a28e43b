// Page-side probe (injected by latency.mjs into the fixture page, main world). Measures, for one keystroke,
// the time from the composer's `beforeinput` event to the moment the highlight registry is correct for the new text.
//
// How "correct for the new text" is seen without any help from the extension: the caret sits just before a
// finding (`target`) in the same text node, so every typed character shifts the finding. A StaticRange does not
// follow DOM edits, so until the extension re-draws, the highlighted range covers the wrong characters; the
// moment some postscrub-* highlight has a connected range whose text is exactly `target` again, the registry
// reflects the new text. Polling runs on a MessageChannel (no timer clamping), in the page's main thread, so it
// competes with the content script only between tasks.
(() => {
  const NAMES = ['postscrub-high', 'postscrub-medium', 'postscrub-low', 'postscrub-info'];
  function covered(target) {
    for (const name of NAMES) {
      const h = CSS.highlights.get(name);
      if (!h) continue;
      for (const r of h) {
        if (!r.startContainer.isConnected || !r.endContainer.isConnected) continue;
        if (r.startContainer === r.endContainer && r.startContainer.nodeType === 3) {
          if (r.startContainer.data.slice(r.startOffset, r.endOffset) === target) return true;
        } else {
          const g = document.createRange();
          try { g.setStart(r.startContainer, r.startOffset); g.setEnd(r.endContainer, r.endOffset); } catch { continue; }
          if (g.toString() === target) return true;
        }
      }
    }
    return false;
  }
  // Steps reported by an instrumented extension (latency.mjs --trace): [name, version, absolute ms].
  const traceEvents = [];
  document.addEventListener('postscrub-trace', (e) => { try { traceEvents.push(JSON.parse(e.detail)); } catch { /* not ours */ } });
  let last = null;
  const abs = (t) => performance.timeOrigin + t;
  const ch = new MessageChannel();
  let pending = null;
  ch.port1.onmessage = () => {
    if (!pending) return;
    const now = performance.now();
    if (pending.armed && covered(pending.target)) {
      const p = pending; pending = null;
      last = { t0: abs(p.t0), end: abs(now) };
      p.resolve(now - p.t0);
      return;
    }
    if (now - pending.start > pending.timeout) { const p = pending; pending = null; p.resolve(null); return; }
    ch.port2.postMessage(0);
  };
  window.__bench = {
    covered,
    /** The last measured keystroke {t0, end} (absolute ms) with the trace events around it, then forgets them. */
    lastRun() { const r = last && { ...last, events: traceEvents.filter((e) => e[2] >= last.t0 - 50) }; traceEvents.length = 0; return r; },
    /** Resolves with ms from the next `beforeinput` event on `selector` to a correct highlight of `target` (null: timeout). */
    arm(selector, target, timeout = 2000) {
      const el = document.querySelector(selector);
      return new Promise((resolve) => {
        pending = { target, timeout, resolve, start: performance.now(), armed: false, t0: 0 };
        // beforeinput, not input: Lexical cancels beforeinput for many edits (then no input event fires) and
        // applies them itself; beforeinput always fires, before the editor has touched the DOM.
        el.addEventListener('beforeinput', () => {
          if (!pending) return;
          pending.t0 = performance.now();
          pending.armed = true;
          pending.start = pending.t0;
          ch.port2.postMessage(0);
        }, { capture: true, once: true });
        // A keystroke that never reaches the editor (no beforeinput) ends in a timeout (null), not a hang.
        const mine = pending;
        setTimeout(() => { if (pending === mine && !mine.armed) { pending = null; resolve(null); } }, timeout);
      });
    },
  };
})();
