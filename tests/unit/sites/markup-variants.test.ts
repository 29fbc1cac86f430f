// @vitest-environment happy-dom
// Ordinary markup the matcher must not miss (issue 21 point 6; synthetic snippets,
// each a shape seen on Meta's sites in some generation): a control in an open
// shadow root, a name only from aria-labelledby, svg <title>, title= or CSS
// ::before, invisible characters or "+ " decoration in a label, a click target
// deep inside the control, <input type=submit value="Add Friend"> (m.facebook.com).
// Both sites, English and Spanish labels, boundary actions and post actions.
import { describe, expect, it, vi } from 'vitest';
import { facebook } from '../../../lib/sites/facebook';
import { instagram } from '../../../lib/sites/instagram';
import { FACEBOOK_LABEL_TABLES } from '../../../lib/sites/facebook';
import { INSTAGRAM_LABEL_TABLES } from '../../../lib/sites/instagram';
import { FACEBOOK_AUDIT_LABEL_TABLES } from '../../../lib/sites/facebook/audit';
import { INSTAGRAM_AUDIT_LABEL_TABLES } from '../../../lib/sites/instagram/audit';
import {
  type Bilingual,
  type LabelTable,
  bothLanguages,
  contentText,
  normalizeLabel,
} from '../../../lib/sites/engine/labels';
import type { ActionKind, ProfileKey, SiteAdapter } from '../../../lib/sites/types';
import { html, innermost, one } from './actions-support';

const FB_HOME = new URL('https://www.facebook.com/');
const IG_HOME = new URL('https://www.instagram.com/');

// A suggestion card (one person, one profile link) around `control`, per site.
const fbCard = (control: string) =>
  `<div role="main"><div role="listitem"><a href="/jordan.lee.demo"><span>Jordan Lee Demo</span></a>${control}</div></div>`;
const igRow = (control: string) =>
  `<main role="main"><div role="dialog"><div><a href="/jane_doe/" role="link"><span>jane_doe</span></a>${control}</div></div></main>`;
const FB_PERSON = { keys: ['fb:jordan.lee.demo'] as ProfileKey[], name: 'Jordan Lee Demo' };
const IG_PERSON = { keys: ['ig:jane_doe'] as ProfileKey[], name: 'jane_doe' };

interface Site {
  adapter: SiteAdapter;
  wrap: (control: string) => string;
  url: URL;
  person: { keys: ProfileKey[]; name: string };
}
const SITES: Record<'facebook' | 'instagram', Site> = {
  facebook: { adapter: facebook, wrap: fbCard, url: FB_HOME, person: FB_PERSON },
  instagram: { adapter: instagram, wrap: igRow, url: IG_HOME, person: IG_PERSON },
};

/** Clicks (actionAt) on the control's innermost element: kind, control, and the card's person. */
function expectAction(site: Site, doc: Document | ShadowRoot, kind: ActionKind, target?: Element) {
  const control = one(doc, '[data-control]');
  const match = site.adapter.actionAt(target ?? innermost(control));
  expect(match?.kind).toBe(kind);
  expect(match?.control).toBe(control);
  if (match) expect(site.adapter.profileFor(match, site.url)).toEqual(site.person);
}

