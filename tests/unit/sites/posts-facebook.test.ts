// @vitest-environment happy-dom
// Facebook post actions (postActionAt, postAt, postInfo) on the practice feed,
// its Spanish twin, the permalink page and a few synthetic snippets.
import { afterEach, describe, expect, it } from 'vitest';
import { facebook } from '../../../lib/sites/facebook';
import type { PostActionKind, ProfileKey } from '../../../lib/sites/types';
import { byText, html, innermost, one, page } from './actions-support';

const P = 'practice/facebook/';

// postAt reads the page kind from the document's URL, which happy-dom takes from the window.
function load(file: string): { doc: Document; url: URL } {
  const loaded = page(P + file);
  setUrl(loaded.url.href);
  return loaded;
}
function setUrl(href: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(href);
}
afterEach(() => setUrl('http://localhost:3000/'));

// What the page's own script does on a click of "Actions for this post": mark the
// button expanded and append the menu to body (DOMParser runs no scripts).
function openPostMenu(doc: Document, post: Element, items: readonly [string, string?][]): void {
  const button = one(post, '[aria-haspopup="menu"]');
  button.setAttribute('aria-expanded', 'true');
  const menu = doc.createElement('div');
  menu.setAttribute('role', 'menu');
  for (const [title, description] of items) {
    const item = doc.createElement('div');
    item.setAttribute('role', 'menuitem');
    for (const t of [title, description]) {
      if (!t) continue;
      const span = doc.createElement('span');
      span.textContent = t;
      item.append(span);
    }
    menu.append(item);
  }
  doc.body.append(menu);
}
function closeMenus(doc: Document): void {
  doc.querySelectorAll('body > [role="menu"]').forEach((m) => m.remove());
  doc
    .querySelectorAll('[aria-expanded="true"]')
    .forEach((b) => b.setAttribute('aria-expanded', 'false'));
}

const EN_MENU: [string, string?][] = [
  ['Save post', 'Add this to your saved items.'],
  ['Copy link'],
];
const ES_MENU: [string, string?][] = [
  ['Guardar publicación', 'Agrégalo a tus elementos guardados.'],
  ['Copiar enlace'],
];

interface PostCase {
  post: (doc: Document) => Element;
  keys: ProfileKey[];
  name: string;
  postUrl: string;
}

const ALEX_URL = 'https://www.facebook.com/alex.rivera.demo/posts/pfbid02demo';
const feedPost = (n: number) => (d: Document) => one(d, `[aria-posinset="${n}"]`);
const ALEX: Omit<PostCase, 'post'> = {
  keys: ['fb:alex.rivera.demo'],
  name: 'Alex Rivera Demo',
  postUrl: ALEX_URL,
};

/** Each labelled control of the post gives its kind, the post and the post's author. */
function checkBar(
  doc: Document,
  url: URL,
  c: PostCase,
  bar: readonly [string, PostActionKind][],
): void {
  const post = c.post(doc);
  for (const [label, kind] of bar) {
    const control = one(post, `[aria-label="${label}"]`);
    for (const target of [control, innermost(control)]) {
      const match = facebook.postActionAt(target);
      expect(match, label).toEqual({ kind, control, post });
    }
  }
  expect(facebook.postAt(one(post, '[data-ad-rendering-role="story_message"]'))).toBe(post);
  const text = one(post, '[data-ad-preview="message"] div').firstChild as Node;
  expect(facebook.postAt(text), 'a text node').toBe(post);
  expect(facebook.postInfo(post, url)).toEqual({
    authorKeys: c.keys,
    authorName: c.name,
    postUrl: c.postUrl,
  });
}

/** Menu items resolve to the post whose menu is open. */
function checkMenu(
  doc: Document,
  post: Element,
  items: [string, string?][],
  kinds: PostActionKind[],
): void {
  openPostMenu(doc, post, items);
  const menu = one(doc, 'body > [role="menu"]');
  items.forEach(([title], i) => {
    const item = byText(menu, title + (items[i]?.[1] ?? ''));
    for (const target of [item, innermost(item), item.lastElementChild as Element]) {
      expect(facebook.postActionAt(target), title).toEqual({ kind: kinds[i], control: item, post });
    }
  });
  closeMenus(doc);
}

const EN_BAR: [string, PostActionKind][] = [
  ['Like', 'react'],
  ['Leave a comment', 'comment'],
  ['Send this to friends or post it on your profile.', 'share'],
];
const ES_BAR: [string, PostActionKind][] = [
  ['Me gusta', 'react'],
  ['Comentar', 'comment'],
  ['Envía esto a tus amigos o publícalo en tu perfil.', 'share'],
];

