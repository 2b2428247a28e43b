// The shipped extension (dist/firefox, unmodified, installed as a temporary add-on) in Firefox ESR over
// WebDriver BiDi, on the fixtures served under the real URLs by BiDi request interception.
import { test, before, after } from 'node:test';
import { launchFirefox } from './harness/firefox.mjs';
import { Driver } from './harness/driver.mjs';
import { builtExtension } from './harness/extension.mjs';
import { loadEngine } from './harness/engine.mjs';
import { runFlow, runKeyboardCard, runRedactAllHigh, runEnterSubmit } from './harness/flow.mjs';

let b, driver, engine;
before(async () => {
  const ext = builtExtension('firefox');
  ({ engine } = await loadEngine(ext.dir));
  b = await launchFirefox(ext.dir);
  driver = new Driver(await b.newPage(), 'puppeteer', 'firefox');
});
after(() => b?.close());

const MATRIX = [
  ['facebook', 'basic'], ['facebook', 'multiParagraph'], ['facebook', 'emoji'], ['facebook', 'bold'],
  ['x', 'basic'], ['linkedin', 'basic'],
];

for (const [site, kase] of MATRIX) {
  test(`firefox ${site}: ${kase} post — highlight, card, redact, undo, pre-post`, () =>
    runFlow(driver, engine, site, kase, { screenshotPrefix: `firefox-${site}-${kase}` }));
}

test('firefox facebook: Alt+Shift+K with the caret in a finding opens its card', () => runKeyboardCard(driver, 'facebook'));
test('firefox facebook: Redact all high-risk redacts every high-risk item and nothing else', () => runRedactAllHigh(driver, 'facebook', engine));
test('firefox facebook comment box: Enter is held while high risk remains; Shift+Enter is a new line', () => runEnterSubmit(driver, engine));