// Each name source, alone on the control: [what, site, markup, kind].
const NAMED: [string, 'facebook' | 'instagram', string, ActionKind][] = [
  [
    'aria-labelledby (en)',
    'facebook',
    '<span id="n1" hidden>Add friend</span><div data-control role="button" aria-labelledby="n1"><i></i></div>',
    'add-friend',
  ],
  [
    'aria-labelledby, two ids (es)',
    'facebook',
    '<span id="a1">Agregar a</span><span id="a2">amigos</span><div data-control role="button" aria-labelledby="a1 a2"><i></i></div>',
    'add-friend',
  ],
  [
    'aria-labelledby (en)',
    'instagram',
    '<span id="f1" hidden>Follow</span><div data-control role="button" aria-labelledby="f1"><svg></svg></div>',
    'follow',
  ],
  [
    'aria-labelledby (es)',
    'instagram',
    '<span id="f2">Seguir también</span><button data-control aria-labelledby="f2"><svg></svg></button>',
    'follow-back',
  ],
  [
    'input type=submit value (en, m.facebook.com)',
    'facebook',
    '<form method="post" action="/a/mobile/friends/add_friend.php"><input data-control type="submit" value="Add Friend"></form>',
    'add-friend',
  ],
  [
    'input type=button value (es)',
    'facebook',
    '<input data-control type="button" value="Enviar mensaje">',
    'message',
  ],
  [
    'input type=submit value (en)',
    'instagram',
    '<input data-control type="submit" value="Follow">',
    'follow',
  ],
  [
    'input type=submit value (es)',
    'instagram',
    '<input data-control type="submit" value="Seguir">',
    'follow',
  ],
  [
    'title= (en)',
    'facebook',
    '<div data-control role="button" title="Message"><i></i></div>',
    'message',
  ],
  [
    'title= (es)',
    'facebook',
    '<a data-control href="#" title="Agregar a amigos"><img src="data:,"></a>',
    'add-friend',
  ],
  ['title= (en)', 'instagram', '<button data-control title="Message"><i></i></button>', 'message'],
  ['title= (es)', 'instagram', '<button data-control title="Seguir"><i></i></button>', 'follow'],
  [
    'svg <title> (en)',
    'facebook',
    '<div data-control role="button"><svg viewBox="0 0 20 20"><title>Add friend</title><path d="M0 0"></path></svg></div>',
    'add-friend',
  ],
  [
    'svg <title> (es)',
    'facebook',
    '<div data-control role="button"><span><svg><title>Enviar mensaje</title><g><path d="M0 0"></path></g></svg></span></div>',
    'message',
  ],
  [
    'svg aria-label (en)',
    'instagram',
    '<div data-control role="button"><svg aria-label="Follow" role="img"><path d="M0 0"></path></svg></div>',
    'follow',
  ],
  [
    'svg <title> (es)',
    'instagram',
    '<div data-control role="button"><svg><title>Enviar mensaje</title><path d="M0 0"></path></svg></div>',
    'message',
  ],
];

describe('a control named only by one source', () => {
  it.each(NAMED)('%s on %s', (_what, siteId, markup, kind) => {
    const site = SITES[siteId];
    expectAction(site, html(site.wrap(markup)), kind);
  });

  it('aria-labelledby comes first: over aria-label and over the visible text', () => {
    const doc = html(
      fbCard(
        '<span id="l">Friends</span><div data-control role="button" aria-labelledby="l" aria-label="Add friend">Add friend</div>',
      ),
    );
    expect(facebook.actionAt(one(doc, '[data-control]'))).toBeNull();
    // An id that names nothing gives no name: the next source counts.
    const missing = html(
      fbCard(
        '<div data-control role="button" aria-labelledby="nowhere" aria-label="Add friend"></div>',
      ),
    );
    expectAction(SITES.facebook, missing, 'add-friend');
  });

  it('visible text comes before title= and an icon: a tooltip does not rename a button', () => {
    const doc = html(
      igRow(
        '<button data-control title="Follow">Following<svg><title>Follow</title></svg></button>',
      ),
    );
    expect(instagram.actionAt(one(doc, '[data-control]'))).toBeNull();
  });

  it('an input that is not a button (text, checkbox) is no control', () => {
    const doc = html(
      fbCard('<input type="text" value="Add friend"><input type="checkbox" value="Add friend">'),
    );
    for (const input of Array.from(doc.querySelectorAll('input'))) {
      expect(facebook.actionAt(input)).toBeNull();
    }
    const disabled = html(fbCard('<input type="submit" value="Add Friend" disabled>'));
    expect(facebook.actionAt(one(disabled, 'input'))).toBeNull();
  });
});

