// @vitest-environment happy-dom
// Issue 16 points 1 and 2: labels matched through real variation (word patterns,
// each in its locale, the page's language deciding which apply), and the
// person's name read from the header, the card's link or the notification's
// actor, never a whole row or a count.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { facebook, FACEBOOK_LABEL_TABLES } from '../../../lib/sites/facebook';
import { instagram, INSTAGRAM_LABEL_TABLES } from '../../../lib/sites/instagram';
import { labelIndex, labelKind, localesOf } from '../../../lib/sites/engine/labels';
import { personName } from '../../../lib/sites/engine/links';
import type { SiteAdapter } from '../../../lib/sites/types';
import { byText, innermost, one, page, ROUTES } from './actions-support';

const NAMES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/names');

function fixture(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(NAMES, file), 'utf8'), 'text/html');
}

/** A page in `lang` ('' for none) holding `markup`. */
function pageIn(lang: string, markup: string): Document {
  const attr = lang === '' ? '' : ` lang="${lang}"`;
  return new DOMParser().parseFromString(
    `<!doctype html><html${attr}><body>${markup}</body></html>`,
    'text/html',
  );
}

// postAt reads the page kind from the document's URL, which happy-dom takes from the window.
function setUrl(href: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(href);
}
afterEach(() => setUrl('http://localhost:3000/'));

const button = (label: string) => `<div data-control role="button" aria-label="${label}"></div>`;
const textButton = (label: string) => `<div data-control role="button"><span>${label}</span></div>`;

function actionKind(site: SiteAdapter, lang: string, markup: string) {
  const doc = pageIn(lang, `<div role="main">${markup}</div>`);
  return site.actionAt(innermost(one(doc, '[data-control]')))?.kind ?? null;
}

function postKind(site: SiteAdapter, lang: string, markup: string) {
  const post = site === facebook ? '<div aria-posinset="1">' : '<article>';
  const end = site === facebook ? '</div>' : '</article>';
  const doc = pageIn(lang, `<div role="main">${post}${markup}${end}</div>`);
  return site.postActionAt(innermost(one(doc, '[data-control]')))?.kind ?? null;
}

describe('word patterns', () => {
  const index = labelIndex({
    share: { en: ['Share …', 'Send this to friends or post it on your …'], es: ['Compartir …'] },
    'add-friend': { en: ['Add … as a friend'], es: ['… a amigos'] },
  });
  const kind = (label: string, locales: readonly ('en' | 'es')[] = ['en', 'es']) =>
    labelKind(index, label, locales);

  it('"…" stands for one or more whole words, at the end, in the middle or first', () => {
    expect(kind('Share Post')).toBe('share');
    expect(kind('share  to your story')).toBe('share');
    expect(kind('Send this to friends or post it on your timeline.')).toBe('share');
    expect(kind('Send this to friends or post it on your profile')).toBe('share');
    expect(kind('Add Jane Q. Demo as a friend')).toBe('add-friend');
    expect(kind('Compartir publicación')).toBe('share');
    expect(kind('Agregar a amigos')).toBe('add-friend');
  });

  it('never matches part of a word, nor the fixed words alone', () => {
    expect(kind('Shared with: Public')).toBeNull();
    expect(kind('Share')).toBeNull();
    expect(kind('Reshare post')).toBeNull();
    expect(kind('Add as a friend')).toBeNull();
    expect(kind('Add Jane as a friend now')).toBeNull();
    expect(kind('Send this to friends or post it on your')).toBeNull();
    expect(kind('Compartido con: Público')).toBeNull();
    expect(kind('a amigos')).toBeNull();
  });

  it('every pattern in the site tables has fixed words (a lone "…" would match anything)', () => {
    const patterns = [FACEBOOK_LABEL_TABLES, INSTAGRAM_LABEL_TABLES]
      .flatMap((tables) => Object.values(tables))
      .flatMap((table) => Object.values(table))
      .flatMap((entry) => [...entry.en, ...entry.es])
      .filter((label) => label.includes('…'));
    expect(patterns.length).toBeGreaterThan(4);
    for (const label of patterns) {
      expect(label.replace(/…/g, '').trim(), label).not.toBe('');
    }
  });

  it('applies only in its own locale', () => {
    expect(kind('Share Post', ['es'])).toBeNull();
    expect(kind('Compartir publicación', ['en'])).toBeNull();
    expect(kind('Share Post', [])).toBeNull();
  });
});

