// @vitest-environment happy-dom
// Instagram post actions (postActionAt, postAt, postInfo) on the practice post
// page, the real home feed captured 2025-04 and synthetic snippets.
import { afterEach, describe, expect, it } from 'vitest';
import { instagram } from '../../../lib/sites/instagram';
import type { PostActionKind } from '../../../lib/sites/types';
import { byText, html, innermost, one, page } from './actions-support';

function load(file: string): { doc: Document; url: URL } {
  const loaded = page(file);
  setUrl(loaded.url.href);
  return loaded;
}
// postAt reads the page kind from the document's URL, which happy-dom takes from the window.
function setUrl(href: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(href);
}
afterEach(() => setUrl('http://localhost:3000/'));

const BAR: [string, PostActionKind][] = [
  ['Like', 'react'],
  ['Comment', 'comment'],
  ['Share', 'share'],
  ['Save', 'save'],
];

/** The action bar's icons (not a comment's small Like heart) of one article. */
function barIcons(article: Element, label: string): Element[] {
  return Array.from(article.querySelectorAll(`svg[aria-label="${label}"]`)).filter(
    (svg) => !svg.closest('li'),
  );
}

function postControls(doc: Document): Set<Element> {
  const seen = new Set<Element>();
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const match = instagram.postActionAt(el);
    if (match) seen.add(match.control);
  }
  return seen;
}

describe('practice/instagram/post.html (/p/C0dEmOpost1/)', () => {
  it('Like, Comment, Share, Save resolve to the article by alex.rivera.demo', () => {
    const { doc, url } = load('practice/instagram/post.html');
    const article = one(doc, 'article');
    for (const [label, kind] of BAR) {
      const [svg] = barIcons(article, label);
      const control = (svg as Element).closest('[role="button"]');
      for (const target of [svg as Element, innermost(svg as Element), control as Element]) {
        expect(instagram.postActionAt(target), label).toEqual({ kind, control, post: article });
      }
    }
    expect(instagram.postInfo(article, url)).toEqual({
      authorKeys: ['ig:alex.rivera.demo'],
      authorName: 'alex.rivera.demo',
      postUrl: 'https://www.instagram.com/p/C0dEmOpost1/',
    });
    const caption = one(article, 'h1').firstChild as Node;
    expect(instagram.postAt(caption)).toBe(article);
  });

  it("Follow, More options, a comment's Like and Reply, nav are not post actions", () => {
    const { doc } = load('practice/instagram/post.html');
    const article = one(doc, 'article');
    const expected = new Set(
      BAR.map(([l]) => (barIcons(article, l)[0] as Element).closest('[role="button"]')),
    );
    expect(postControls(doc)).toEqual(expected);
    expect(instagram.postActionAt(byText(article, 'Follow'))).toBeNull();
    expect(instagram.postActionAt(byText(article, 'Reply'))).toBeNull();
    expect(instagram.postAt(one(doc, 'nav'))).toBeNull();
  });

  it('on the permalink page a control in main outside the article is about the post', () => {
    const { doc, url } = load('practice/instagram/post.html');
    const button = doc.createElement('div');
    button.setAttribute('role', 'button');
    button.innerHTML = '<svg aria-label="Share" role="img"></svg>';
    one(doc, 'main').append(button);
    expect(instagram.postActionAt(one(button, 'svg'))?.post).toBe(one(doc, 'article'));
    // Without an article, the main region is the post.
    one(doc, 'article').replaceWith(...Array.from(one(doc, 'article').childNodes));
    const main = one(doc, 'main');
    expect(instagram.postAt(button)).toBe(main);
    expect(instagram.postInfo(main, url)).toEqual({
      authorKeys: ['ig:alex.rivera.demo'],
      authorName: 'alex.rivera.demo',
      postUrl: 'https://www.instagram.com/p/C0dEmOpost1/',
    });
  });
});

