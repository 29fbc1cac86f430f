// @vitest-environment happy-dom
// Facebook actions (actionAt, profileFor, isMessageComposer) on every practice
// page, on a few real captured pages and on small synthetic snippets.
import { describe, expect, it } from 'vitest';
import { facebook, isMessageComposer } from '../../../lib/sites/facebook';
import type { ProfileKey } from '../../../lib/sites/types';
import {
  byText,
  checkExpected,
  checkNothingElse,
  type Expected,
  html,
  inCardOf,
  innermost,
  one,
  page,
  ROUTES,
} from './actions-support';

const P = 'practice/facebook/';

// The menu that "See options" / "Ver opciones" opens, as the profile pages' own script
// writes it into the layer (.xzkaem6); DOMParser runs no scripts, so the tests do it.
function openOptionsMenu(doc: Document, items: readonly string[]): void {
  const menu = doc.createElement('div');
  menu.setAttribute('role', 'menu');
  for (const t of items) {
    const item = doc.createElement('div');
    item.setAttribute('role', 'menuitem');
    item.setAttribute('tabindex', '-1');
    const span = doc.createElement('span');
    span.setAttribute('dir', 'auto');
    span.textContent = t;
    item.append(span);
    menu.append(item);
  }
  one(doc, '.xzkaem6').append(menu);
}

// The button the page adds to the action row once the person is followed.
function addFollowingButton(doc: Document, text: string): void {
  const button = doc.createElement('div');
  button.setAttribute('aria-label', text);
  button.setAttribute('role', 'button');
  const span = doc.createElement('span');
  span.textContent = text;
  button.append(span);
  one(doc, '.x165d6jo').prepend(button);
}

const menuItem = (text: string) => (doc: Document) => byText(one(doc, '[role="menu"]'), text);
const label =
  (l: string, within = '') =>
  (doc: Document) =>
    one(doc, `${within} [aria-label="${l}"]`.trim());

interface PageCase {
  file: string;
  setup?: (doc: Document) => void;
  expected: Expected[];
}

// Who an action is about (a fresh object each time).
const who = (keys: ProfileKey[], name: string | null) => ({ keys, name });
const ALEX = () => who(['fb:alex.rivera.demo'], 'Alex Rivera Demo');
const CASEY_ID = () => who(['fb:id:100012345678901'], 'Casey Morgan Demo');
const MARIA = () => who(['fb:maria.lopez.demo'], 'María López Demo');
const JORDAN = () => who(['fb:jordan.blake.demo'], 'Jordan Blake Demo');
// The hover card's avatar links the numeric id, its name link the username.
const MORGAN_BOTH = () =>
  who(['fb:id:100044455566677', 'fb:morgan.ellis.demo'], 'Morgan Ellis Demo');

