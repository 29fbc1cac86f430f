// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { facebook, isProfileSegment } from '../../../lib/sites/facebook';
import { adapterForUrl } from '../../../lib/sites/index';
import { PAGE_KINDS } from '../../../lib/sites/types';
import { answeringKinds, FACEBOOK_URLS, FOREIGN_URLS, INSTAGRAM_URLS } from './urls';

describe('facebook page kinds', () => {
  it.each(FACEBOOK_URLS)('$url is $kind', ({ url, kind }) => {
    const u = new URL(url);
    // Exactly its own detector answers; none for 'other'.
    expect(answeringKinds(facebook, u)).toEqual(kind === 'other' ? [] : [kind]);
    expect(facebook.pageKind(u)).toBe(kind);
    expect(facebook.isSiteUrl(u)).toBe(true);
    expect(adapterForUrl(u)).toBe(facebook);
  });

  it('has sample URLs for every page kind', () => {
    const covered = new Set(FACEBOOK_URLS.map((c) => c.kind));
    expect([...PAGE_KINDS].filter((k) => !covered.has(k))).toEqual([]);
  });

  it('keeps the tables large enough to mean something', () => {
    expect(FACEBOOK_URLS.length).toBeGreaterThanOrEqual(25);
  });
});

describe('facebook profile keys', () => {
  it.each(FACEBOOK_URLS)('$url -> $key', ({ url, key }) => {
    expect(facebook.profileKeyFromUrl(new URL(url))).toBe(key);
  });

  it('gives lower-case keys in the documented shapes', () => {
    for (const { key } of FACEBOOK_URLS) {
      if (key !== null) expect(key).toMatch(/^fb:(?:id:\d+|[a-z0-9.]{5,})$/);
    }
  });

  it('treats reserved words and .php endpoints as no one', () => {
    for (const seg of ['marketplace', 'settings', 'messages', 'photo.php', 'l.php', 'home.php']) {
      expect(isProfileSegment(seg)).toBe(false);
    }
    expect(isProfileSegment('jane.doe')).toBe(true);
    expect(isProfileSegment('4')).toBe(true);
  });
});

describe('facebook adapter on URLs that are not Facebook pages', () => {
  const foreign = [...INSTAGRAM_URLS.map((c) => c.url), ...FOREIGN_URLS];
  it.each(foreign)('%s', (url) => {
    const u = new URL(url);
    expect(facebook.isSiteUrl(u)).toBe(false);
    expect(answeringKinds(facebook, u)).toEqual([]);
    expect(facebook.pageKind(u)).toBe('other');
    expect(facebook.profileKeyFromUrl(u)).toBeNull();
    expect(adapterForUrl(u)?.id).not.toBe('facebook');
  });

  it.each(FOREIGN_URLS)('no adapter for %s', (url) => {
    expect(adapterForUrl(new URL(url))).toBeNull();
  });
});

// Synthetic DOM snippets, written for these tests (2026-11) after the shapes in
// /work/shared/fixtures/SELECTORS.md: Comet profile action rows are div[role=button]
// or a[role=link] with an aria-label; the profile tabs are a[role=tab] links.
function page(html: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${html}</body></html>`,
    'text/html',
  );
}

const TABS = `<div role="tablist">
  <a role="tab" href="/jane.doe">Posts</a><a role="tab" href="/jane.doe/about">About</a>
  <a role="tab" href="/jane.doe/friends">Friends</a><a role="tab" href="/jane.doe/photos">Photos</a>
</div>`;

describe('facebook profileOwner', () => {
  it.each([
    [
      'own profile (en)',
      `<div role="main"><h1>Jane Doe</h1>
        <a role="link" aria-label="Add to story" href="/stories/create"><span>Add to story</span></a>
        <a role="link" aria-label="Edit profile" href="/me/"><span>Edit profile</span></a>${TABS}</div>`,
      'own',
    ],
    [
      'own profile (es), Edit profile as a button',
      `<div role="main"><div role="button" aria-label="Editar perfil" tabindex="0"><span>Editar perfil</span></div>${TABS}</div>`,
      'own',
    ],
    [
      'own profile (es-ES), only Add to story',
      `<div role="main"><div role="button" aria-label="Añadir a la historia"></div></div>`,
      'own',
    ],
    [
      'own profile whose timeline shows a shared page post with Follow',
      `<div role="main"><a role="link" aria-label="Edit profile" href="/me/"></a>${TABS}
        <div role="feed"><div role="article"><a href="/somepage">Some Page</a> ·
        <div role="button" tabindex="0"><span>Follow</span></div></div></div></div>`,
      'own',
    ],
    [
      'someone else (en): Add friend + Message',
      `<div role="main"><div role="button" aria-label="Add friend" tabindex="0"><span>Add friend</span></div>
        <div role="button" aria-label="Message" tabindex="0"><span>Message</span></div>${TABS}</div>`,
      'other',
    ],
    [
      'someone else (es-419)',
      `<div role="main"><div role="button" aria-label="Agregar a amigos"></div><div role="button" aria-label="Enviar mensaje"></div></div>`,
      'other',
    ],
    [
      'someone else (es-ES)',
      `<div role="main"><div role="button" aria-label="Añadir a amigos"></div></div>`,
      'other',
    ],
    [
      'a friend: Friends + Message',
      `<div role="main"><div role="button" aria-label="Friends"></div><div role="button" aria-label="Message"></div>${TABS}</div>`,
      'other',
    ],
    [
      'someone else, label as visible text only, odd spacing',
      `<div role="main"><div role="button" tabindex="0"><i></i><span> Add
        friend </span></div></div>`,
      'other',
    ],
    [
      'm.facebook.com, "Add Friend" capitalised on a link',
      `<div id="root" role="main"><a aria-label="Add Friend" href="/a/mobile/friends/add_friend.php?id=1">Add Friend</a></div>`,
      'other',
    ],
    [
      'no main landmark: reads the whole document',
      `<div><a aria-label="Edit profile" href="/me/">Edit profile</a></div>`,
      'own',
    ],
    [
      'only profile tabs (their "Friends" text is not a control)',
      `<div role="main">${TABS}</div>`,
      'unknown',
    ],
    [
      'Add friend outside main (a hovercard) does not count',
      `<div role="main">${TABS}</div><div role="dialog"><div role="button" aria-label="Add friend"></div></div>`,
      'unknown',
    ],
    [
      'near-miss labels do not count',
      `<div role="main"><div role="button" aria-label="Messages"></div><div role="button">Message Jane about this</div></div>`,
      'unknown',
    ],
  ] as const)('%s', (_name, html, expected) => {
    expect(facebook.profileOwner(page(html))).toBe(expected);
  });
});
