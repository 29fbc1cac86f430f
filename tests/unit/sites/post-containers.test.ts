// @vitest-environment happy-dom
// Issue 16 point 3: posts found in every container a share control lives in (a
// photo or video viewer's panel, a post dialog, a permalink page with no post container,
// Instagram's post dialog over a profile, a reel's page), the author read from
// that container's own header: never a commenter, the coach's own banner link or
// the profile underneath a dialog. English and Spanish practice pages.
import { afterEach, describe, expect, it } from 'vitest';
import { facebook } from '../../../lib/sites/facebook';
import { instagram } from '../../../lib/sites/instagram';
import type { PostInfo, ProfileKey, SiteAdapter } from '../../../lib/sites/types';
import { byText, innermost, one, page } from './actions-support';

// postAt reads the page kind from the document's URL, which happy-dom takes from the window.
function load(file: string): { doc: Document; url: URL } {
  const loaded = page(file);
  setUrl(loaded.url.href);
  return loaded;
}
function setUrl(href: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(href);
}
afterEach(() => setUrl('http://localhost:3000/'));

interface ContainerCase {
  what: string;
  site: SiteAdapter;
  file: string;
  /** The post's share control (its aria-label, or an Instagram icon's). */
  share: string;
  /** The post's Like (a comment holds one too). */
  like: string;
  info: PostInfo;
  /** The person a wrong reading would name: a commenter, the profile underneath. */
  notThem: string;
  /** Where the post is, when the page shows another one (the feed under a dialog). */
  within?: string;
}

const FB = 'https://www.facebook.com';
const IG = 'https://www.instagram.com';
const fbInfo = (keys: ProfileKey[], authorName: string, postUrl: string): PostInfo => ({
  authorKeys: keys,
  authorName,
  postUrl,
});

