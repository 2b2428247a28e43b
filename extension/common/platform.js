/*
 * Postscrub platform layer: the only file that touches chrome.* / browser.* directly (like uBlock's vAPI).
 *
 * Everything else asks `PS.platform` for storage, messaging, permissions and content-script registration, so the
 * logic runs in Node tests with a fake API:  PS.createPlatform(fakeApi).
 *
 * All functions return promises. Errors are turned into values where the browser differs (Firefox throws from
 * storage.managed.get when no policy is installed; that reads as "no policy").
 */
(function (root) {
  'use strict';
  const PS = root.PS = root.PS || {};
  if (PS.createPlatform) return;   // safe to load twice

  function createPlatform(api) {
    const has = (path) => {
      let o = api;
      for (const k of path.split('.')) { if (!o || !(k in o)) return false; o = o[k]; }
      return true;
    };
    const p = {
      api,
      available: !!(api && api.runtime),
      isFirefox: !!(root.browser && root.browser.runtime && typeof root.browser.runtime.getBrowserInfo === 'function'),

      // ---- storage ---------------------------------------------------------------------------------------
      async localGet(keys) {
        if (!has('storage.local')) return {};
        try { return (await api.storage.local.get(keys)) || {}; } catch { return {}; }
      },
      async localSet(items) {
        if (!has('storage.local')) return false;
        try { await api.storage.local.set(items); return true; } catch { return false; }
      },
      /** Admin policy (chrome.storage.managed). {} when none, never throws. */
      async managedGet() {
        if (!has('storage.managed')) return {};
        try { return (await api.storage.managed.get(null)) || {}; } catch { return {}; }
      },
      onStorageChanged(fn) {
        if (has('storage.onChanged')) api.storage.onChanged.addListener((changes, area) => fn(changes, area));
      },

      // ---- runtime -----------------------------------------------------------------------------------------
      getURL(path) { return api.runtime.getURL(path); },
      extensionOrigin() { return api.runtime.getURL('').replace(/\/$/, ''); },
      connect(name) { return api.runtime.connect({ name }); },
      onConnect(fn) { api.runtime.onConnect.addListener(fn); },
      /** One-shot message to the background; resolves to its reply (or {ok:false,error} if none). */
      async send(msg) {
        try { return await api.runtime.sendMessage(msg); } catch (e) { return { ok: false, error: String(e && e.message || e) }; }
      },
      /** fn(msg, sender) may return a value or a promise; the reply is sent in both Chrome and Firefox. */
      onMessage(fn) {
        api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
          let r;
          try { r = fn(msg, sender); } catch (e) { r = { ok: false, error: String(e && e.message || e) }; }
          if (r === undefined) return false;
          Promise.resolve(r).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e && e.message || e) }));
          return true;
        });
      },
      openOptionsPage() { return api.runtime.openOptionsPage(); },

      // ---- tabs (only what works without the "tabs" permission) ----------------------------------------------
      async activeTab() {
        if (!has('tabs.query')) return null;
        try { const [t] = await api.tabs.query({ active: true, currentWindow: true }); return t || null; } catch { return null; }
      },

      // ---- permissions ---------------------------------------------------------------------------------------
      permissions: {
        async contains(origins) {
          try { return await api.permissions.contains({ origins }); } catch { return false; }
        },
        /** Must be called straight from a user gesture (popup/options click handler). */
        async request(origins) {
          try { return await api.permissions.request({ origins }); } catch { return false; }
        },
        async remove(origins) {
          try { return await api.permissions.remove({ origins }); } catch { return false; }
        },
        async all() {
          try { return (await api.permissions.getAll()).origins || []; } catch { return []; }
        },
      },

      // ---- content scripts -------------------------------------------------------------------------------------
      scripting: {
        async registered() {
          try { return await api.scripting.getRegisteredContentScripts(); } catch { return []; }
        },
        async register(scripts) {
          try { await api.scripting.registerContentScripts(scripts); return { ok: true }; } catch (e) { return { ok: false, error: String(e && e.message || e) }; }
        },
        async unregister(ids) {
          try { await api.scripting.unregisterContentScripts({ ids }); return { ok: true }; } catch (e) { return { ok: false, error: String(e && e.message || e) }; }
        },
        async inject(tabId, files, css) {
          try {
            if (css && css.length) await api.scripting.insertCSS({ target: { tabId }, files: css });
            await api.scripting.executeScript({ target: { tabId }, files });
            return { ok: true };
          } catch (e) { return { ok: false, error: String(e && e.message || e) }; }
        },
      },

      // ---- alarms ---------------------------------------------------------------------------------------------
      alarms: {
        create(name, info) { try { api.alarms.create(name, info); } catch { /* no alarms API */ } },
        onAlarm(fn) { if (has('alarms.onAlarm')) api.alarms.onAlarm.addListener(fn); },
      },

      // ---- action badge (toolbar icon) --------------------------------------------------------------------------
      setActionBadge(tabId, text, color) {
        try {
          const action = api.action || api.browserAction;
          if (!action) return;
          action.setBadgeText({ tabId, text });
          if (color) action.setBadgeBackgroundColor({ tabId, color });
        } catch { /* tab gone */ }
      },
    };
    return p;
  }

  PS.createPlatform = createPlatform;
  const api = (root.browser && root.browser.runtime) ? root.browser : ((root.chrome && root.chrome.runtime) ? root.chrome : null);
  PS.platform = createPlatform(api);
  if (typeof module === 'object' && module.exports) module.exports = { createPlatform };
})(typeof globalThis !== 'undefined' ? globalThis : self);