describe('the page language decides which locales apply', () => {
  it.each([
    ['en', ['en']],
    ['en-US', ['en']],
    ['es', ['es']],
    ['es-419', ['es']],
    ['es_LA', ['es']],
    ['', ['en', 'es']],
    ['pt-BR', []],
    ['zh-TW', []],
    ['ru', []],
  ] as const)('lang="%s": %j', (lang, locales) => {
    const doc = pageIn(lang, '<p>x</p>');
    expect(localesOf(one(doc, 'p'))).toEqual(locales);
  });

  it('the nearest lang= counts: a Spanish card on an English page is read in Spanish', () => {
    const doc = pageIn('en', `<div lang="es"><p id="es">x</p></div><p id="en">y</p>`);
    expect(localesOf(one(doc, '#es'))).toEqual(['es']);
    expect(localesOf(one(doc, '#en'))).toEqual(['en']);
  });

  it.each([
    ['pt-BR', 'Seguir'],
    ['pt-BR', 'Mensagem'],
    ['pt-BR', 'Enviar mensagem'],
    ['zh-TW', '追蹤'],
    ['zh-TW', 'Follow'],
    ['ru', 'Подписаться'],
    ['ru', 'Follow'],
  ])('%s "%s" on Instagram: not recognized, not a chance match', (lang, label) => {
    expect(actionKind(instagram, lang, textButton(label))).toBeNull();
  });

  it('a Portuguese Facebook page: "Seguir", "Compartilhar", "Compartir" are nothing', () => {
    expect(actionKind(facebook, 'pt-BR', button('Seguir'))).toBeNull();
    expect(postKind(facebook, 'pt-BR', button('Compartilhar'))).toBeNull();
    expect(postKind(facebook, 'pt-BR', button('Compartir'))).toBeNull();
  });

  it('an English page does not read Spanish words, nor a Spanish page English ones', () => {
    expect(actionKind(instagram, 'en', textButton('Seguir'))).toBeNull();
    expect(actionKind(instagram, 'es', textButton('Follow'))).toBeNull();
    expect(actionKind(instagram, 'en', textButton('Follow'))).toBe('follow');
    expect(actionKind(instagram, 'es', textButton('Seguir'))).toBe('follow');
  });

  it('a page that names no language is read in both, as before', () => {
    expect(actionKind(instagram, '', textButton('Seguir'))).toBe('follow');
    expect(actionKind(instagram, '', textButton('Follow'))).toBe('follow');
  });
});

describe('action labels through real variation', () => {
  it.each([
    ['instagram', 'es', 'Mensaje', 'message'],
    ['instagram', 'es', 'Enviar mensaje', 'message'],
    ['instagram', 'en', 'Message', 'message'],
    ['facebook', 'es', 'Mensaje', 'message'],
    ['facebook', 'es', 'Enviar mensaje', 'message'],
    ['facebook', 'en', 'Add Jane Demo as a friend', 'add-friend'],
    ['facebook', 'en', 'add  jane demo as a FRIEND.', 'add-friend'],
    ['instagram', 'es', '\u200EMENSAJE\u200F', 'message'],
    ['instagram', 'es', 'Mensaje\u2026', 'message'],
    ['instagram', 'en', '\u2068 message \u2069', 'message'],
  ] as const)('%s (%s): "%s" is %s', (siteId, lang, label, kind) => {
    const site = siteId === 'facebook' ? facebook : instagram;
    expect(actionKind(site, lang, textButton(label))).toBe(kind);
    expect(actionKind(site, lang, button(label))).toBe(kind);
  });

  it.each([
    ['facebook', 'en', 'Like'],
    ['facebook', 'en', 'Comment'],
    ['facebook', 'en', 'Following'],
    ['facebook', 'es', 'Siguiendo'],
    ['facebook', 'en', 'Delete'],
    ['facebook', 'es', 'Eliminar'],
    ['facebook', 'en', 'Accept'],
    ['facebook', 'es', 'Aceptar'],
    ['facebook', 'en', 'Add to story'],
    ['facebook', 'en', 'Add Jane Demo'],
    ['facebook', 'es', 'Agregar a Jane Demo como amiga'],
    ['facebook', 'en', 'Message requests'],
    ['facebook', 'es', 'Mensajes'],
    ['instagram', 'en', 'Following'],
    ['instagram', 'es', 'Siguiendo'],
    ['instagram', 'en', 'Requested'],
    ['instagram', 'es', 'Solicitado'],
    ['instagram', 'en', 'Message requests'],
    ['instagram', 'es', 'Solicitudes de mensajes'],
    ['instagram', 'en', 'Messages'],
    ['instagram', 'es', 'Mensajes'],
    ['instagram', 'en', 'Not now'],
    ['instagram', 'es', 'Ahora no'],
    ['instagram', 'en', 'Cancel'],
    ['instagram', 'es', 'Cancelar'],
  ] as const)('%s (%s): "%s" never prompts', (siteId, lang, label) => {
    const site = siteId === 'facebook' ? facebook : instagram;
    expect(actionKind(site, lang, textButton(label))).toBeNull();
    expect(actionKind(site, lang, button(label))).toBeNull();
  });
});

