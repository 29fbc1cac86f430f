// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapterForUrl } from '../../../lib/sites/index';
import { instagram, isUsernameSegment } from '../../../lib/sites/instagram';
import { PAGE_KINDS } from '../../../lib/sites/types';
import { answeringKinds, FACEBOOK_URLS, FOREIGN_URLS, INSTAGRAM_URLS } from './urls';

describe('instagram page kinds', () => {
  it.each(INSTAGRAM_URLS)('$url is $kind', ({ url, kind }) => {
    const u = new URL(url);
    // Exactly its own detector answers; none for 'other'.
    expect(answeringKinds(instagram, u)).toEqual(kind === 'other' ? [] : [kind]);
    expect(instagram.pageKind(u)).toBe(kind);
    expect(instagram.isSiteUrl(u)).toBe(true);
    expect(adapterForUrl(u)).toBe(instagram);
  });

  it('has sample URLs for every page kind', () => {
    const covered = new Set(INSTAGRAM_URLS.map((c) => c.kind));
    expect([...PAGE_KINDS].filter((k) => !covered.has(k))).toEqual([]);
  });

  it('keeps the tables large enough to mean something', () => {
    expect(INSTAGRAM_URLS.length).toBeGreaterThanOrEqual(25);
  });
});

describe('instagram profile keys', () => {
  it.each(INSTAGRAM_URLS)('$url -> $key', ({ url, key }) => {
    expect(instagram.profileKeyFromUrl(new URL(url))).toBe(key);
  });

  it('gives lower-case keys in the documented shape', () => {
    for (const { key } of INSTAGRAM_URLS) {
      if (key !== null) expect(key).toMatch(/^ig:[a-z0-9._]{1,30}$/);
    }
  });

  it('treats reserved words as no one', () => {
    for (const seg of ['p', 'reel', 'explore', 'direct', 'accounts', 'stories', 'about']) {
      expect(isUsernameSegment(seg)).toBe(false);
    }
    expect(isUsernameSegment('jane_doe')).toBe(true);
  });
});

describe('instagram adapter on URLs that are not Instagram pages', () => {
  const foreign = [...FACEBOOK_URLS.map((c) => c.url), ...FOREIGN_URLS];
  it.each(foreign)('%s', (url) => {
    const u = new URL(url);
    expect(instagram.isSiteUrl(u)).toBe(false);
    expect(answeringKinds(instagram, u)).toEqual([]);
    expect(instagram.pageKind(u)).toBe('other');
    expect(instagram.profileKeyFromUrl(u)).toBeNull();
    expect(adapterForUrl(u)?.id).not.toBe('instagram');
  });
});

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

// Synthetic DOM snippets, written for these tests (2026-11) after the profile header
// of the real 2025-04 capture (main > header: a Following button with a chevron svg,
// a div[role=button] Message) and the issue's own-profile description.
function profile(header: string, outside = ''): Document {
  return parse(
    `<!doctype html><html><body><div role="navigation"><a href="/direct/inbox/">Messages</a></div>
    <main role="main"><div><header><section><h2><span>jane_doe</span></h2>${header}</section>
    <ul><li><a href="/jane_doe/followers/"><span>2,067</span> followers</a></li>
    <li><a href="/jane_doe/following/"><span>1,944</span> following</a></li></ul></header></div></main>${outside}</body></html>`,
  );
}

const CHEVRON =
  '<svg aria-label="Down chevron icon" role="img"><title>Down chevron icon</title></svg>';
const FOLLOWERS_DIALOG = `<div role="dialog"><div><a href="/someone/">someone</a>
  <button type="button"><div dir="auto">Follow</div></button></div></div>`;

describe('instagram profileOwner', () => {
  it.each([
    [
      'own (en): Edit profile link',
      `<a href="/accounts/edit/" role="link">Edit profile</a>`,
      '',
      'own',
    ],
    [
      'own (es): Editar perfil button',
      `<div role="button" tabindex="0">Editar perfil</div>`,
      '',
      'own',
    ],
    [
      'own, unknown locale: the /accounts/edit/ link is enough',
      `<a href="/accounts/edit/">Modifier le profil</a>`,
      '',
      'own',
    ],
    [
      'own, with the followers dialog open over it',
      `<a href="https://www.instagram.com/accounts/edit/?next=%2F">Edit profile</a>`,
      FOLLOWERS_DIALOG,
      'own',
    ],
    [
      'other: Following (chevron svg title) + Message',
      `<button type="button"><div dir="auto">Following</div><div>${CHEVRON}</div></button><div role="button" tabindex="0">Message</div>`,
      '',
      'other',
    ],
    [
      'other: Following alone (the chevron svg title is not visible text)',
      `<button type="button"><div dir="auto">Following</div><div>${CHEVRON}</div></button>`,
      '',
      'other',
    ],
    ['other: Follow', `<button type="button"><div dir="auto">Follow</div></button>`, '', 'other'],
    [
      'other: Follow Back',
      `<button type="button"><div dir="auto">Follow Back</div></button>`,
      '',
      'other',
    ],
    ['other: Requested (private account)', `<button type="button">Requested</button>`, '', 'other'],
    ['other (es): Seguir también', `<button type="button">Seguir también</button>`, '', 'other'],
    [
      'other (es): Solicitado + Enviar mensaje',
      `<button>Solicitado</button><div role="button">Enviar mensaje</div>`,
      '',
      'other',
    ],
    [
      'unknown: nothing recognised in the header',
      `<button type="button">Suivre</button>`,
      '',
      'unknown',
    ],
    ['unknown: Follow buttons only in the dialog, not the header', '', FOLLOWERS_DIALOG, 'unknown'],
  ] as const)('%s', (_name, header, outside, expected) => {
    expect(instagram.profileOwner(profile(header, outside))).toBe(expected);
  });

  it('reads no further than the profile header: no header, no answer', () => {
    expect(instagram.profileOwner(parse('<main><button>Follow</button></main>'))).toBe('unknown');
    expect(instagram.profileOwner(parse('<div><a href="/accounts/edit/">x</a></div>'))).toBe(
      'unknown',
    );
    expect(
      instagram.profileOwner(
        parse('<div role="main"><header><button>Follow</button></header></div>'),
      ),
    ).toBe('other');
  });
});

// Real pages captured by others (see the .source.txt beside each file).
function realPage(name: string): Document {
  // import.meta.url, not new URL(..., import.meta.url): happy-dom replaces the URL global.
  const here = dirname(fileURLToPath(import.meta.url));
  const html = readFileSync(join(here, '../../fixtures/real/instagram', name), 'utf8');
  // Drop the <link> and <iframe> tags: happy-dom refuses to load them anyway but logs
  // each refusal as an error. The page's body markup is read as captured.
  return parse(html.replace(/<link\b[^>]*>|<iframe\b[\s\S]*?<\/iframe>/gi, ''));
}

describe('instagram profileOwner on real captures (2025-04)', () => {
  it("reads someone else's profile behind the followers dialog: Following + Message", () => {
    expect(instagram.profileOwner(realPage('ig-followers-dialog_2025-04.html'))).toBe('other');
  });

  it('gives no answer on the home feed, whose Follow buttons are suggestions, not a profile', () => {
    expect(instagram.profileOwner(realPage('ig-home-feed_2025-04.html'))).toBe('unknown');
  });
});
