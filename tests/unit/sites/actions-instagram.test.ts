// @vitest-environment happy-dom
// Instagram actions (actionAt, profileFor, isMessageComposer) on every practice
// page, on the two real 2025-04 captures and on small synthetic snippets.
import { describe, expect, it } from 'vitest';
import { instagram, isMessageComposer } from '../../../lib/sites/instagram';
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

const P = 'practice/instagram/';
const who = (keys: ProfileKey[], name: string | null) => ({ keys, name });
const text =
  (t: string, nth = 0) =>
  (doc: Document) =>
    byText(doc, t, nth);

interface PageCase {
  file: string;
  expected: Expected[];
}

const PAGES: PageCase[] = [
  {
    file: 'profile-other.html',
    expected: [
      {
        what: 'header: Follow (button > div > div)',
        control: text('Follow'),
        kind: 'follow',
        ...who(['ig:alex.rivera.demo'], 'alex.rivera.demo'),
      },
      {
        what: 'header: Message (div[role=button])',
        control: text('Message'),
        kind: 'message',
        ...who(['ig:alex.rivera.demo'], 'alex.rivera.demo'),
      },
    ],
  },
  {
    // Its message button's wording is in no table: no action, and the popup says so.
    file: 'profile-unknown-button-es.html',
    expected: [
      {
        what: 'header (es): Seguir',
        control: text('Seguir'),
        kind: 'follow',
        ...who(['ig:lucia.mendez.demo'], 'lucia.mendez.demo'),
      },
    ],
  },
  {
    file: 'profile-other-es.html',
    expected: [
      {
        what: 'header (es): Seguir',
        control: text('Seguir'),
        kind: 'follow',
        ...who(['ig:maria.lopez.demo'], 'maria.lopez.demo'),
      },
      {
        what: 'header (es): Enviar mensaje',
        control: text('Enviar mensaje'),
        kind: 'message',
        ...who(['ig:maria.lopez.demo'], 'maria.lopez.demo'),
      },
    ],
  },
  {
    file: 'profile-follow-back.html',
    expected: [
      {
        what: 'header: Follow Back',
        control: text('Follow Back'),
        kind: 'follow-back',
        ...who(['ig:jordan.lee.demo'], 'jordan.lee.demo'),
      },
      {
        what: 'header: Message',
        control: text('Message'),
        kind: 'message',
        ...who(['ig:jordan.lee.demo'], 'jordan.lee.demo'),
      },
    ],
  },
  {
    file: 'profile-follow-back-es.html',
    expected: [
      {
        what: 'header (es): Seguir también',
        control: text('Seguir también'),
        kind: 'follow-back',
        ...who(['ig:taylor.brooks.demo'], 'taylor.brooks.demo'),
      },
      {
        what: 'header (es): Enviar mensaje',
        control: text('Enviar mensaje'),
        kind: 'message',
        ...who(['ig:taylor.brooks.demo'], 'taylor.brooks.demo'),
      },
    ],
  },
  { file: 'profile-own.html', expected: [] },
  {
    file: 'post.html',
    expected: [
      {
        what: 'post header: Follow beside the author',
        control: text('Follow'),
        kind: 'follow',
        ...who(['ig:alex.rivera.demo'], 'alex.rivera.demo'),
      },
    ],
  },
  {
    file: 'post-es.html',
    expected: [
      {
        what: 'post header (es): Seguir beside the author',
        control: text('Seguir'),
        kind: 'follow',
        ...who(['ig:maria.lopez.demo'], 'maria.lopez.demo'),
      },
    ],
  },
  {
    file: 'post-dialog.html',
    expected: [
      {
        what: 'profile under a post dialog: Follow is about the profile',
        control: text('Follow'),
        kind: 'follow',
        ...who(['ig:casey.morgan.demo'], 'casey.morgan.demo'),
      },
      {
        what: 'profile under a post dialog: Message',
        control: text('Message'),
        kind: 'message',
        ...who(['ig:casey.morgan.demo'], 'casey.morgan.demo'),
      },
      {
        what: "post dialog: Follow beside the post's author",
        control: text('Follow', 1),
        kind: 'follow',
        ...who(['ig:alex.rivera.demo'], 'alex.rivera.demo'),
      },
    ],
  },
  {
    file: 'post-dialog-es.html',
    expected: [
      {
        what: 'profile under a post dialog (es): Seguir',
        control: text('Seguir'),
        kind: 'follow',
        ...who(['ig:lucia.torres.demo'], 'lucia.torres.demo'),
      },
      {
        what: 'profile under a post dialog (es): Mensaje',
        control: text('Mensaje'),
        kind: 'message',
        ...who(['ig:lucia.torres.demo'], 'lucia.torres.demo'),
      },
      {
        what: "post dialog (es): Seguir beside the post's author",
        control: text('Seguir', 1),
        kind: 'follow',
        ...who(['ig:maria.lopez.demo'], 'maria.lopez.demo'),
      },
    ],
  },
  {
    file: 'reel.html',
    expected: [
      {
        what: 'reel panel: Follow beside the author',
        control: text('Follow'),
        kind: 'follow',
        ...who(['ig:alex.rivera.demo'], 'alex.rivera.demo'),
      },
    ],
  },
  {
    file: 'reel-es.html',
    expected: [
      {
        what: 'reel panel (es): Seguir beside the author',
        control: text('Seguir'),
        kind: 'follow',
        ...who(['ig:maria.lopez.demo'], 'maria.lopez.demo'),
      },
    ],
  },
  { file: 'messages.html', expected: [] },
  {
    file: 'thread.html',
    expected: [
      {
        what: 'thread: Send',
        control: text('Send'),
        kind: 'send-message',
        ...who(['ig:alex.rivera.demo'], 'Alex Rivera Demo'),
      },
    ],
  },
  {
    file: 'thread-es.html',
    expected: [
      {
        what: 'thread (es): Enviar',
        control: text('Enviar'),
        kind: 'send-message',
        ...who(['ig:maria.lopez.demo'], 'María López Demo'),
      },
    ],
  },
  {
    file: 'search.html',
    expected: [
      {
        what: 'result row: Follow',
        control: (d) => inCardOf(d, '/alex.rivera.demo/', 'button'),
        kind: 'follow',
        ...who(['ig:alex.rivera.demo'], 'alex.rivera.demo'),
      },
      {
        what: 'result row: Follow (underscore in the name)',
        control: (d) => inCardOf(d, '/alexis_park.demo/', 'button'),
        kind: 'follow',
        ...who(['ig:alexis_park.demo'], 'alexis_park.demo'),
      },
    ],
  },
  { file: 'settings.html', expected: [] },
  // Settings pages read by the privacy check: no covered action on them.
  { file: 'edit-profile-es.html', expected: [] },
  { file: 'edit-profile.html', expected: [] },
  { file: 'edit-profile-old.html', expected: [] },
  { file: 'edit-profile-old-es.html', expected: [] },
  { file: 'edit-profile-new.html', expected: [] },
  { file: 'edit-profile-new-es.html', expected: [] },
  { file: 'messages-activity.html', expected: [] },
  { file: 'messages-activity-es.html', expected: [] },
  { file: 'message-requests-es.html', expected: [] },
  { file: 'message-requests.html', expected: [] },
  { file: 'privacy-security-cs.html', expected: [] },
  { file: 'privacy-security-es.html', expected: [] },
  { file: 'privacy-security.html', expected: [] },
  { file: 'settings-es.html', expected: [] },
  { file: 'tags-mentions-es.html', expected: [] },
  { file: 'tags-mentions.html', expected: [] },
  {
    file: 'follow-requests.html',
    expected: [
      {
        what: 'request row: Confirm',
        control: (d) => inCardOf(d, '/jordan.lee.demo/', 'button'),
        kind: 'confirm-request',
        ...who(['ig:jordan.lee.demo'], 'jordan.lee.demo'),
      },
      {
        what: 'request row: Confirm (second row)',
        control: (d) => inCardOf(d, '/taylor.brooks.demo/', 'button'),
        kind: 'confirm-request',
        ...who(['ig:taylor.brooks.demo'], 'taylor.brooks.demo'),
      },
    ],
  },
  {
    file: 'follow-requests-es.html',
    expected: [
      {
        what: 'request row (es): Confirmar',
        control: (d) => inCardOf(d, '/diego.ramirez.demo/', 'button'),
        kind: 'confirm-request',
        ...who(['ig:diego.ramirez.demo'], 'diego.ramirez.demo'),
      },
      {
        what: 'request row (es): Confirmar (second row)',
        control: (d) => inCardOf(d, '/rosa.vega.demo/', 'button'),
        kind: 'confirm-request',
        ...who(['ig:rosa.vega.demo'], 'rosa.vega.demo'),
      },
    ],
  },
];