describe('post labels through real variation', () => {
  it.each([
    ['instagram', 'en', 'Share Post'],
    ['instagram', 'en', 'Share'],
    ['instagram', 'en', 'share post.'],
    ['instagram', 'es', 'Compartir publicación'],
    ['instagram', 'es', 'Compartir'],
    ['instagram', 'es', 'COMPARTIR  PUBLICACIÓN'],
    ['facebook', 'es', 'Enviar esto a tus amigos o publicarlo en tu biografía'],
    ['facebook', 'es', 'Enviar esto a tus amigos o publicarlo en tu perfil.'],
    ['facebook', 'es', 'Envía esto a tus amigos o publícalo en tu perfil.'],
    ['facebook', 'es', 'Envía esto a tus amigos o publícalo en tu biografía'],
    ['facebook', 'en', 'Send this to friends or post it on your timeline.'],
    ['facebook', 'en', 'Send this to friends or post it on your profile.'],
    ['facebook', 'en', 'Send this to friends or post it on your feed'],
    ['facebook', 'en', 'Share'],
    ['facebook', 'es', 'Compartir'],
  ] as const)('%s (%s): "%s" is share', (siteId, lang, label) => {
    const site = siteId === 'facebook' ? facebook : instagram;
    expect(postKind(site, lang, button(label))).toBe('share');
  });

  it('an icon labelled "Share Post" / "Compartir publicación" in an Instagram action bar', () => {
    for (const [lang, label] of [
      ['en', 'Share Post'],
      ['es', 'Compartir publicación'],
    ] as const) {
      const icon = `<div data-control role="button"><svg aria-label="${label}" role="img"><path d="M0 0"></path></svg></div>`;
      expect(postKind(instagram, lang, icon)).toBe('share');
    }
  });

  it.each([
    ['facebook', 'en', 'Like'],
    ['facebook', 'es', 'Me gusta'],
    ['facebook', 'en', 'Share now (Public)'],
    ['facebook', 'es', 'Compartir ahora (Público)'],
    ['facebook', 'en', 'Shared with: Public'],
    ['facebook', 'es', 'Compartido con: Público'],
    ['facebook', 'en', 'Send this'],
    ['facebook', 'es', 'Enviar esto'],
    ['facebook', 'es', 'Enviar'],
    ['instagram', 'en', 'Shared with Close Friends'],
    ['instagram', 'es', 'Compartido'],
    ['instagram', 'en', 'Sharing'],
  ] as const)('%s (%s): "%s" is no share', (siteId, lang, label) => {
    const site = siteId === 'facebook' ? facebook : instagram;
    expect(postKind(site, lang, button(label))).not.toBe('share');
  });

  it('"Share Post" on a Portuguese page, "Compartir publicación" on an English one: nothing', () => {
    expect(postKind(instagram, 'pt-BR', button('Share Post'))).toBeNull();
    expect(postKind(instagram, 'pt-BR', button('Compartilhar publicação'))).toBeNull();
    expect(postKind(instagram, 'en', button('Compartir publicación'))).toBeNull();
  });
});

describe('a name is a name', () => {
  it.each([
    'Carla Ruiz Demo',
    'valeria.soto.demo',
    'María de los Ángeles Demo',
    'Jordan Lee 2 Demo',
    'Studio 54 Demo',
  ])('"%s" is kept', (name) => {
    expect(personName(name)).toBe(name);
  });

  it.each([
    '272 mil seguidores',
    '1,234 followers',
    '1.2K followers',
    '67 amigos',
    '12 mutual friends',
    '180 seguidos',
    '321 following',
    'Confirm No leídaCarlos Demo te envió una solicitud de amistad.hace 13 horas',
    'one two three four five six seven',
    'x'.repeat(81),
    '',
    '   ',
  ])('"%s" is not', (text) => {
    expect(personName(text)).toBeNull();
  });
});