const CASES: ContainerCase[] = [
  {
    what: 'Facebook photo viewer: the panel beside the photo',
    site: facebook,
    file: 'practice/facebook/photo.html',
    share: 'Send this to friends or post it on your profile.',
    like: 'Like',
    info: fbInfo(
      ['fb:alex.rivera.demo'],
      'Alex Rivera Demo',
      `${FB}/photo/?fbid=10160000000000001&set=a.10150000000000001`,
    ),
    notThem: 'Jordan Lee Demo',
  },
  {
    what: 'Facebook photo viewer (es), the long Share label seen on real pages',
    site: facebook,
    file: 'practice/facebook/photo-es.html',
    share: 'Enviar esto a tus amigos o publicarlo en tu biografía',
    like: 'Me gusta',
    info: fbInfo(
      ['fb:maria.lopez.demo'],
      'María López Demo',
      `${FB}/photo/?fbid=10160000000000002&set=a.10150000000000002&locale=es_LA`,
    ),
    notThem: 'Diego Ramírez Demo',
  },
  {
    what: 'Facebook video viewer: the panel beside the video',
    site: facebook,
    file: 'practice/facebook/video.html',
    share: 'Send this to friends or post it on your profile.',
    like: 'Like',
    info: fbInfo(
      ['fb:alex.rivera.demo'],
      'Alex Rivera Demo',
      `${FB}/alex.rivera.demo/videos/1234567890123456`,
    ),
    notThem: 'Jordan Lee Demo',
  },
  {
    what: 'Facebook video viewer (es)',
    site: facebook,
    file: 'practice/facebook/video-es.html',
    share: 'Enviar esto a tus amigos o publicarlo en tu biografía',
    like: 'Me gusta',
    info: fbInfo(
      ['fb:maria.lopez.demo'],
      'María López Demo',
      `${FB}/maria.lopez.demo/videos/2234567890123456?locale=es_LA`,
    ),
    notThem: 'Diego Ramírez Demo',
  },
  {
    what: 'Facebook post dialog over the feed',
    site: facebook,
    file: 'practice/facebook/post-dialog.html',
    within: '[role="dialog"]',
    share: 'Send this to friends or post it on your profile.',
    like: 'Like',
    info: fbInfo(
      ['fb:alex.rivera.demo'],
      'Alex Rivera Demo',
      `${FB}/alex.rivera.demo/posts/pfbid0alexwalk`,
    ),
    notThem: 'Morgan Ellis Demo',
  },
  {
    what: 'Facebook post dialog over the feed (es), the author in an h2',
    site: facebook,
    file: 'practice/facebook/post-dialog-es.html',
    within: '[role="dialog"]',
    share: 'Envía esto a tus amigos o publícalo en tu perfil.',
    like: 'Me gusta',
    info: fbInfo(
      ['fb:maria.lopez.demo'],
      'María López Demo',
      `${FB}/maria.lopez.demo/posts/pfbid0mariawalk`,
    ),
    notThem: 'Diego Ramírez Demo',
  },
  {
    what: 'Facebook permalink.php with no post container; the avatar links the numeric id',
    site: facebook,
    file: 'practice/facebook/permalink.html',
    share: 'Send this to friends or post it on your profile.',
    like: 'Like',
    info: fbInfo(
      ['fb:id:100055566677788', 'fb:alex.rivera.demo'],
      'Alex Rivera Demo',
      `${FB}/permalink.php?story_fbid=pfbid0alexrun&id=100055566677788`,
    ),
    notThem: 'Jordan Lee Demo',
  },
  {
    what: 'Facebook /<user>/posts/<id> with no post container (es)',
    site: facebook,
    file: 'practice/facebook/post-es.html',
    share: 'Envía esto a tus amigos o publícalo en tu perfil.',
    like: 'Me gusta',
    info: fbInfo(
      ['fb:maria.lopez.demo'],
      'María López Demo',
      `${FB}/maria.lopez.demo/posts/pfbid0mariafair?locale=es_LA`,
    ),
    notThem: 'Diego Ramírez Demo',
  },
  {
    what: "Instagram post dialog over a profile: the dialog's author, not the profile's",
    site: instagram,
    file: 'practice/instagram/post-dialog.html',
    share: 'Share Post',
    like: 'Like',
    info: fbInfo(['ig:alex.rivera.demo'], 'alex.rivera.demo', `${IG}/p/C1tAgGedAx1/`),
    notThem: 'casey.morgan.demo',
  },
  {
    what: 'Instagram post dialog over a profile (es): "Compartir publicación"',
    site: instagram,
    file: 'practice/instagram/post-dialog-es.html',
    share: 'Compartir publicación',
    like: 'Me gusta',
    info: fbInfo(['ig:maria.lopez.demo'], 'maria.lopez.demo', `${IG}/p/C1tAgGedEs2/`),
    notThem: 'lucia.torres.demo',
  },
  {
    what: "Instagram reel's own page: no article, the side panel",
    site: instagram,
    file: 'practice/instagram/reel.html',
    share: 'Share',
    like: 'Like',
    info: fbInfo(['ig:alex.rivera.demo'], 'alex.rivera.demo', `${IG}/reel/C2rEeLdemo1/`),
    notThem: 'jordan.lee.demo',
  },
  {
    what: "Instagram reel's own page (es)",
    site: instagram,
    file: 'practice/instagram/reel-es.html',
    share: 'Compartir',
    like: 'Me gusta',
    info: fbInfo(['ig:maria.lopez.demo'], 'maria.lopez.demo', `${IG}/reel/C2rEeLdemo2/`),
    notThem: 'lucia.torres.demo',
  },
  {
    what: 'Instagram permalink (es): "Compartir publicación" in an article',
    site: instagram,
    file: 'practice/instagram/post-es.html',
    share: 'Compartir publicación',
    like: 'Me gusta',
    info: fbInfo(['ig:maria.lopez.demo'], 'maria.lopez.demo', `${IG}/p/C0dEmOes001/`),
    notThem: 'diego.ramirez.demo',
  },
];

/** The share control: Facebook's labelled button, or the button around Instagram's icon. */
function shareControl(c: ContainerCase, doc: Document): Element {
  const labelled = one(doc, `${c.within ?? ''} [aria-label="${c.share}"]`.trim());
  return c.site === instagram ? (labelled.closest('[role="button"]') as Element) : labelled;
}

/** The comment's own Like: a small heart in a list item, or a text button in an article. */
function commentLike(c: ContainerCase, doc: Document): Element {
  if (c.site === instagram) {
    const hearts = Array.from(doc.querySelectorAll(`li svg[aria-label="${c.like}"]`));
    return hearts[0] as Element;
  }
  return byText(one(doc, `${c.within ?? ''} [role="article"]`.trim()), c.like);
}