/** Every element of the page as a click target: only the posts' own controls are post actions. */
function postControls(doc: Document): Set<Element> {
  const seen = new Set<Element>();
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const match = facebook.postActionAt(el);
    if (match) seen.add(match.control);
  }
  return seen;
}

describe('home.html (feed)', () => {
  it('Alex Rivera Demo: Like, Leave a comment, Share', () => {
    const { doc, url } = load('home.html');
    checkBar(doc, url, { post: feedPost(1), ...ALEX }, EN_BAR);
  });

  it('someone else (Morgan Ellis Demo): the same controls, the other post', () => {
    const { doc, url } = load('home.html');
    checkBar(
      doc,
      url,
      {
        post: feedPost(2),
        keys: ['fb:morgan.ellis.demo'],
        name: 'Morgan Ellis Demo',
        postUrl: 'https://www.facebook.com/morgan.ellis.demo/posts/pfbid0morgandemo',
      },
      EN_BAR,
    );
  });

  it('"Actions for this post" menu items resolve to the post whose menu is open', () => {
    const { doc } = load('home.html');
    checkMenu(doc, feedPost(1)(doc), EN_MENU, ['save', 'copy-link']);
    checkMenu(doc, feedPost(2)(doc), EN_MENU, ['save', 'copy-link']);
  });

  it('a menu item with no open post menu has no post', () => {
    const { doc } = load('home.html');
    openPostMenu(doc, feedPost(1)(doc), EN_MENU);
    one(doc, '[aria-expanded="true"]').setAttribute('aria-expanded', 'false');
    const item = byText(one(doc, 'body > [role="menu"]'), 'Copy link');
    expect(facebook.postActionAt(item)).toEqual({ kind: 'copy-link', control: item, post: null });
  });

  it('nothing else on the page is a post action: not Add friend, Follow, Message, nav', () => {
    const { doc } = load('home.html');
    const expected = new Set(
      [1, 2].flatMap((n) => EN_BAR.map(([l]) => one(feedPost(n)(doc), `[aria-label="${l}"]`))),
    );
    expect(postControls(doc)).toEqual(expected);
    for (const l of ['Add friend', 'Message', 'Actions for this post', 'Remove']) {
      expect(facebook.postActionAt(one(doc, `[aria-label="${l}"]`)), l).toBeNull();
    }
    expect(facebook.postActionAt(byText(feedPost(2)(doc), 'Follow'))).toBeNull();
    // The People You May Know block is a feed item, but holds no post controls.
    expect(facebook.postAt(one(doc, '[aria-label="People You May Know"]'))).toBe(feedPost(3)(doc));
    expect(facebook.postAt(one(doc, '[aria-label="Messenger"]'))).toBeNull();
  });
});

describe('home-es.html (Spanish feed)', () => {
  it('Alex Rivera Demo and Diego Ramírez Demo: Me gusta, Comentar, Compartir', () => {
    const { doc, url } = load('home-es.html');
    checkBar(doc, url, { post: feedPost(2), ...ALEX }, ES_BAR);
    checkBar(
      doc,
      url,
      {
        post: feedPost(1),
        keys: ['fb:diego.ramirez.demo'],
        name: 'Diego Ramírez Demo',
        postUrl: 'https://www.facebook.com/diego.ramirez.demo/posts/pfbid0diegodemo',
      },
      ES_BAR,
    );
  });

  it('"Acciones para esta publicación": Guardar publicación, Copiar enlace', () => {
    const { doc } = load('home-es.html');
    checkMenu(doc, feedPost(2)(doc), ES_MENU, ['save', 'copy-link']);
    checkMenu(doc, feedPost(1)(doc), ES_MENU, ['save', 'copy-link']);
  });

  it('boundary actions and the chat are not post actions', () => {
    const { doc } = load('home-es.html');
    const expected = new Set(
      [1, 2].flatMap((n) => ES_BAR.map(([l]) => one(feedPost(n)(doc), `[aria-label="${l}"]`))),
    );
    expect(postControls(doc)).toEqual(expected);
  });
});