describe('names from the right place', () => {
  it('Instagram Spanish profile header: "Mensaje" and "Seguir" name the profile, not its counts', () => {
    const doc = fixture('instagram-profile-es.html');
    const url = new URL('https://www.instagram.com/valeria.soto.demo/');
    const header = one(doc, 'header');
    for (const [label, kind] of [
      ['Seguir', 'follow'],
      ['Mensaje', 'message'],
    ] as const) {
      const match = instagram.actionAt(innermost(byText(header, label)));
      expect(match?.kind, label).toBe(kind);
      expect(match && instagram.profileFor(match, url), label).toEqual({
        keys: ['ig:valeria.soto.demo'],
        name: 'valeria.soto.demo',
      });
    }
  });

  it('a hover card whose first named link is a count: the card\'s own name, never "1.234 seguidores"', () => {
    const doc = fixture('instagram-profile-es.html');
    const url = new URL('https://www.instagram.com/valeria.soto.demo/');
    const card = one(doc, '[role="dialog"]');
    const match = instagram.actionAt(innermost(byText(card, 'Mensaje')));
    expect(match?.kind).toBe('message');
    expect(match && instagram.profileFor(match, url)).toEqual({
      keys: ['ig:diego.ramos.demo'],
      name: 'diego.ramos.demo',
    });
  });

  it('Instagram English profile header: the username shown as text', () => {
    const doc = fixture('instagram-profile-en.html');
    const url = new URL('https://www.instagram.com/jordan.lee.demo/');
    for (const label of ['Follow', 'Message']) {
      const match = instagram.actionAt(innermost(byText(doc, label)));
      expect(match && instagram.profileFor(match, url), label).toEqual({
        keys: ['ig:jordan.lee.demo'],
        name: 'jordan.lee.demo',
      });
    }
  });

  it('a Facebook notification row that is one link: the actor in bold, not the whole row', () => {
    const doc = fixture('facebook-notifications-es.html');
    const url = new URL('https://www.facebook.com/notifications');
    const row = one(doc, '[data-row="request"]');
    const match = facebook.actionAt(innermost(one(row, '[aria-label="Confirmar"]')));
    expect(match?.kind).toBe('confirm-request');
    expect(match && facebook.profileFor(match, url)).toEqual({
      keys: ['fb:carla.ruiz.demo'],
      name: 'Carla Ruiz Demo',
    });
    expect(facebook.actionAt(innermost(one(row, '[aria-label="Eliminar"]')))).toBeNull();
  });

  it("a notification row with the actor's own link: that link's name", () => {
    const doc = fixture('facebook-notifications-es.html');
    const url = new URL('https://www.facebook.com/notifications');
    const row = one(doc, '[data-row="suggestion"]');
    const match = facebook.actionAt(innermost(one(row, '[aria-label="Agregar a amigos"]')));
    expect(match && facebook.profileFor(match, url)).toEqual({
      keys: ['fb:tomas.vidal.demo'],
      name: 'Tomás Vidal Demo',
    });
  });

  it('a card whose only link text is a sentence or a count says "this person" (no name)', () => {
    const doc = pageIn(
      'en',
      `<div role="main"><div role="listitem">
        <a href="https://www.facebook.com/sam.long.demo"><span>Sam Long Demo and 14 other people you may know joined a group near you yesterday</span></a>
        <div data-control role="button" aria-label="Add friend"></div></div>
      <div role="listitem"><a href="https://www.facebook.com/pat.count.demo"><span>67 friends</span></a>
        <div data-control role="button" aria-label="Add friend"></div></div></div>`,
    );
    const url = new URL('https://www.facebook.com/friends/suggestions');
    const [first, second] = Array.from(doc.querySelectorAll('[data-control]'));
    const a = facebook.actionAt(first as Element);
    const b = facebook.actionAt(second as Element);
    expect(a && facebook.profileFor(a, url)).toEqual({ keys: ['fb:sam.long.demo'], name: null });
    expect(b && facebook.profileFor(b, url)).toEqual({ keys: ['fb:pat.count.demo'], name: null });
  });

  it('a post author link that is a count is no author name', () => {
    const doc = pageIn(
      'en',
      `<div role="main"><div aria-posinset="1"><h4><a href="https://www.facebook.com/lee.count.demo">1,234 followers</a></h4>
      <div data-control role="button" aria-label="Share"></div></div></div>`,
    );
    const post = one(doc, '[aria-posinset]');
    const info = facebook.postInfo(post, new URL('https://www.facebook.com/'));
    expect(info.authorKeys).toEqual(['fb:lee.count.demo']);
    expect(info.authorName).toBeNull();
  });
});

describe('every practice and real page', () => {
  // Each page once: every element as a click target; each action's and each post's name.
  it.each(ROUTES.filter((r) => /facebook\.com|instagram\.com/.test(r.url)).map((r) => [r.file]))(
    '%s: every name read is a name (or none)',
    (file) => {
      const { doc, url } = page(file);
      const site = url.hostname.endsWith('instagram.com') ? instagram : facebook;
      const names = new Set<string | null>();
      for (const el of Array.from(doc.body.querySelectorAll('*'))) {
        const match = site.actionAt(el);
        if (match) names.add(site.profileFor(match, url).name);
        const post = site.postAt(el);
        if (post) names.add(site.postInfo(post, url).authorName);
      }
      for (const name of names) if (name !== null) expect(personName(name), file).toBe(name);
    },
  );
});