describe('instagram actions on the practice pages', () => {
  it('covers every Instagram practice page and every action kind but add-friend', () => {
    const files = new Set(PAGES.map((p) => P + p.file));
    const routed = ROUTES.map((r) => r.file).filter((f) => f.startsWith(P));
    expect(routed.filter((f) => !files.has(f))).toEqual([]);
    const kinds = new Set(PAGES.flatMap((p) => p.expected.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual(
      ['confirm-request', 'follow', 'follow-back', 'message', 'send-message'].sort(),
    );
  });

  describe.each(PAGES)('$file', ({ file, expected }) => {
    if (expected.length > 0) {
      it.each(expected.map((e) => [e.what, e] as const))('%s', (_what, e) => {
        const { doc, url } = page(P + file);
        checkExpected(instagram, doc, url, [e]);
      });
    }

    it('recognizes nothing else, wherever the click lands', () => {
      checkNothingElse(instagram, page(P + file).doc, expected);
    });
  });
});

describe('instagram actions on the real 2025-04 captures', () => {
  const R = 'real/instagram/';
  // "Suggested for you" rows in the home feed's right rail, in page order.
  const SUGGESTED = ['dborecky', 'biding.time', 'lil_yeasty', 'wizardofwoz', 'jj_gjp'];
  const HOME: Expected[] = [
    ...SUGGESTED.map((user): Expected => ({
      what: `Suggested for you: Follow ${user}`,
      control: (d) => inCardOf(d, `/${user}/`, 'button'),
      kind: 'follow',
      ...who([`ig:${user}`], user),
    })),
    {
      what: "profile preview (hover card without a role): Message, beside a 'Following'",
      control: text('Message'),
      kind: 'message',
      ...who(['ig:robertkarpay'], 'robertkarpay'),
    },
  ];
  // The followers dialog's rows that offer Follow (the others say Following).
  const FOLLOWERS = ['fanibbear', 'godstears', 'lizzypooey'];
  const DIALOG: Expected[] = [
    {
      what: "profile header behind the dialog: Message (the page's own profile)",
      control: text('Message'),
      kind: 'message',
      ...who(['ig:hausoftiffany'], 'hausoftiffany'),
    },
    ...FOLLOWERS.map((user): Expected => ({
      what: `followers dialog row: Follow ${user}`,
      control: (d) => inCardOf(d, `/${user}/`, 'button'),
      kind: 'follow',
      ...who([`ig:${user}`], user),
    })),
  ];

  it.each([
    ['ig-home-feed_2025-04.html', HOME],
    ['ig-followers-dialog_2025-04.html', DIALOG],
  ] as const)('%s: every action, with its person', (file, expected) => {
    const { doc, url } = page(R + file);
    checkExpected(instagram, doc, url, expected);
    checkNothingElse(instagram, doc, expected);
  });

  it('the followers dialog rows sit inside [role=dialog], the header outside it', () => {
    const { doc } = page(R + 'ig-followers-dialog_2025-04.html');
    expect(byText(doc, 'Message').closest('[role="dialog"]')).toBeNull();
    expect(inCardOf(doc, '/fanibbear/', 'button').closest('[role="dialog"]')).not.toBeNull();
  });
});

const PROFILE = new URL('https://www.instagram.com/jane_doe/');
const HOME_URL = new URL('https://www.instagram.com/');

describe('instagram actionAt on snippets', () => {
  it.each([
    [
      'Following (with the chevron svg title)',
      '<button type="button"><div dir="auto">Following</div><svg aria-label="Down chevron icon" role="img"><title>Down chevron icon</title></svg></button>',
    ],
    ['Requested', '<button type="button"><div dir="auto">Requested</div></button>'],
    ['Solicitado', '<button type="button">Solicitado</button>'],
    ['Siguiendo', '<button type="button">Siguiendo</button>'],
    ['Message requests', '<a href="/direct/requests/" role="link">Message requests</a>'],
    ['Send message (inbox)', '<div role="button" tabindex="0">Send message</div>'],
    ['Edit profile', '<a href="/accounts/edit/" role="link">Edit profile</a>'],
    ['Unfollow', '<button type="button">Unfollow</button>'],
    ['a substring: Follow us', '<button type="button">Follow us</button>'],
    [
      'Like (svg label only)',
      '<div role="button"><svg aria-label="Like" role="img"><title>Like</title></svg></div>',
    ],
    ['a profile link', '<a href="/jane_doe/" role="link"><span>jane_doe</span></a>'],
    ['text outside any control', '<div><span>Follow</span></div>'],
    ['a disabled Follow', '<button type="button" disabled>Follow</button>'],
  ])('%s: null', (_what, markup) => {
    const doc = html(`<main role="main">${markup}</main>`);
    for (const el of Array.from(doc.querySelectorAll('main *'))) {
      expect(instagram.actionAt(el)).toBeNull();
    }
  });

  it('spacing and case are normalized, not substrings', () => {
    const doc = html('<button type="button">  follow\n back </button><button>FOLLOW</button>');
    const [a, b] = Array.from(doc.querySelectorAll('button'));
    expect(instagram.actionAt(a!)?.kind).toBe('follow-back');
    expect(instagram.actionAt(b!)?.kind).toBe('follow');
  });

  it('resolves a click on the svg inside a button to the button', () => {
    const doc = html(
      '<div role="button" tabindex="0"><span><span><svg role="img"><path d="M0 0"></path></svg></span>Message</span></div>',
    );
    const path = one(doc, 'path');
    expect(instagram.actionAt(path)).toEqual({
      kind: 'message',
      control: one(doc, '[role=button]'),
    });
  });

  it('walks up any number of ancestors to the control', () => {
    // button > span > div × n > b: the button is n + 2 levels above the <b>.
    const deep = (n: number) =>
      html(`<button><span>${'<div>'.repeat(n)}<b>Follow</b>${'</div>'.repeat(n)}</span></button>`);
    expect(instagram.actionAt(one(deep(4), 'b'))?.kind).toBe('follow');
    expect(instagram.actionAt(one(deep(40), 'b'))?.kind).toBe('follow');
  });

  it('ignores controls beside the own-profile Edit profile link', () => {
    const doc = html(
      '<header><div><a href="/accounts/edit/">Edit profile</a><div role="button">Message</div></div></header>',
    );
    expect(instagram.actionAt(byText(doc, 'Message'))).toBeNull();
  });
});

describe('instagram profileFor on snippets', () => {
  const find = (doc: Document, t: string) => {
    const match = instagram.actionAt(innermost(byText(doc, t)));
    if (!match) throw new Error(`no action at ${t}`);
    return match;
  };

  it('keeps a name with markup-like text as text', () => {
    const doc = html(
      `<div role="dialog"><div><a href="/jane_doe/"><span>&lt;img src=x onerror=alert(1)&gt; <b>Jane</b></span></a>
      <button>Follow</button></div></div>`,
    );
    expect(instagram.profileFor(find(doc, 'Follow'), HOME_URL)).toEqual({
      keys: ['ig:jane_doe'],
      name: '<img src=x onerror=alert(1)> Jane',
    });
  });

  it('says it cannot tell when the row has no profile link', () => {
    const doc = html(
      `<main role="main"><div><a href="/someone/">someone</a><ul><li><span>jane_doe</span><button>Follow</button></li></ul></div></main>`,
    );
    expect(instagram.profileFor(find(doc, 'Follow'), HOME_URL)).toEqual({ keys: [], name: null });
  });

  it('skips other people named in the same row (a bio mention)', () => {
    const doc = html(
      `<main role="main"><header><h2>jane_doe</h2><button>Follow</button>
      <span>Mom of <a href="/kid_doe/">@kid_doe</a></span></header></main>`,
    );
    expect(instagram.profileFor(find(doc, 'Follow'), PROFILE)).toEqual({
      keys: ['ig:jane_doe'],
      name: 'jane_doe',
    });
  });

  it('resolves relative and absolute hrefs against the page, ignoring other hosts', () => {
    const doc = html(
      `<div role="dialog"><a href="https://www.threads.net/@jane_doe">threads</a>
      <a href="jane_doe/">jane_doe</a><button>Follow</button></div>`,
    );
    expect(instagram.profileFor(find(doc, 'Follow'), HOME_URL)).toEqual({
      keys: ['ig:jane_doe'],
      name: 'jane_doe',
    });
  });

  it('in a thread, the header link names the person even far from Send', () => {
    const url = new URL('https://www.instagram.com/direct/t/340282366841710300949128/');
    const doc = html(
      `<main role="main"><div><a href="/jane_doe/">Jane Doe</a></div>
      <div><div><div><a href="/p/C0de/">a shared post</a><a href="/someone_else/">someone_else</a></div></div></div>
      <div><div><div role="textbox" contenteditable="true" aria-label="Message"></div></div>
      <div><div role="button">Send</div></div></div></main>`,
    );
    expect(instagram.profileFor(find(doc, 'Send'), url)).toEqual({
      keys: ['ig:jane_doe'],
      name: 'Jane Doe',
    });
  });
});

describe('instagram isMessageComposer', () => {
  it('is the Direct composer (en, es), not the comment box', () => {
    for (const file of ['thread.html', 'thread-es.html']) {
      const { doc } = page(P + file);
      const box = one(doc, '[role="textbox"][contenteditable="true"]');
      expect(isMessageComposer(box)).toBe(true);
      expect(isMessageComposer(one(box, 'p'))).toBe(true);
      expect(instagram.isMessageComposer(box)).toBe(true);
      expect(instagram.actionAt(box)).toBeNull();
    }
    const post = page(P + 'post.html').doc;
    expect(isMessageComposer(one(post, 'textarea'))).toBe(false);
    const other = html('<div role="textbox" contenteditable="false" aria-label="Message"></div>');
    expect(isMessageComposer(one(other, 'div'))).toBe(false);
  });
});
