// The shipped extension (dist/chrome, unmodified) in Debian's Chromium on the Facebook (Lexical), X (Draft.js)
// and LinkedIn (Quill) fixtures served under the real URLs: highlights = engine findings, card, Redact through
// the editor, Ctrl+Z, pre-post dialog. Screenshots in tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from './harness/chromium.mjs';
import { Driver } from './harness/driver.mjs';
import { builtExtension } from './harness/extension.mjs';
import { loadEngine, REPO } from './harness/engine.mjs';
import { runFlow, runKeyboardCard, runIgnoreAndAllow, runHoverCard, runRedactAllHigh, runTextareaHover, runEnterSubmit } from './harness/flow.mjs';

let b, driver, engine;
before(async () => {
  const ext = builtExtension('chrome');
  ({ engine } = await loadEngine(ext.dir));
  b = await launchChromium(ext.dir);
  driver = new Driver(await b.context.newPage(), 'playwright', 'chromium');
});
after(() => b?.close());

const MATRIX = [
  ['facebook', 'basic'], ['facebook', 'multiParagraph'], ['facebook', 'emoji'], ['facebook', 'bold'],
  ['x', 'basic'], ['x', 'multiParagraph'], ['x', 'emoji'], ['x', 'bold'],
  ['linkedin', 'basic'], ['linkedin', 'multiParagraph'], ['linkedin', 'emoji'], ['linkedin', 'bold'],
  ['textarea', 'basic'], ['textarea', 'multiParagraph'], ['textarea', 'overlap'], ['facebook', 'overlap'],
];

for (const [site, kase] of MATRIX) {
  test(`chromium ${site}: ${kase} post — highlight, card, redact, undo, pre-post`, async () => {
    const readme = site === 'facebook' && kase === 'basic';
    await runFlow(driver, engine, site, kase, { screenshotPrefix: `chromium-${site}-${kase}`, readmeShot: readme });
    // The README's screenshot is refreshed only on request, so a test run never dirties the working tree.
    if (readme && process.env.POSTSCRUB_UPDATE_SCREENSHOT === '1') {
      await copyFile(path.join(REPO, 'tests/e2e/artifacts/readme-highlighted-post-with-card.png'),
        path.join(REPO, 'docs/screenshot.png'));
    }
  });
}

test('chromium facebook: Alt+Shift+K with the caret in a finding opens its card', () => runKeyboardCard(driver, 'facebook'));
test('chromium x: Alt+Shift+K with the caret in a finding opens its card', () => runKeyboardCard(driver, 'x'));
test('chromium linkedin: hovering a highlighted span opens its card', () => runHoverCard(driver, 'linkedin'));
test('chromium textarea: hovering an underlined span (mirror) opens its card', () => runTextareaHover(driver));
test('chromium facebook: Redact all high-risk redacts every high-risk item and nothing else', () => runRedactAllHigh(driver, 'facebook', engine));
test('chromium x: Redact all high-risk redacts every high-risk item and nothing else', () => runRedactAllHigh(driver, 'x', engine));
test('chromium textarea: Redact all high-risk redacts every high-risk item and nothing else', () => runRedactAllHigh(driver, 'textarea', engine));
test('chromium facebook comment box: Enter is held while high risk remains; Shift+Enter is a new line', () => runEnterSubmit(driver, engine));
// Last: Allow persists in this browser profile.
test('chromium facebook: Ignore hides one finding, Allow hides a term on later pages too', () =>
  runIgnoreAndAllow(driver, 'facebook', engine));