describe('real/instagram/ig-home-feed_2025-04.html', () => {
  const AUTHORS: [string, string][] = [
    ['robertkarpay', 'https://www.instagram.com/p/DH_ux4pSlV0/'],
    ['julianconnor_', 'https://www.instagram.com/p/DH_9YhJTETDLS6PUkdeBuK3_hVuvSqnlpfGaxM0/'],
    ['slexaxton', 'https://www.instagram.com/p/DHzotRbyARhOAZrv7izxylvrmBVeElJ4eZHWN80/'],
  ];

  it("every article's Like, Comment, Share, Save resolve to that article and its author", () => {
    const { doc, url } = load('real/instagram/ig-home-feed_2025-04.html');
    const articles = Array.from(doc.querySelectorAll('article'));
    expect(articles).toHaveLength(3);
    let shares = 0;
    articles.forEach((article, i) => {
      for (const [label, kind] of BAR) {
        const icons = barIcons(article, label);
        if (label === 'Share') shares += icons.length;
        else expect(icons, `${label} in article ${i}`).toHaveLength(1);
        for (const svg of icons) {
          const match = instagram.postActionAt(svg);
          expect(match?.kind, `${label} in article ${i}`).toBe(kind);
          expect(match?.post).toBe(article);
          expect(match?.control.getAttribute('role')).toBe('button');
        }
      }
      const [user, postUrl] = AUTHORS[i] as [string, string];
      expect(instagram.postInfo(article, url)).toEqual({
        authorKeys: [`ig:${user}`],
        authorName: user,
        postUrl,
      });
    });
    expect(shares).toBe(1); // only the first post offers Share in this capture
  });

  it('nothing outside the action bars is a post action (stories, nav, More options)', () => {
    const { doc } = load('real/instagram/ig-home-feed_2025-04.html');
    const icons = new Set(
      Array.from(doc.querySelectorAll('article')).flatMap((a) =>
        BAR.flatMap(([l]) => barIcons(a, l)),
      ),
    );
    expect(icons.size).toBe(10);
    // The bar's icon-only buttons: Save sits in a second role=button wrapper, which counts too.
    const expected = new Set(
      Array.from(doc.querySelectorAll('article [role="button"]')).filter((b) => {
        const svgs = b.querySelectorAll('svg[aria-label]');
        return svgs.length === 1 && icons.has(svgs[0] as Element);
      }),
    );
    expect(expected.size).toBe(13);
    expect(postControls(doc)).toEqual(expected);
  });
});

describe('snippets', () => {
  const base = new URL('https://www.instagram.com/');
  const icon = (l: string) => `<div role="button" tabindex="0"><svg aria-label="${l}"></svg></div>`;

  it('Spanish icons: Me gusta, Comentar, Compartir, Guardar', () => {
    const doc = html(
      `<article><a href="/maria.lopez.demo/">maria.lopez.demo</a>
      <a href="/p/CxYz123/"><time>1 d</time></a>
      <section>${['Me gusta', 'Comentar', 'Compartir', 'Guardar'].map(icon).join('')}</section></article>`,
    );
    const article = one(doc, 'article');
    const kinds = Array.from(doc.querySelectorAll('svg')).map((s) => instagram.postActionAt(s));
    expect(kinds.map((m) => m?.kind)).toEqual(['react', 'comment', 'share', 'save']);
    expect(kinds.every((m) => m?.post === article)).toBe(true);
    expect(instagram.postInfo(article, base)).toEqual({
      authorKeys: ['ig:maria.lopez.demo'],
      authorName: 'maria.lopez.demo',
      postUrl: 'https://www.instagram.com/p/CxYz123/',
    });
  });

  it('Copy link / Copiar enlace count without a post; Like outside a post does not', () => {
    const doc = html(`<div role="dialog"><button>Copy link</button><button>Copiar enlace</button>
      </div>${icon('Like')}${icon('Send')}`);
    const [copy, copiar] = Array.from(doc.querySelectorAll('button'));
    expect(instagram.postActionAt(copy as Element)).toEqual({
      kind: 'copy-link',
      control: copy,
      post: null,
    });
    expect(instagram.postActionAt(copiar as Element)?.kind).toBe('copy-link');
    expect(instagram.postActionAt(one(doc, 'svg[aria-label="Like"]'))).toBeNull();
    expect(instagram.postActionAt(one(doc, 'svg[aria-label="Send"]'))).toBeNull();
  });

  it('a header link is the author; /<user>/p/<code>/ links keep the user', () => {
    const doc = html(`<article><header><a href="/jordan.lee.demo/"><span>jordan.lee.demo</span></a>
      <a href="/explore/locations/1/">Springfield</a></header>
      <a href="/jordan.lee.demo/p/AbC_123/?img_index=1">2d</a></article>`);
    expect(instagram.postInfo(one(doc, 'article'), base)).toEqual({
      authorKeys: ['ig:jordan.lee.demo'],
      authorName: 'jordan.lee.demo',
      postUrl: 'https://www.instagram.com/jordan.lee.demo/p/AbC_123/',
    });
  });
});