describe('post.html (permalink)', () => {
  const post = (d: Document) =>
    one(d, '[role="main"] div[aria-labelledby][aria-describedby]:not([role])');

  it('the post controls resolve to the post; its URL is the page URL', () => {
    const { doc, url } = load('post.html');
    checkBar(doc, url, { post, ...ALEX }, EN_BAR);
    checkMenu(doc, post(doc), EN_MENU, ['save', 'copy-link']);
  });

  it("a comment's Like and Reply are not the post's", () => {
    const { doc } = load('post.html');
    const comment = one(doc, '[role="article"]');
    expect(facebook.postActionAt(byText(comment, 'Like'))).toBeNull();
    expect(facebook.postActionAt(byText(comment, 'Reply'))).toBeNull();
    expect(facebook.postAt(comment)).toBe(post(doc));
  });

  it('a control in main outside the post container is about the main post', () => {
    const { doc } = load('post.html');
    const share = doc.createElement('div');
    share.setAttribute('role', 'button');
    share.textContent = 'Share';
    one(doc, '[role="main"]').append(share);
    expect(facebook.postActionAt(share)).toEqual({
      kind: 'share',
      control: share,
      post: post(doc),
    });
    // Not on a feed page: there, a control outside every post has no post.
    setUrl('https://www.facebook.com/');
    expect(facebook.postActionAt(share)).toEqual({ kind: 'share', control: share, post: null });
  });
});

describe('snippets', () => {
  const base = new URL('https://www.facebook.com/');

  it('Send in Messenger / Enviar con Messenger; Like or Comment outside a post is nothing', () => {
    const doc = html(`
      <div role="dialog"><div role="button"><span>Send in Messenger</span></div>
      <div role="button" aria-label="Enviar con Messenger"></div></div>
      <div role="main"><div role="button" aria-label="Like">Like</div>
      <div role="button">Comment</div></div>`);
    const [send, enviar] = Array.from(doc.querySelectorAll('[role="dialog"] [role="button"]'));
    expect(facebook.postActionAt(innermost(send as Element))?.kind).toBe('send');
    expect(facebook.postActionAt(enviar as Element)?.kind).toBe('send');
    expect(facebook.postActionAt(one(doc, '[aria-label="Like"]'))).toBeNull();
    expect(facebook.postActionAt(byText(doc, 'Comment'))).toBeNull();
  });

  it('disabled controls, boundary labels and near-miss labels give null', () => {
    const doc = html(`<div aria-posinset="1">
      <div role="button" aria-label="Like" aria-disabled="true">Like</div>
      <div role="button" aria-label="Add friend"></div>
      <div role="button" aria-label="Send"></div>
      <div role="button" aria-label="Remove Like"></div>
      <div role="button" aria-label="Share now (Public)"></div></div>`);
    for (const el of Array.from(doc.querySelectorAll('[role="button"]'))) {
      expect(facebook.postActionAt(el), el.outerHTML).toBeNull();
    }
  });

  it('classic markup: role=article posts with nested comment articles, text labels', () => {
    const doc = html(`<div role="article" aria-label="Story">
      <h5><a href="https://www.facebook.com/profile.php?id=100012345678901">Casey Morgan Demo</a></h5>
      <a href="/permalink.php?story_fbid=123&amp;id=100012345678901&amp;__tn__=K">Yesterday</a>
      <a class="share_action_link" href="#" title="Send this to friends or post it on your timeline.">Share</a>
      <div role="article"><a href="/jordan.lee.demo">Jordan Lee Demo</a><a href="#" role="button">Like</a></div>
    </div>`);
    const story = one(doc, '[aria-label="Story"]');
    const share = byText(doc, 'Share');
    expect(facebook.postActionAt(share)).toEqual({ kind: 'share', control: share, post: story });
    expect(facebook.postActionAt(byText(doc, 'Like'))).toBeNull();
    expect(facebook.postInfo(story, base)).toEqual({
      authorKeys: ['fb:id:100012345678901'],
      authorName: 'Casey Morgan Demo',
      postUrl: 'https://www.facebook.com/permalink.php?story_fbid=123&id=100012345678901',
    });
  });

  it('an avatar link to the numeric id joins the username key; no links, no author', () => {
    const doc = html(`<div aria-posinset="1">
      <a aria-hidden="true" href="/profile.php?id=100044455566677"><svg></svg></a>
      <div data-ad-rendering-role="profile_name"><h4><a href="/morgan.ellis.demo"><strong>Morgan Ellis Demo</strong></a></h4></div>
      <span>with <a href="/jordan.lee.demo">Jordan Lee Demo</a></span></div>
      <div aria-posinset="2"><p>Sponsored</p></div>`);
    expect(facebook.postInfo(one(doc, '[aria-posinset="1"]'), base)).toEqual({
      authorKeys: ['fb:id:100044455566677', 'fb:morgan.ellis.demo'],
      authorName: 'Morgan Ellis Demo',
      postUrl: null,
    });
    expect(facebook.postInfo(one(doc, '[aria-posinset="2"]'), base)).toEqual({
      authorKeys: [],
      authorName: null,
      postUrl: null,
    });
  });
});