describe('a label with invisible characters or decoration', () => {
  it.each([
    ['zero-width space', 'facebook', 'Add\u200B friend', 'add-friend'],
    ['zero-width space inside a word', 'facebook', 'Add fr\u200Biend', 'add-friend'],
    ['soft hyphen (es)', 'facebook', 'Agre\u00ADgar a ami\u00ADgos', 'add-friend'],
    ['LRM / RLM and bidi isolates', 'facebook', '\u200EMessage\u200F', 'message'],
    [
      'BOM, word joiner, ZWJ, ZWNJ (es)',
      'facebook',
      '\uFEFFEnviar\u2060 men\u200Dsa\u200Cje',
      'message',
    ],
    ['leading "+ "', 'facebook', '+ Add friend', 'add-friend'],
    ['trailing " +"', 'facebook', 'Add friend +', 'add-friend'],
    ['leading "+ " (es)', 'facebook', '+ Agregar a amigos', 'add-friend'],
    ['zero-width space', 'instagram', 'Fol\u200Blow', 'follow'],
    ['soft hyphen (es)', 'instagram', 'Se\u00ADguir tam\u00ADbién', 'follow-back'],
    ['bidi isolate around the label (es)', 'instagram', '\u2068Seguir\u2069', 'follow'],
    ['leading "+ "', 'instagram', '+ Follow', 'follow'],
    ['trailing " +" (es)', 'instagram', 'Seguir +', 'follow'],
  ] as const)('%s on %s: "%s"', (_what, siteId, label, kind) => {
    const site = SITES[siteId];
    // Once as visible text, once as aria-label.
    expectAction(
      site,
      html(site.wrap(`<div data-control role="button"><span>${label}</span></div>`)),
      kind,
    );
    expectAction(
      site,
      html(site.wrap(`<div data-control role="button" aria-label="${label}"><i></i></div>`)),
      kind,
    );
  });

  it('decoration does not turn another word into an action: "✓ Following" is not Follow', () => {
    for (const label of [
      '✓ Following',
      'Following ✓',
      '+ Siguiendo',
      '+',
      '\u200B',
      'Follow us +',
    ]) {
      const doc = html(igRow(`<button data-control>${label}</button>`));
      expect(instagram.actionAt(one(doc, '[data-control]')), label).toBeNull();
    }
  });

  it('an aria-label of only invisible characters is no name: the text counts', () => {
    const doc = html(
      fbCard('<div data-control role="button" aria-label="\u200B\u200B">Add friend</div>'),
    );
    expectAction(SITES.facebook, doc, 'add-friend');
  });
});

// Every label of every table, old compared form against new: stripping the ends
// must not make two different entries one, nor empty a label.
const ALL_TABLES: Record<string, Readonly<Record<string, LabelTable>>> = {
  facebook: FACEBOOK_LABEL_TABLES,
  instagram: INSTAGRAM_LABEL_TABLES,
  facebookAudit: FACEBOOK_AUDIT_LABEL_TABLES,
  instagramAudit: INSTAGRAM_AUDIT_LABEL_TABLES,
};

describe('normalizeLabel on every label table', () => {
  it('keeps every label non-empty and every entry apart from the others', () => {
    for (const [module, tables] of Object.entries(ALL_TABLES)) {
      for (const [name, table] of Object.entries(tables)) {
        const owner = new Map<string, string>();
        for (const [entry, words] of Object.entries(table) as [string, Bilingual][]) {
          for (const word of bothLanguages(words)) {
            const key = normalizeLabel(word);
            expect(key, `${module}.${name}.${entry}: "${word}"`).not.toBe('');
            const before = owner.get(key);
            // Two entries may share a word only if they already did before (case aside).
            if (before !== undefined && before !== entry) {
              const old = (w: string) =>
                w.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
              const clash = bothLanguages(table[before] as Bilingual).some(
                (w) => old(w) === old(word),
              );
              expect(clash, `${module}.${name}: "${word}" now joins ${before} and ${entry}`).toBe(
                true,
              );
            }
            owner.set(key, entry);
          }
        }
      }
    }
  });

  it('keeps inner punctuation and accents, drops only the ends', () => {
    expect(normalizeLabel('See options')).toBe('see options');
    expect(normalizeLabel('Amigos, excepto')).toBe('amigos, excepto');
    expect(normalizeLabel('Allow @mentions from everyone')).toBe('allow @mentions from everyone');
    expect(normalizeLabel('¿Quién puede ver tu lista de amigos?')).toBe(
      'quién puede ver tu lista de amigos',
    );
    expect(normalizeLabel('Send this to friends or post it on your profile.')).toBe(
      normalizeLabel('Send this to friends or post it on your profile'),
    );
    expect(normalizeLabel('Añadir a amigos')).toBe('añadir a amigos');
    expect(normalizeLabel('❤️ Me gusta')).toBe('me gusta');
  });

  it('gives plain words and their near misses the same form (the plain-words shortcut)', () => {
    for (const variant of [
      'Add friend',
      'ADD FRIEND',
      'Add  friend',
      ' Add friend',
      'Add friend\n',
      'Add\u200B friend',
      '+ Add friend',
      'Add friend.',
      'Add\u00A0friend',
    ])
      expect(normalizeLabel(variant), JSON.stringify(variant)).toBe('add friend');
  });
});