const PAGES: PageCase[] = [
  {
    file: 'home.html',
    expected: [
      {
        what: 'PYMK card: Add friend (username)',
        control: (d) => inCardOf(d, '/jordan.lee.demo?', '[aria-label="Add friend"]'),
        kind: 'add-friend',
        keys: ['fb:jordan.lee.demo'],
        name: 'Jordan Lee Demo',
      },
      {
        what: 'PYMK card: Add friend (profile.php?id=)',
        control: (d) => inCardOf(d, 'profile.php?id=100012345678901', '[aria-label="Add friend"]'),
        kind: 'add-friend',
        ...CASEY_ID(),
      },
      {
        what: 'Follow text button beside a post author',
        control: (d) => byText(one(d, '[aria-posinset="2"]'), 'Follow'),
        kind: 'follow',
        keys: ['fb:morgan.ellis.demo'],
        name: 'Morgan Ellis Demo',
      },
      {
        what: 'hover card: Add friend, two keys',
        control: label('Add friend', '[role="dialog"]'),
        kind: 'add-friend',
        ...MORGAN_BOTH(),
      },
      {
        what: 'hover card: Message, two keys',
        control: label('Message', '[role="dialog"]'),
        kind: 'message',
        ...MORGAN_BOTH(),
      },
    ],
  },
  {
    file: 'home-es.html',
    expected: [
      {
        what: 'PYMK (es): Agregar a amigos',
        control: (d) => inCardOf(d, '/lucia.torres.demo?', '[aria-label="Agregar a amigos"]'),
        kind: 'add-friend',
        keys: ['fb:lucia.torres.demo'],
        name: 'Lucía Torres Demo',
      },
      {
        what: 'right-rail friend request (es): Confirmar',
        control: label('Confirmar'),
        kind: 'confirm-request',
        keys: ['fb:id:100066677788899'],
        name: 'Rosa Vega Demo',
      },
      {
        what: 'hover card (es): Agregar a amigos',
        control: label('Agregar a amigos', '[role="dialog"]'),
        kind: 'add-friend',
        ...MARIA(),
      },
      {
        what: 'hover card (es): Enviar mensaje',
        control: label('Enviar mensaje', '[role="dialog"]'),
        kind: 'message',
        ...MARIA(),
      },
      {
        what: 'docked chat (es): Enviar',
        control: label('Enviar'),
        kind: 'send-message',
        keys: ['fb:diego.ramirez.demo'],
        name: 'Diego Ramírez Demo',
      },
    ],
  },
  {
    file: 'profile-other.html',
    setup: (d) => {
      openOptionsMenu(d, ['Follow', 'Find support or report', 'Block']);
      // The state after following: a "Following" button joins the action row.
      addFollowingButton(d, 'Following');
    },
    expected: [
      {
        what: 'header: Add friend',
        control: label('Add friend'),
        kind: 'add-friend',
        ...ALEX(),
      },
      {
        what: 'header: Message',
        control: label('Message'),
        kind: 'message',
        ...ALEX(),
      },
      {
        what: 'See options menu: Follow (in the layer, outside main)',
        control: menuItem('Follow'),
        kind: 'follow',
        ...ALEX(),
      },
    ],
  },
  {
    // No lang= (its English words decide); its message button's wording is in no
    // table, so it is no action: the popup's "not recognized" note tells it.
    file: 'profile-unknown-button.html',
    setup: (d) => openOptionsMenu(d, ['Follow', 'Find support or report', 'Block']),
    expected: [
      {
        what: 'header: Add friend',
        control: label('Add friend'),
        kind: 'add-friend',
        ...JORDAN(),
      },
      {
        what: 'menu: Follow',
        control: menuItem('Follow'),
        kind: 'follow',
        ...JORDAN(),
      },
    ],
  },
  {
    file: 'profile-other-id.html',
    setup: (d) => openOptionsMenu(d, ['Follow', 'Find support or report', 'Block']),
    expected: [
      {
        what: 'header: Add friend',
        control: label('Add friend'),
        kind: 'add-friend',
        ...CASEY_ID(),
      },
      {
        what: 'header: Message',
        control: label('Message'),
        kind: 'message',
        ...CASEY_ID(),
      },
      {
        what: 'menu: Follow',
        control: menuItem('Follow'),
        kind: 'follow',
        ...CASEY_ID(),
      },
    ],
  },
  {
    file: 'profile-other-es.html',
    setup: (d) => {
      openOptionsMenu(d, ['Seguir', 'Buscar ayuda o reportar perfil', 'Bloquear']);
      addFollowingButton(d, 'Siguiendo');
    },
    expected: [
      {
        what: 'header (es): Agregar a amigos',
        control: label('Agregar a amigos'),
        kind: 'add-friend',
        ...MARIA(),
      },
      {
        what: 'header (es): Enviar mensaje',
        control: label('Enviar mensaje'),
        kind: 'message',
        ...MARIA(),
      },
      {
        what: 'menu (es): Seguir',
        control: menuItem('Seguir'),
        kind: 'follow',
        ...MARIA(),
      },
    ],
  },
  // Czech, a language Clearline has no labels for: no button is recognized (the popup says so).
  { file: 'profile-other-cs.html', expected: [] },
  { file: 'profile-own.html', expected: [] },
  { file: 'profile-own-es.html', expected: [] },
  { file: 'post.html', expected: [] },
  { file: 'settings.html', expected: [] },
  // Settings pages read by the privacy check: no covered action on them.
  { file: 'settings-cs.html', expected: [] },
  { file: 'settings-es.html', expected: [] },
  { file: 'settings-followers-es.html', expected: [] },
  { file: 'settings-followers.html', expected: [] },
  { file: 'settings-tagging-es.html', expected: [] },
  { file: 'settings-tagging.html', expected: [] },
  { file: 'settings-audience.html', expected: [] },
  { file: 'settings-audience-es.html', expected: [] },
  { file: 'settings-posts.html', expected: [] },
  { file: 'settings-posts-es.html', expected: [] },
  {
    file: 'messages.html',
    expected: [
      {
        what: 'thread: Press enter to send',
        control: label('Press enter to send'),
        kind: 'send-message',
        ...CASEY_ID(),
      },
    ],
  },
  {
    file: 'search.html',
    expected: [
      {
        what: 'result row: Add friend',
        control: (d) => inCardOf(d, '/alex.rivera.demo', '[aria-label="Add friend"]'),
        kind: 'add-friend',
        ...ALEX(),
      },
      {
        what: 'result row: Message',
        control: (d) => inCardOf(d, '/alex.kim.demo', '[aria-label="Message"]'),
        kind: 'message',
        keys: ['fb:alex.kim.demo'],
        name: 'Alex Kim Demo',
      },
      {
        what: 'result row: Add friend (profile.php?id=)',
        control: (d) => inCardOf(d, 'id=100098765432109', '[aria-label="Add friend"]'),
        kind: 'add-friend',
        keys: ['fb:id:100098765432109'],
        name: 'Alexis Park Demo',
      },
    ],
  },
  { file: 'photo.html', expected: [] },
  { file: 'photo-es.html', expected: [] },
  { file: 'video.html', expected: [] },
  { file: 'video-es.html', expected: [] },
  { file: 'post-dialog.html', expected: [] },
  { file: 'post-dialog-es.html', expected: [] },
  { file: 'permalink.html', expected: [] },
  { file: 'post-es.html', expected: [] },
  {
    file: 'notifications.html',
    expected: [
      {
        what: 'notification row: Confirm names the actor, not the whole row',
        control: label('Confirm'),
        kind: 'confirm-request',
        keys: ['fb:taylor.brooks.demo'],
        name: 'Taylor Brooks Demo',
      },
    ],
  },
  {
    file: 'notifications-es.html',
    expected: [
      {
        what: 'notification row (es): Confirmar names the actor, not the whole row',
        control: label('Confirmar'),
        kind: 'confirm-request',
        keys: ['fb:carla.ruiz.demo'],
        name: 'Carla Ruiz Demo',
      },
    ],
  },
  {
    file: 'friend-requests.html',
    expected: [
      {
        what: 'request card: Confirm',
        control: (d) => inCardOf(d, '/taylor.brooks.demo', '[aria-label="Confirm"]'),
        kind: 'confirm-request',
        keys: ['fb:taylor.brooks.demo'],
        name: 'Taylor Brooks Demo',
      },
      {
        what: 'request card: Confirm (profile.php?id=)',
        control: (d) => inCardOf(d, 'id=100077788899900', '[aria-label="Confirm"]'),
        kind: 'confirm-request',
        keys: ['fb:id:100077788899900'],
        name: 'Robin Diaz Demo',
      },
    ],
  },
];

