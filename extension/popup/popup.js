// Postscrub popup: status on this tab, counts, on/off for this site.
(function () {
  'use strict';
  const P = PS.platform;
  const $ = (id) => document.getElementById(id);
  let tab = null, host = '', status = null;

  async function refresh() {
    tab = await P.activeTab();
    try { host = tab && tab.url ? new URL(tab.url).hostname : ''; } catch { host = ''; }
    const isWeb = tab && tab.url && /^https:/.test(tab.url);
    $('site').textContent = host || 'This page';
    if (!isWeb) {
      $('status').textContent = 'Postscrub works on https web pages only.';
      $('site-toggle').disabled = true;
      return;
    }
    status = await P.send({ type: 'tab-status', host, tabId: tab.id });
    if (!status || !status.ok) { $('error').textContent = (status && status.error) || 'The extension is not responding.'; return; }
    if (status.engineError) $('error').textContent = `Checker problem: ${status.engineError}`;
    const t = $('site-toggle');
    t.checked = !!status.enabled;
    t.disabled = !!status.locked;
    $('site-toggle-label').textContent = status.locked ? 'Set by your organisation' : (status.enabled ? 'On for this site' : 'Off for this site');
    if (!status.enabled) {
      $('status').textContent = status.builtin || status.granted ? 'Postscrub is off on this site.' : 'Postscrub is not enabled on this site.';
      $('counts').hidden = true;
      return;
    }
    const s = status.stats;
    if (!s || !s.composers) { $('status').textContent = 'On. No post box in use on this page yet.'; $('counts').hidden = true; return; }
    $('status').textContent = s.count ? `${s.count} item${s.count === 1 ? '' : 's'} to review in ${s.composers === 1 ? 'the post box' : `${s.composers} post boxes`}.` : 'On. Nothing risky found.';
    $('counts').hidden = false;
    $('count').textContent = String(s.count);
    $('high').textContent = String(s.high);
    $('level').textContent = s.level;
    $('level').className = `level-${s.level}`;
  }

  $('site-toggle').addEventListener('change', async (e) => {
    const on = e.target.checked;
    $('error').textContent = '';
    if (on && status && !status.builtin && !status.granted) {
      // Must run straight from the user's click: ask for this one site only.
      const granted = await P.permissions.request([`https://${host}/*`]);
      if (!granted) { e.target.checked = false; $('error').textContent = 'Access to this site was not granted.'; return; }
    }
    const r = await P.send({ type: 'set-site', host, enabled: on, tabId: tab && tab.id });
    if (!r || !r.ok) $('error').textContent = (r && r.error) || 'Could not change the setting.';
    setTimeout(refresh, 300);
  });
  $('options').addEventListener('click', () => { P.openOptionsPage(); window.close(); });
  refresh();
})();