describe('a click target deep inside the control', () => {
  it.each([
    ['facebook', 'Add friend', 'add-friend'],
    ['facebook', 'Agregar a amigos', 'add-friend'],
    ['instagram', 'Follow', 'follow'],
    ['instagram', 'Seguir', 'follow'],
  ] as const)('%s "%s", 30 levels down', (siteId, label, kind) => {
    const site = SITES[siteId];
    const deep = `${'<div><span>'.repeat(15)}<b>${label}</b>${'</span></div>'.repeat(15)}`;
    const doc = html(site.wrap(`<div data-control role="button">${deep}</div>`));
    expectAction(site, doc, kind, one(doc, 'b'));
  });
});

// Gives `hostSelector` an open shadow root holding `inner` (parsed apart, then moved in).
function withShadow(doc: Document, hostSelector: string, inner: string): ShadowRoot {
  const root = one(doc, hostSelector).attachShadow({ mode: 'open' });
  root.append(...Array.from(html(inner).body.childNodes).map((n) => doc.importNode(n, true)));
  return root;
}

describe('a control in an open shadow root', () => {
  it.each([
    [
      'facebook',
      '<div data-control role="button" aria-label="Add friend"><span><i></i></span></div>',
      'add-friend',
    ],
    [
      'facebook',
      '<div data-control role="button"><span>Agregar a amigos</span></div>',
      'add-friend',
    ],
    ['instagram', '<button data-control><div><div>Follow</div></div></button>', 'follow'],
    ['instagram', '<button data-control><span>Enviar mensaje</span></button>', 'message'],
  ] as const)(
    '%s: %s, clicked inside the shadow root, is about the card around the host',
    (siteId, inner, kind) => {
      const site = SITES[siteId];
      const doc = html(site.wrap('<x-action></x-action>'));
      const root = withShadow(doc, 'x-action', inner);
      expectAction(site, root, kind);
    },
  );

  it('aria-labelledby ids are looked up in the shadow root the control sits in', () => {
    const doc = html(fbCard('<span id="n">Friends</span><x-action></x-action>'));
    const root = withShadow(
      doc,
      'x-action',
      '<span id="n">Add friend</span><div data-control role="button" aria-labelledby="n"></div>',
    );
    expectAction(SITES.facebook, root, 'add-friend');
  });

  it('a host that is itself the button: its name is the text of its shadow root, or its slot', () => {
    const doc = html(fbCard('<x-button data-control role="button"></x-button>'));
    withShadow(doc, 'x-button', '<span><b>Add friend</b></span>');
    expectAction(SITES.facebook, doc, 'add-friend', one(doc, 'x-button'));

    const slotted = html(igRow('<x-button><span>Seguir</span></x-button>'));
    const root = withShadow(slotted, 'x-button', '<button data-control><slot></slot></button>');
    const span = one(slotted, 'x-button > span');
    // happy-dom assigns slots (assignedNodes) but has no assignedSlot: say what a browser says.
    Object.defineProperty(span, 'assignedSlot', { value: one(root, 'slot') });
    const match = instagram.actionAt(span);
    expect(match?.control).toBe(one(root, '[data-control]'));
    expect(match?.kind).toBe('follow');
    if (match) expect(instagram.profileFor(match, IG_HOME)).toEqual(IG_PERSON);
  });

  it('a web-component card that slots its light-DOM link and button: the card is still read', () => {
    const doc = html(
      '<main role="main"><x-card><a href="/jane_doe/">jane_doe</a><button data-control>Seguir</button></x-card></main>',
    );
    const root = withShadow(doc, 'x-card', '<div role="listitem"><slot></slot></div>');
    // As a browser reports it (happy-dom has no assignedSlot).
    for (const child of Array.from(one(doc, 'x-card').children)) {
      Object.defineProperty(child, 'assignedSlot', { value: one(root, 'slot') });
    }
    // The rendered card (the shadow listitem) holds no links of its own: the person
    // is found through the light DOM the links are in.
    expectAction(SITES.instagram, doc, 'follow');
  });

  it('a whole card inside a shadow root: the profile link beside the control', () => {
    const doc = html('<div role="main"><x-card></x-card></div>');
    const root = withShadow(doc, 'x-card', igRow('<button data-control>Follow</button>'));
    expectAction(SITES.instagram, root, 'follow');
  });

  it('on a profile page, a header control in a shadow root is the page person', () => {
    const url = new URL('https://www.instagram.com/jane_doe/');
    const doc = html(
      '<main role="main"><header><h2>jane_doe</h2><div><x-follow></x-follow></div></header></main>',
    );
    const root = withShadow(doc, 'x-follow', '<button data-control>Follow</button>');
    const match = instagram.actionAt(innermost(one(root, '[data-control]')));
    expect(match?.kind).toBe('follow');
    if (match)
      expect(instagram.profileFor(match, url)).toEqual({ keys: ['ig:jane_doe'], name: 'jane_doe' });
  });
});