describe('facebook actions on the practice pages', () => {
  it('covers every Facebook practice page and every action kind but follow-back', () => {
    const files = new Set(PAGES.map((p) => P + p.file));
    const routed = ROUTES.map((r) => r.file).filter((f) => f.startsWith(P));
    expect(routed.filter((f) => !files.has(f))).toEqual([]);
    const kinds = new Set(PAGES.flatMap((p) => p.expected.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual(
      ['add-friend', 'confirm-request', 'follow', 'message', 'send-message'].sort(),
    );
  });

  describe.each(PAGES)('$file', ({ file, setup, expected }) => {
    const load = () => {
      const p = page(P + file);
      setup?.(p.doc);
      return p;
    };

    if (expected.length > 0) {
      it.each(expected.map((e) => [e.what, e] as const))('%s', (_what, e) => {
        const { doc, url } = load();
        checkExpected(facebook, doc, url, [e]);
      });
    }

    it('recognizes nothing else, wherever the click lands', () => {
      const { doc } = load();
      checkNothingElse(facebook, doc, expected);
    });
  });
});

describe('facebook actions on real captured pages (older markup)', () => {
  const REAL: [string, Expected[]][] = [
    [
      'real/facebook-mobile/m-facebook-people-search-result-add-friend_2017.html',
      [
        {
          what: 'm.facebook search result: a[aria-label="Add Friend"], name from the avatar label',
          control: label('Add Friend'),
          kind: 'add-friend',
          ...who(['fb:id:100007384814243'], 'John Smith'),
        },
      ],
    ],
    [
      'real/facebook-mobile/m-facebook-people-search-result-add-friend-2_2017.html',
      [
        {
          what: 'm.facebook search result: Add Friend, username profile',
          control: label('Add Friend'),
          kind: 'add-friend',
          ...who(['fb:johnjohn.doe'], 'John-john Doe'),
        },
      ],
    ],
    [
      'real/facebook-classic/fb-classic-feed-post-with-add-friend-button_2016.html',
      [
        {
          what: 'classic feed: aria-label="Add <Name> as a friend"',
          control: label('Add Edoardo Pavesi as a friend'),
          kind: 'add-friend',
          ...who(['fb:dodo.pavesi'], 'Edoardo Pavesi'),
        },
      ],
    ],
    ['real/facebook-classic/fb-classic-feed-page-post-propublica_2018-04.html', []],
    ['real/facebook-classic/fb-classic-feed-post-reacted-by-friend_2016.html', []],
    ['real/facebook-classic/fb-classic-feed-sponsored-post_2016.html', []],
    ['real/facebook-classic/fb-classic-feed-sponsored-ufi2_2018-12.html', []],
    ['real/facebook-mobile/m-facebook-page-posts-loggedin_2021-06.html', []],
    ['real/facebook-mobile/m-facebook-page-posts-loggedout_2021-06.html', []],
    ['real/facebook-mobile/m-facebook-public-group-feed_2021-06.html', []],
    ['real/facebook-mobile/m-facebook-story-permalink-loggedin_2021-06.html', []],
    ['real/facebook-mobile/m-facebook-settings-index_2021-06.html', []],
  ];

  it.each(REAL)('%s', (file, expected) => {
    const { doc, url } = page(file);
    checkExpected(facebook, doc, url, expected);
    checkNothingElse(facebook, doc, expected);
  });
});

describe('facebook actionAt on snippets', () => {
  it.each([
    ['Following', '<div role="button" aria-label="Following"><span>Following</span></div>'],
    ['Friends', '<div role="button" aria-label="Friends"><span>Friends</span></div>'],
    ['Like', '<div role="button" aria-label="Like"><span>Like</span></div>'],
    [
      'Share',
      '<div role="button" aria-label="Send this to friends or post it on your profile."><span>Share</span></div>',
    ],
    ['Comment', '<div role="button" aria-label="Leave a comment"><span>Comment</span></div>'],
    [
      'Edit profile',
      '<a role="link" aria-label="Edit profile" href="#"><span>Edit profile</span></a>',
    ],
    ['See options', '<div role="button" aria-label="See options" aria-haspopup="menu">⋯</div>'],
    [
      'Message requests',
      '<a role="link" href="/messages/requests/"><span>Message requests</span></a>',
    ],
    [
      'Cancel request',
      '<div role="button" aria-label="Cancel request"><span>Cancel request</span></div>',
    ],
    ['Add friends (plural)', '<div role="button"><span>Add friends</span></div>'],
    [
      'Add to story',
      '<a role="link" aria-label="Add to story" href="/stories/create/">Add to story</a>',
    ],
    [
      'a profile link',
      '<a role="link" href="https://www.facebook.com/jane.doe"><span>Jane Doe</span></a>',
    ],
    [
      'the composer itself',
      '<div role="textbox" contenteditable="true" aria-label="Message"><p>Message</p></div>',
    ],
    [
      'aria-label wins over text',
      '<div role="button" aria-label="Friends"><span>Add friend</span></div>',
    ],
    [
      'aria-disabled',
      '<div role="button" aria-disabled="true" aria-label="Add friend">Add friend</div>',
    ],
  ])('%s: null', (_what, markup) => {
    const doc = html(`<div role="main">${markup}</div>`);
    for (const el of Array.from(doc.querySelectorAll('[role="main"] *'))) {
      expect(facebook.actionAt(el)).toBeNull();
    }
  });

  it.each([
    ['Add Friend', 'add-friend'],
    ['ADD FRIEND', 'add-friend'],
    ['Añadir a amigos', 'add-friend'],
    ['Add Jane Doe as a friend', 'add-friend'],
    ['Confirm request', 'confirm-request'],
    ['Confirmar', 'confirm-request'],
    ['Seguir', 'follow'],
    ['Mensaje', 'message'],
    ['Send', 'send-message'],
    ['Press Enter to send', 'send-message'],
  ] as const)('aria-label "%s" is %s', (l, kind) => {
    const doc = html(`<div role="button" aria-label="${l}"><i></i></div>`);
    expect(facebook.actionAt(one(doc, 'i'))?.kind).toBe(kind);
  });

  it('reads visible text when there is no aria-label, across nested spans', () => {
    const doc = html(
      '<div role="button"><div><span> Add </span><span>friend</span></div><svg><title>icon</title></svg></div>',
    );
    expect(facebook.actionAt(one(doc, 'title'))?.kind).toBe('add-friend');
  });

  it('resolves a click on the svg or span inside a button to the button', () => {
    const doc = html(
      '<div aria-label="Add friend" role="button" tabindex="0"><div><i></i><span><span>Add friend</span></span><svg><path d="M0 0"></path></svg></div></div>',
    );
    const control = one(doc, '[role="button"]');
    expect(facebook.actionAt(one(doc, 'path'))).toEqual({ kind: 'add-friend', control });
    expect(facebook.actionAt(innermost(one(doc, 'span')))).toEqual({ kind: 'add-friend', control });
  });

  it('reads a menu item by its title when a description line follows', () => {
    const doc = html(
      '<div role="menu"><div role="menuitem"><svg><title>icon</title></svg><span>Follow</span><span>See their posts in Feed, in Reels and in Stories, wherever they share them with you</span></div><div role="menuitem"><span>Unfollow</span><span>Stop seeing posts</span></div></div>',
    );
    const [follow, unfollow] = Array.from(
      doc.querySelectorAll('[role="menuitem"] > span:first-of-type'),
    );
    expect(facebook.actionAt(follow!)?.kind).toBe('follow');
    expect(facebook.actionAt(unfollow!)).toBeNull();
  });
});

describe('facebook profileFor on snippets', () => {
  const HOME = new URL('https://www.facebook.com/');
  const find = (doc: Document, l: string) => {
    const match = facebook.actionAt(one(doc, `[aria-label="${l}"]`));
    if (!match) throw new Error(`no action at ${l}`);
    return match;
  };

  it('keeps a name with markup as text (textContent, never HTML)', () => {
    const doc = html(
      `<div role="dialog"><a href="/jane.doe"><strong>&lt;img src=x onerror=alert(1)&gt;<em>Jane</em></strong></a>
      <div role="button" aria-label="Add friend"></div></div>`,
    );
    expect(facebook.profileFor(find(doc, 'Add friend'), HOME)).toEqual({
      keys: ['fb:jane.doe'],
      name: '<img src=x onerror=alert(1)>Jane',
    });
  });

  it('collects both keys of one person and skips a mutual friend', () => {
    const doc = html(
      `<div role="dialog"><a aria-label="Jane Doe" href="/profile.php?id=100001"><svg></svg></a>
      <a href="https://www.facebook.com/jane.doe?__tn__=x"><span>Jane Doe</span></a>
      <span>Mutual friend: <a href="/sam.lee.demo">Sam Lee</a></span>
      <a href="/jane.doe/friends">12 friends</a>
      <div role="button" aria-label="Message"></div></div>`,
    );
    expect(facebook.profileFor(find(doc, 'Message'), HOME)).toEqual({
      keys: ['fb:id:100001', 'fb:jane.doe'],
      name: 'Jane Doe',
    });
  });

  it('keeps at most four keys', () => {
    const links = [1, 2, 3, 4, 5].map((n) => `<a href="/profile.php?id=${n}">Jo Doe</a>`).join('');
    const doc = html(
      `<div role="dialog">${links}<div role="button" aria-label="Add friend"></div></div>`,
    );
    expect(facebook.profileFor(find(doc, 'Add friend'), HOME).keys).toEqual([
      'fb:id:1',
      'fb:id:2',
      'fb:id:3',
      'fb:id:4',
    ]);
  });

  it("on a profile page, the header's Add friend is the page's person, with its other key", () => {
    const url = new URL('https://www.facebook.com/jane.doe');
    const doc = html(
      `<div role="main"><div><a aria-label="Jane Doe" href="/profile.php?id=100001"><svg></svg></a>
      <div><h1>Jane Doe</h1><a href="/jane.doe/friends">300 friends</a></div>
      <div><div role="button" aria-label="Add friend"><span>Add friend</span></div></div></div>
      <div><a href="/kim.demo.person">Kim Demo</a><div role="button" aria-label="Add friend"></div></div></div>`,
    );
    const [header, card] = Array.from(doc.querySelectorAll('[aria-label="Add friend"]'));
    const at = (el: Element) => {
      const m = facebook.actionAt(el);
      if (!m) throw new Error('no action');
      return facebook.profileFor(m, url);
    };
    expect(at(header!)).toEqual({ keys: ['fb:jane.doe', 'fb:id:100001'], name: 'Jane Doe' });
    // A suggestion card on the same page is about its own person.
    expect(at(card!)).toEqual({ keys: ['fb:kim.demo.person'], name: 'Kim Demo' });
  });

  it('gives no one when nothing near the control names a person', () => {
    const doc = html(
      `<div role="main"><div><a href="/jane.doe">Jane Doe</a><div role="article"><div><div role="button" aria-label="Add friend"></div></div></div></div></div>`,
    );
    expect(facebook.profileFor(find(doc, 'Add friend'), HOME)).toEqual({ keys: [], name: null });
    const bare = html('<div role="button" aria-label="Message"></div>');
    expect(facebook.profileFor(find(bare, 'Message'), HOME)).toEqual({ keys: [], name: null });
  });

  it('in an end-to-end encrypted thread, the header link names the person', () => {
    const url = new URL('https://www.facebook.com/messages/e2ee/t/7412589630');
    const doc = html(
      `<div role="main"><div><a href="/profile.php?id=100001" aria-label="Jane Doe"></a></div>
      <div role="grid"><div role="row"><a href="/kim.demo.person">Kim Demo</a></div></div>
      <div><div role="textbox" contenteditable="true" aria-label="Message"></div><div role="button" aria-label="Press enter to send"></div></div></div>`,
    );
    expect(facebook.profileFor(find(doc, 'Press enter to send'), url)).toEqual({
      keys: ['fb:id:100001'],
      name: 'Jane Doe',
    });
  });
});

describe('facebook isMessageComposer', () => {
  it('is the Messenger composer (thread page, docked chat in Spanish), not a comment box', () => {
    for (const file of ['messages.html', 'home-es.html']) {
      const box = one(page(P + file).doc, '[role="textbox"][contenteditable="true"]');
      expect(isMessageComposer(box)).toBe(true);
      expect(isMessageComposer(one(box, 'p'))).toBe(true);
      expect(facebook.isMessageComposer(box)).toBe(true);
    }
    const comment = one(page(P + 'post.html').doc, '[role="textbox"]');
    expect(isMessageComposer(comment)).toBe(false);
    const search = one(page(P + 'home.html').doc, 'input[type="search"]');
    expect(isMessageComposer(search)).toBe(false);
  });
});
