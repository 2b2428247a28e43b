'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { png, zipWithNode, crc32, WORKER, WORKER_PARTS } = require('../../../scripts/build-extension');

const ROOT = path.resolve(__dirname, '../../..');

test('the source manifest: MV3, minimal permissions, WASM CSP, content scripts in order', () => {
  const m = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/manifest.json'), 'utf8'));
  assert.equal(m.manifest_version, 3);
  assert.deepEqual(m.permissions.sort(), ['activeTab', 'alarms', 'scripting', 'storage']);
  assert.ok(m.host_permissions.every((h) => /^https:\/\/([a-z]+\.)?(facebook|x|twitter|linkedin)\.com\/\*$/.test(h)), 'only the four sites');
  assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  const js = m.content_scripts[0].js;
  assert.equal(js[js.length - 1], 'content/main.js');
  assert.ok(js.indexOf('common/platform.js') < js.indexOf('content/messaging.js'));
  for (const f of [...js, ...m.content_scripts[0].css, m.storage.managed_schema, m.action.default_popup, m.options_ui.page]) {
    assert.ok(fs.existsSync(path.join(ROOT, 'extension', f)), f);
  }
  // The service worker is written by the build from its parts: those from extension/ must exist, background.js last.
  assert.equal(m.background.service_worker, WORKER);
  const own = WORKER_PARTS.filter((f) => !/^(packs|wasm)\//.test(f));
  for (const f of own) assert.ok(fs.existsSync(path.join(ROOT, 'extension', f)), f);
  assert.equal(WORKER_PARTS[WORKER_PARTS.length - 1], 'background/background.js');
  assert.ok(WORKER_PARTS.indexOf('packs/packs.js') < WORKER_PARTS.indexOf('background/boot.js'), 'boot.js reads the pack list');
  const bg = fs.readFileSync(path.join(ROOT, 'extension/background/background.js'), 'utf8');
  const contentList = bg.match(/const CONTENT_JS = \[([^\]]+)\]/)[1].match(/'[^']+'/g).map((s) => s.slice(1, -1));
  assert.deepEqual(contentList, js, 'scripts registered for user-enabled sites are the manifest list');
});

test('the managed schema is valid JSON of object type', () => {
  const s = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/managed_schema.json'), 'utf8'));
  assert.equal(s.type, 'object');
  for (const k of ['packs', 'packUrls', 'severityThreshold', 'prePostCheck', 'allowlist', 'lockSettings']) assert.ok(s.properties[k], k);
});

test('png and zip writers produce files the standard tools read', { skip: !hasUnzip() }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-zip-'));
  fs.mkdirSync(path.join(dir, 'in/sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'in/a.txt'), 'hello');
  fs.writeFileSync(path.join(dir, 'in/sub/i.png'), png(16, () => [1, 2, 3, 255]));
  zipWithNode(path.join(dir, 'in'), path.join(dir, 'out.zip'));
  const listing = execFileSync('unzip', ['-l', path.join(dir, 'out.zip')], { encoding: 'utf8' });
  assert.match(listing, /a\.txt/);
  assert.match(listing, /sub\/i\.png/);
  execFileSync('unzip', ['-tq', path.join(dir, 'out.zip')]);
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  fs.rmSync(dir, { recursive: true, force: true });
});
function hasUnzip() { try { execFileSync('unzip', ['-v'], { stdio: 'ignore' }); return true; } catch { return false; } }
