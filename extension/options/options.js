// Postscrub options page: packs, threshold, pre-post check, sites, personal allowlist, team pack import.
(function () {
  'use strict';
  const P = PS.platform;
  const $ = (id) => document.getElementById(id);
  let st = null;

  const el = (tag, props = {}, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) { if (k === 'text') e.textContent = v; else if (k in e) e[k] = v; else e.setAttribute(k, v); }
    e.append(...kids);
    return e;
  };
  const locked = (k) => st && st.effective.locked.includes(k);

  function render(s) {
    if (!s || !s.ok) { $('errors').textContent = (s && s.error) || 'The extension is not responding.'; return; }
    st = s;
    const e = s.effective;
    $('policy-note').hidden = !(e.locked.length || s.policy.packs || s.policy.packUrls.length || e.policyAllowlist.length);
    const errs = [...(s.engineError ? [`Checker: ${s.engineError}`] : []), ...s.errors.map((x) => `${x.label}: ${x.error}`)];
    $('errors').textContent = errs.join('\n');

    $('packs-in-use').replaceChildren(...s.packs.filter((p) => p.id !== 'personal-allowlist').map((p) =>
      el('li', {}, el('span', { text: `${p.name} ${p.version}` }), el('span', { className: 'muted', text: p.publisher || '' }))));

    $('default-packs').replaceChildren(...s.defaultPacks.map((p) => {
      const id = `dp-${p.id}`;
      const cb = el('input', { type: 'checkbox', id, checked: p.enabled, disabled: locked('packs') });
      cb.addEventListener('change', () => {
        const off = new Set(s.settings.disabledPacks);
        if (cb.checked) off.delete(p.id); else off.add(p.id);
        save({ disabledPacks: [...off] });
      });
      return el('li', {}, cb, el('label', { htmlFor: id, text: `${p.id} (${p.file})` }));
    }));

    $('team-packs').replaceChildren(...(s.teamPacks.length ? s.teamPacks.map((p) => {
      const rm = el('button', { type: 'button', text: 'Remove', disabled: locked('teamPacks') });
      rm.setAttribute('aria-label', `Remove pack ${p.name}`);
      rm.addEventListener('click', async () => render(await P.send({ type: 'remove-pack', id: p.id })));
      const info = el('span', {}, `${p.name} ${p.version} — ${p.source === 'url' ? p.url : 'imported file'}`);
      if (p.error) info.append(el('span', { className: 'pack-error', text: p.error }));
      return el('li', {}, info, rm);
    }) : [el('li', {}, el('span', { className: 'muted', text: 'None imported.' }))]));
    for (const id of ['pack-file', 'pack-url']) $(id).disabled = locked('teamPacks');

    $('threshold').value = e.threshold;
    $('threshold').disabled = locked('threshold');
    $('prepost').checked = e.prepost;
    $('prepost').disabled = locked('prepost');

    const hosts = [...new Set([...s.builtinSites, ...Object.keys(e.sites)])];
    $('sites').replaceChildren(...hosts.map((h) => {
      const builtin = s.builtinSites.includes(h);
      const on = typeof e.sites[h] === 'boolean' ? e.sites[h] : builtin;
      const id = `site-${h}`;
      const cb = el('input', { type: 'checkbox', id, checked: on, disabled: locked('sites') || e.lockedSites.includes(h) });
      cb.setAttribute('role', 'switch');
      cb.addEventListener('change', async () => {
        if (cb.checked && !builtin && !(await P.permissions.request([`https://${h}/*`]))) { cb.checked = false; return; }
        const r = await P.send({ type: 'set-site', host: h, enabled: cb.checked });
        if (!r.ok) $('errors').textContent = r.error;
        load();
      });
      return el('li', {}, cb, el('label', { htmlFor: id, text: h + (e.lockedSites.includes(h) ? ' (set by your organisation)' : '') }));
    }));

    const terms = [...e.allowlist.map((t) => ({ t, mine: true })), ...e.policyAllowlist.map((t) => ({ t, mine: false }))];
    $('allowlist').replaceChildren(...(terms.length ? terms.map(({ t, mine }) => {
      const li = el('li', {}, el('span', { text: t + (mine ? '' : ' (organisation)') }));
      if (mine) {
        const rm = el('button', { type: 'button', text: 'Remove' });
        rm.setAttribute('aria-label', `Remove ${t} from the allowlist`);
        rm.addEventListener('click', async () => render(await P.send({ type: 'remove-allow', term: t })));
        li.append(rm);
      }
      return li;
    }) : [el('li', {}, el('span', { className: 'muted', text: 'No terms yet. "Always allow this term" on a card adds one.' }))]));
  }

  async function save(settings) { render(await P.send({ type: 'set-settings', settings })); }
  async function load() { render(await P.send({ type: 'get-state' })); }

  function packResult(r) {
    if (r && r.ok) { $('pack-status').className = 'ok'; $('pack-status').textContent = `Imported pack "${r.imported}".`; render(r); }
    else { $('pack-status').className = 'error'; $('pack-status').textContent = `Not imported: ${(r && r.error) || 'no answer'}`; }
  }

  $('threshold').addEventListener('change', (e) => save({ threshold: e.target.value }));
  $('prepost').addEventListener('change', (e) => save({ prepost: e.target.checked }));
  $('allow-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const t = $('allow-term').value.trim();
    if (!t || !st) return;
    save({ allowlist: [...st.settings.allowlist, t] });
    $('allow-term').value = '';
  });
  $('pack-file').addEventListener('change', async (e) => {
    const f = e.target.files && e.target.files[0];
    if (!f) return;
    if (f.size > 2 * 1024 * 1024) { packResult({ ok: false, error: `${f.name}: larger than 2 MB` }); return; }
    $('pack-status').textContent = 'Checking the pack…';
    packResult(await P.send({ type: 'import-pack', source: 'file', name: f.name, text: await f.text() }));
    e.target.value = '';
  });
  $('pack-url-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const url = $('pack-url').value.trim();
    let origin = '';
    try { origin = new URL(url).origin; } catch { packResult({ ok: false, error: 'not a URL' }); return; }
    if (!url.startsWith('https://')) { packResult({ ok: false, error: 'a pack URL must start with https://' }); return; }
    // Access to that one origin, asked from the click (the pack server may not send CORS headers).
    await P.permissions.request([`${origin}/*`]);
    $('pack-status').textContent = 'Fetching and checking the pack…';
    packResult(await P.send({ type: 'import-pack', source: 'url', url }));
  });
  $('refresh-packs').addEventListener('click', async () => { $('pack-status').textContent = 'Refreshing…'; render(await P.send({ type: 'refresh-packs' })); $('pack-status').textContent = 'Refreshed.'; });
  load();
})();
