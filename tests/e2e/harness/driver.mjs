// One small interface over a Playwright page (Chromium) and a puppeteer page (Firefox over BiDi), so each flow
// is written once. Clicks go through the mouse at a computed point (a real click, inside the shadow UI too).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Driver {
  /** kind: 'playwright' | 'puppeteer'; browserName: 'chromium' | 'firefox'. */
  constructor(page, kind, browserName) {
    this.page = page;
    this.kind = kind;
    this.browserName = browserName;
  }

  goto(url) { return this.page.goto(url, { waitUntil: 'load' }); }

  eval(fn, arg) { return this.page.evaluate(fn, arg); }

  /** Polls fn(arg) in the page until it returns a truthy value; returns it. Throws `message` on timeout. */
  async waitFor(fn, arg, { timeout = 5000, interval = 25, message = 'condition' } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      last = await this.page.evaluate(fn, arg);
      if (last) return last;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${message}`);
      await sleep(interval);
    }
  }

  /** Types text key by key (each character its own keydown/input/keyup). */
  type(text, delay = 15) { return this.page.keyboard.type(text, { delay }); }

  /** Presses a chord such as 'Control+b', 'Control+z', 'Alt+Shift+K', 'Enter'. */
  async press(chord) {
    if (this.kind === 'playwright') return this.page.keyboard.press(chord);
    const keys = chord.split('+');
    const key = keys.pop();
    for (const m of keys) await this.page.keyboard.down(m);
    await this.page.keyboard.press(key);
    for (const m of keys.reverse()) await this.page.keyboard.up(m);
  }

  async clickAt(x, y) { await this.page.mouse.click(x, y); }

  /** Clicks the centre of the first element matching `selector` (in the document, or in root `#host`'s shadow). */
  async click(selector, { shadowHost = null, timeout = 5000 } = {}) {
    const rect = await this.waitFor(({ selector, shadowHost }) => {
      const root = shadowHost ? document.querySelector(shadowHost)?.shadowRoot : document;
      const el = root && root.querySelector(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) return null;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, { selector, shadowHost }, { timeout, message: `${selector}${shadowHost ? ` in ${shadowHost}` : ''} to be visible` });
    await this.clickAt(rect.x, rect.y);
  }

  async screenshot(name) {
    await mkdir(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
