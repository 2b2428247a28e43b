// The smoke flow shared by both browsers: a trivial extension (tests/e2e/smoke-extension) must be injected
// into every fixture page served under its real URL, its highlight must be visible to the page, and each
// editor's own state must follow key-by-key typing and see the Post click.
import assert from 'node:assert/strict';
import { SITES } from './sites.mjs';

export async function smokeSite(driver, name) {
  const site = SITES[name];
  await driver.goto(site.url);
  await driver.waitFor(() => window.__fixture && document.documentElement.dataset.postscrubSmoke, null,
    { message: `the fixture and the smoke content script on ${site.url}` });
  const info = await driver.eval(() => ({ href: location.href, framework: window.__fixture.framework,
    shadow: !!document.querySelector('#postscrub-smoke-ui')?.shadowRoot, errors: window.__fixtureErrors }));
  assert.equal(info.href, site.url, 'the page keeps the real site URL');
  assert.equal(info.framework, site.framework);
  assert.ok(info.shadow, 'the content script could attach an open shadow root');
  assert.deepEqual(info.errors, []);

  const sel = await driver.eval(() => window.__fixture.editorSelector);
  await driver.click(sel);
  await driver.type('Hello world');
  const state = await driver.waitFor(() => {
    const h = CSS.highlights.get('postscrub-smoke');
    if (window.__fixture.framework !== 'textarea' && !h) return null;
    return { text: window.__fixture.getText(), highlighted: h ? [...h].map((r) => {
      const g = document.createRange(); g.setStart(r.startContainer, r.startOffset); g.setEnd(r.endContainer, r.endOffset);
      return g.toString(); }) : [] };
  }, null, { message: 'the smoke highlight' });
  assert.equal(state.text, 'Hello world', `${site.framework} state follows typing`);
  if (site.framework !== 'textarea') assert.deepEqual(state.highlighted, ['Hell'], 'a content-script highlight is visible to the page');

  const post = await driver.eval(() => window.__fixture.postSelector);
  await driver.click(post);
  const posted = await driver.eval(() => [window.__fixture.posted, window.__fixture.postedText]);
  assert.deepEqual(posted, [true, 'Hello world'], 'the Post click reaches the site');
}