describe.each(CASES)('$what', (c) => {
  it('Share is a share of this post; the author is its own header’s', () => {
    const { doc, url } = load(c.file);
    const control = shareControl(c, doc);
    for (const target of [control, innermost(control)]) {
      const match = c.site.postActionAt(target);
      expect(match?.kind).toBe('share');
      expect(match?.control).toBe(control);
      expect(match?.post, 'a post is found').not.toBeNull();
      const info = c.site.postInfo(match?.post as Element, url);
      expect(info).toEqual(c.info);
    }
  });

  it("the post's Like is the post's; a comment's Like is nobody's post action", () => {
    const { doc, url } = load(c.file);
    const likes = Array.from(
      doc.querySelectorAll(`${c.within ?? ''} [aria-label="${c.like}"]`.trim()),
    ).filter((el) => !el.closest('li, [role="article"]'));
    const control = c.site === instagram ? likes[0]?.closest('[role="button"]') : likes[0];
    const match = c.site.postActionAt(control as Element);
    expect(match?.kind).toBe('react');
    expect(c.site.postInfo(match?.post as Element, url).authorName).toBe(c.info.authorName);
    expect(c.site.postActionAt(commentLike(c, doc))).toBeNull();
  });

  it('wherever the pointer rests in the post, the author is never someone else', () => {
    const { doc, url } = load(c.file);
    const post = c.site.postActionAt(shareControl(c, doc))?.post as Element;
    const names = new Set<string | null>();
    for (const el of Array.from(post.querySelectorAll('*'))) {
      const found = c.site.postAt(el);
      if (found) names.add(c.site.postInfo(found, url).authorName);
    }
    expect(names.has(c.info.authorName)).toBe(true);
    expect(names.has(c.notThem)).toBe(false);
    expect([...names].filter((n) => n !== null && n !== c.info.authorName)).toEqual([]);
  });
});

describe('what is not a post', () => {
  it("Facebook's banner (the coach's own profile link) and the photo's neighbours", () => {
    const { doc } = load('practice/facebook/photo.html');
    const own = one(doc, '[role="banner"] a[href$="/sam.rivera.coach"]');
    expect(facebook.postAt(own)).toBeNull();
    // The photo itself, beside the panel: the post's, by its author.
    const photo = one(doc, '[data-visualcompletion="media-vc-image"]');
    const post = facebook.postAt(photo) as Element;
    expect(facebook.postInfo(post, new URL(doc.URL)).authorName).toBe('Alex Rivera Demo');
  });

  it('a hover card and a followers list are dialogs that hold no post', () => {
    const home = load('practice/facebook/home.html').doc;
    const card = one(home, '[role="dialog"]');
    expect(facebook.postAt(innermost(card))).toBeNull();
    const followers = load('real/instagram/ig-followers-dialog_2025-04.html').doc;
    for (const el of Array.from(one(followers, '[role="dialog"]').querySelectorAll('*'))) {
      expect(instagram.postAt(el)).toBeNull();
    }
  });

  it('the profile under an Instagram post dialog is not the post, though the address is', () => {
    for (const file of [
      'practice/instagram/post-dialog.html',
      'practice/instagram/post-dialog-es.html',
    ]) {
      const { doc } = load(file);
      for (const el of Array.from(one(doc, 'main').querySelectorAll('*'))) {
        expect(instagram.postAt(el), file).toBeNull();
      }
      // Closed (the dialog gone), the address still says post: main is the post again.
      one(doc, '[role="dialog"]').remove();
      expect(instagram.postAt(one(doc, 'main header'))).not.toBeNull();
    }
  });

  it('a Facebook notification row is no post: Confirm there is a boundary action', () => {
    for (const [file, confirm] of [
      ['practice/facebook/notifications.html', 'Confirm'],
      ['practice/facebook/notifications-es.html', 'Confirmar'],
    ] as const) {
      const { doc } = load(file);
      const control = one(doc, `[aria-label="${confirm}"]`);
      expect(facebook.postActionAt(control), file).toBeNull();
      expect(facebook.postAt(control), file).toBeNull();
      expect(facebook.actionAt(control)?.kind, file).toBe('confirm-request');
    }
  });

  it('a share sheet dialog with no post link holds no post (Send in Messenger)', () => {
    const { doc } = load('practice/facebook/post-dialog.html');
    const sheet = doc.createElement('div');
    sheet.setAttribute('role', 'dialog');
    const friend = doc.createElement('a');
    friend.setAttribute('href', `${FB}/jordan.lee.demo`);
    friend.textContent = 'Jordan Lee Demo';
    const button = doc.createElement('div');
    button.setAttribute('role', 'button');
    button.setAttribute('aria-label', 'Send in Messenger');
    sheet.append(friend, button);
    doc.body.append(sheet);
    const send = one(sheet, '[aria-label="Send in Messenger"]');
    expect(facebook.postActionAt(send)).toEqual({ kind: 'send', control: send, post: null });
  });
});
