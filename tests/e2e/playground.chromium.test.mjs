// The playground (dist/web, what `scripts/run` serves) in Debian's Chromium: the page loads the WebAssembly
// engine and the default packs under its own strict CSP, checks a typed post, redacts and undoes, and the
// rule-pack studio compiles a pack, runs its examples, and keeps the previous packs when a pack is broken.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, assertExecutable } from './harness/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB = path.join(ROOT, 'dist', 'web');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.txt': 'text/plain' };

let server, origin, browser, page;
const requests = [];

before(async () => {
  await access(path.join(WEB, 'index.html')).catch(() => {
    throw new Error(`no playground at ${WEB}: run scripts/build first`);
  });
  server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(WEB, rel);
    if (!file.startsWith(WEB + path.sep)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  await assertExecutable(CHROMIUM, 'Chromium', 'POSTSCRUB_CHROMIUM');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('risk').textContent), null,
    { timeout: 20000 });
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function typePost(text) {
  await page.fill('#post', '');
  await page.type('#post', text, { delay: 0 });
  await page.waitForFunction((t) => document.getElementById('post').value === t &&
    document.getElementById('mirror').textContent.trimEnd() === t, text);
  await page.waitForTimeout(150);  // the page checks 60 ms after the last input
}

const marks = () => page.$$eval('#mirror mark', (ms) => ms.map((m) => m.textContent));

test('playground: the engine starts under the page CSP and checks a typed post', async () => {
  assert.doesNotMatch(await page.textContent('#risk'), /could not start/);
  await typePost('Saw Mrs. Okonkwo today, DOB 03/14/1957, call her at (401) 555-0147.');
  const found = await marks();
  assert.ok(found.some((t) => t.includes('Okonkwo')), `the name is underlined: ${JSON.stringify(found)}`);
  assert.ok(found.includes('03/14/1957'), `the date is underlined: ${JSON.stringify(found)}`);
  assert.ok(found.includes('(401) 555-0147'), `the phone is underlined: ${JSON.stringify(found)}`);
  assert.match(await page.textContent('#risk'), /post risk: high/);
  assert.ok((await page.$$('#findings li')).length >= 3);
});

test('playground: medical talk stays quiet', async () => {
  await typePost('Metformin 500 mg twice daily, HbA1c 7.5%, BP 142/88. In crisis, call or text 988.');
  assert.deepEqual(await marks(), []);
  assert.match(await page.textContent('#risk'), /No risks found/);
});

test('playground: redact one finding, then undo restores the draft exactly', async () => {
  const text = 'Our patient in room 412 (MRN 00482913) is doing well.';
  await typePost(text);
  const items = await page.$$eval('#findings li strong', (ls) => ls.map((l) => l.textContent));
  const i = items.findIndex((t) => t.includes('00482913'));
  assert.ok(i >= 0, `the MRN is listed: ${JSON.stringify(items)}`);
  await page.click(`#findings li:nth-child(${i + 1}) button`);
  const redacted = await page.inputValue('#post');
  assert.equal(redacted, text.replace('00482913', '[MRN]'), 'only the MRN changed');
  await page.click('#undo');
  assert.equal(await page.inputValue('#post'), text);
});

test('playground studio: the example pack compiles and passes its examples; a broken pack keeps the last good one',
  async () => {
    await page.click('#compile');
    const ok = await page.textContent('#pack-result');
    assert.match(ok, /^Compiled\./);
    assert.match(ok, /\d+ passed, 0 failed/);
    await typePost('Quiet shift on Ward 7B tonight.');
    assert.ok((await marks()).includes('Ward 7B'), 'the team pack rule is in use');

    const broken = JSON.parse(await page.inputValue('#pack'));
    broken.rules[0].patterns[0].regex = '(unclosed';
    await page.fill('#pack', JSON.stringify(broken));
    await page.click('#compile');
    const err = await page.textContent('#pack-result');
    assert.match(err, /Pack rejected/);
    assert.match(err, /example-hospital-unit/, 'the error names the rule');
    assert.match(err, /\/rules\/0\/patterns\/0\/regex/, 'the error names the field');
    await typePost('Quiet shift on Ward 7B tonight.');
    assert.ok((await marks()).includes('Ward 7B'), 'the last good pack stays in use');
  });

test('playground: every request stayed on the page origin', () => {
  const outside = requests.filter((u) => !u.startsWith(origin + '/'));
  assert.deepEqual(outside, []);
});