// happy-dom computes no CSS: stand in for getComputedStyle with the values
// Chromium gives, per element and pseudo-element.
function fakeGeneratedContent(
  doc: Document,
  values: Map<Element, { before?: string; after?: string }>,
) {
  const view = doc.defaultView as Window;
  return vi
    .spyOn(view, 'getComputedStyle')
    .mockImplementation((el: Element, pseudo?: string | null) => {
      const v = values.get(el);
      const content =
        (pseudo === '::before' ? v?.before : pseudo === '::after' ? v?.after : undefined) ?? 'none';
      return { content } as CSSStyleDeclaration;
    });
}

describe('CSS generated content (::before / ::after), when nothing else names the control', () => {
  it.each([
    ['facebook', '"Add friend"', undefined, 'add-friend'],
    ['facebook', '"Agregar a "', '"amigos"', 'add-friend'],
    ['instagram', '"Follow"', undefined, 'follow'],
    ['instagram', '"\\2B  Seguir"', undefined, 'follow'],
  ] as const)('%s: ::before %s ::after %s', (siteId, before, after, kind) => {
    const site = SITES[siteId];
    const doc = html(
      site.wrap('<div data-control role="button"><span class="x1i10hfl"></span></div>'),
    );
    const control = one(doc, '[data-control]');
    const span = one(control, 'span');
    // On the control's inner span, or the control itself: both are read.
    const spy = fakeGeneratedContent(
      doc,
      new Map([
        [span, { before }],
        [control, { after }],
      ]),
    );
    expectAction(site, doc, kind);
    expect(spy).toHaveBeenCalled();
  });

  it('is not read when the control has a name: no getComputedStyle per click', () => {
    const doc = html(fbCard('<div data-control role="button" aria-label="Add friend"></div>'));
    const spy = fakeGeneratedContent(doc, new Map());
    expectAction(SITES.facebook, doc, 'add-friend');
    expect(spy).not.toHaveBeenCalled();
  });

  it('reads quoted strings, attr(), escapes and the "/ alt" text of a content value', () => {
    const el = html('<i data-label="Follow"></i>').querySelector('i') as Element;
    expect(contentText('"Add friend"', el)).toBe('Add friend');
    expect(contentText("'Add' ' friend'", el)).toBe('Add friend');
    expect(contentText('attr(data-label)', el)).toBe('Follow');
    expect(contentText('"\\2B  " attr(data-label)', el)).toBe('+ Follow');
    expect(contentText('url("x.png") / "Seguir"', el)).toBe('Seguir');
    expect(contentText('"★" / ""', el)).toBe('');
    expect(contentText('none', el)).toBe('');
    expect(contentText('normal', el)).toBe('');
  });
});

