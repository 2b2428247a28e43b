// The fixture pages, each served under the real site's URL so the shipped extension runs unmodified with its
// real host permissions and content-script matches. Assets live under /__postscrub_fixture/ on the same origin.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDir } from './build-fixtures.mjs';

export const ASSET_PREFIX = '/__postscrub_fixture/';

export const SITES = {
  facebook: { url: 'https://www.facebook.com/', html: 'facebook.html', framework: 'lexical' },
  x: { url: 'https://x.com/compose/post', html: 'x.html', framework: 'draft-js' },
  linkedin: { url: 'https://www.linkedin.com/feed/', html: 'linkedin.html', framework: 'quill' },
  // The generic page: any site with a plain textarea. Served on www.facebook.com so that it is inside the
  // extension's host permissions whatever they are (a textarea there is a comment box).
  textarea: { url: 'https://www.facebook.com/__postscrub_fixture/textarea.html', html: 'textarea.html', framework: 'textarea' },
};

// Pages that are not a site's main composer (so not in the smoke matrix), served as fixture assets.
export const PAGES = {
  // A Facebook comment box: Enter posts it, Shift+Enter is a new line, no Post button.
  fbcomment: { url: 'https://www.facebook.com/__postscrub_fixture/fbcomment.html', framework: 'lexical' },
};

const ORIGINS = new Set(Object.values(SITES).map((s) => new URL(s.url).origin));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** True if a URL is one the harness serves itself (a fixture page or one of its assets). */
export function isFixtureUrl(url) {
  try { return ORIGINS.has(new URL(url).origin); } catch { return false; }
}

/**
 * The response for a fixture URL: {status, contentType, body}. A page URL of a site gets the site's HTML;
 * /__postscrub_fixture/NAME gets the built asset NAME; anything else on those origins is a 404.
 */
export async function fixtureResponse(url) {
  const u = new URL(url);
  if (u.pathname.startsWith(ASSET_PREFIX)) {
    const name = path.basename(u.pathname);
    try {
      const body = await readFile(path.join(buildDir, name));
      return { status: 200, contentType: TYPES[path.extname(name)] || 'application/octet-stream', body };
    } catch {
      return { status: 404, contentType: 'text/plain', body: Buffer.from('not a fixture asset') };
    }
  }
  const site = Object.values(SITES).find((s) => {
    const su = new URL(s.url);
    return su.origin === u.origin && su.pathname === u.pathname;
  });
  if (!site) return { status: 404, contentType: 'text/plain', body: Buffer.from('no fixture at this path') };
  return { status: 200, contentType: TYPES['.html'], body: await readFile(path.join(buildDir, site.html)) };
}