describe('post controls: the same variants', () => {
  const post = (controls: string) =>
    `<div role="feed"><div aria-posinset="1"><div data-ad-rendering-role="profile_name"><h4><a href="/alex.rivera.demo"><strong>Alex Rivera Demo</strong></a></h4></div>${controls}</div></div>`;
  const AUTHOR = {
    authorKeys: ['fb:alex.rivera.demo'],
    authorName: 'Alex Rivera Demo',
    postUrl: null,
  };

  it.each([
    [
      'aria-labelledby',
      '<span id="s">Share</span><div data-control role="button" aria-labelledby="s"></div>',
      'share',
    ],
    ['title= (es)', '<div data-control role="button" title="Compartir"><i></i></div>', 'share'],
    [
      'svg <title>',
      '<div data-control role="button"><svg><title>Comment</title></svg></div>',
      'comment',
    ],
    [
      '"+ " and a zero-width space (es)',
      '<div data-control role="button"><span>+ Compar\u200Btir</span></div>',
      'share',
    ],
    ['input type=submit (m.facebook)', '<input data-control type="submit" value="Like">', 'react'],
    [
      'deep target',
      `<div data-control role="button">${'<div>'.repeat(20)}Share${'</div>'.repeat(20)}</div>`,
      'share',
    ],
  ] as const)('facebook: %s', (_what, controls, kind) => {
    const doc = html(post(controls));
    const control = one(doc, '[data-control]');
    const match = facebook.postActionAt(innermost(control));
    expect(match?.kind).toBe(kind);
    expect(match?.control).toBe(control);
    expect(match?.post).toBe(one(doc, '[aria-posinset]'));
    if (match?.post) expect(facebook.postInfo(match.post, FB_HOME)).toEqual(AUTHOR);
  });

  it('facebook: Share in a shadow root inside the post; the post is found through the host', () => {
    const doc = html(post('<x-share></x-share>'));
    const root = withShadow(
      doc,
      'x-share',
      '<div data-control role="button" aria-label="Compartir"><i></i></div>',
    );
    const match = facebook.postActionAt(innermost(one(root, '[data-control]')));
    expect(match?.kind).toBe('share');
    expect(match?.post).toBe(one(doc, '[aria-posinset]'));
    if (match?.post) expect(facebook.postInfo(match.post, FB_HOME)).toEqual(AUTHOR);
  });

  it('instagram: the whole article in a shadow root; icon, title= and labelledby names', () => {
    const doc = html('<main role="main"><x-post></x-post></main>');
    const root = withShadow(
      doc,
      'x-post',
      `<article><header><a href="/jane_doe/">jane_doe</a></header><a href="/p/CxYz123/"><time>1 d</time></a>
      <section><div role="button" data-k="share"><svg><title>Compartir</title></svg></div>
      <div role="button" data-k="save" title="Save"><i></i></div>
      <span id="c">Comentar</span><div role="button" data-k="comment" aria-labelledby="c"></div>
      <button data-k="react">\u200BMe gusta +</button></section></article>`,
    );
    const article = one(root, 'article');
    for (const control of Array.from(root.querySelectorAll('[data-k]'))) {
      const match = instagram.postActionAt(innermost(control));
      expect(match?.kind, control.outerHTML).toBe(control.getAttribute('data-k'));
      expect(match?.post).toBe(article);
    }
    expect(instagram.postInfo(article, IG_HOME)).toEqual({
      authorKeys: ['ig:jane_doe'],
      authorName: 'jane_doe',
      postUrl: 'https://www.instagram.com/p/CxYz123/',
    });
  });
});
