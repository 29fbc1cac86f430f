// @vitest-environment happy-dom
// The Facebook self-audit reader (readAudit) on the practice pages: settings rows
// in English, Spanish and Czech (a language it does not read), the coach's own
// profile (public posts), and every other page.
import { describe, expect, it } from 'vitest';
import { AUDIT_ITEMS, settingsPages } from '../../../lib/audit/checklist';
import type { AuditFinding } from '../../../lib/audit/types';
import { facebook } from '../../../lib/sites/facebook';
import { readFacebookAudit } from '../../../lib/sites/facebook/audit';
import { checkNothingElse, html, page, ROUTES } from './actions-support';

const P = 'practice/facebook/';
const pass = (itemId: string, observed: string): AuditFinding => ({
  itemId,
  result: 'pass',
  observed,
});
const fail = (itemId: string, observed: string): AuditFinding => ({
  itemId,
  result: 'fail',
  observed,
});
const unknown = (itemId: string): AuditFinding => ({ itemId, result: 'unknown', observed: '' });

const PRIVACY_IDS = [
  'fb.futurePosts',
  'fb.friendRequests',
  'fb.friendsList',
  'fb.followingList',
  'fb.lookupEmail',
  'fb.lookupPhone',
  'fb.searchEngines',
];

const EXPECTED: Record<string, AuditFinding[]> = {
  'settings.html': [
    pass('fb.futurePosts', 'Friends'),
    fail('fb.friendRequests', 'Everyone'),
    pass('fb.friendsList', 'Only me'),
    fail('fb.followingList', 'Public'),
    pass('fb.lookupEmail', 'Friends'),
    fail('fb.lookupPhone', 'Everyone'),
    fail('fb.searchEngines', 'Yes'),
  ],
  // Other words than settings.html, the same results.
  'settings-es.html': [
    pass('fb.futurePosts', 'Solo yo'),
    fail('fb.friendRequests', 'Todos'),
    pass('fb.friendsList', 'Solo yo'),
    fail('fb.followingList', 'Amigos'),
    pass('fb.lookupEmail', 'Amigos'),
    fail('fb.lookupPhone', 'Amigos de amigos'),
    fail('fb.searchEngines', 'Sí'),
  ],
  'settings-cs.html': PRIVACY_IDS.map(unknown),
  'settings-followers.html': [pass('fb.whoCanFollow', 'Friends')],
  'settings-followers-es.html': [fail('fb.whoCanFollow', 'Público')],
  'settings-tagging.html': [fail('fb.tagReview', 'Off'), pass('fb.taggedVisibility', 'Friends')],
  'settings-tagging-es.html': [
    pass('fb.tagReview', 'Activado'),
    fail('fb.taggedVisibility', 'Amigos de amigos'),
  ],
  // The newer "Audience and visibility" sections: rows that are links, a switch.
  'settings-audience.html': [
    pass('fb.friendRequests', 'Friends of friends'),
    fail('fb.friendsList', 'Friends'),
    pass('fb.lookupEmail', 'Only me'),
    fail('fb.lookupPhone', 'Everyone'),
    pass('fb.searchEngines', 'Off'),
  ],
  'settings-audience-es.html': [
    fail('fb.friendRequests', 'Todos'),
    pass('fb.friendsList', 'Solo yo'),
    pass('fb.lookupEmail', 'Amigos'),
    fail('fb.lookupPhone', 'Amigos de amigos'),
    fail('fb.searchEngines', 'Activado'),
  ],
  'settings-posts.html': [fail('fb.futurePosts', 'Public')],
  'settings-posts-es.html': [pass('fb.futurePosts', 'Amigos')],
  'profile-own.html': [fail('fb.publicPosts', '2')],
  'profile-own-es.html': [fail('fb.publicPosts', '2')],
};

const read = (file: string) => {
  const { doc, url } = page(P + file);
  return facebook.readAudit(doc, url);
};

/** A settings page's document with one row's value (or label) text replaced. */
function changed(file: string, from: string, to: string, nth = 0): { doc: Document; url: URL } {
  const p = page(P + file);
  const spans = Array.from(p.doc.querySelectorAll('[role="main"] span')).filter(
    (s) => s.textContent === from,
  );
  const span = spans[nth];
  if (!span) throw new Error(`no "${from}" in ${file}`);
  span.textContent = to;
  return p;
}

describe('facebook readAudit on the practice pages', () => {
  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    expect(read(file)).toEqual(expected);
  });

  it('reads through the adapter and the exported reader alike', () => {
    const { doc, url } = page(P + 'settings.html');
    expect(readFacebookAudit(doc, url)).toEqual(facebook.readAudit(doc, url));
  });

  it('gives nothing on every other practice page, someone else’s profile included', () => {
    const others = ROUTES.filter(
      (r) => !r.real && r.file.startsWith(P) && !(r.file.slice(P.length) in EXPECTED),
    );
    expect(others.map((r) => r.file)).toContain(P + 'profile-other.html');
    expect(others.map((r) => r.file)).toContain(P + 'profile-other-es.html');
    for (const r of others) expect([r.file, read(r.file.slice(P.length))]).toEqual([r.file, []]);
  });

  it('gives nothing on the real captured Facebook pages', () => {
    for (const r of ROUTES.filter((x) => x.real && x.url.includes('facebook.com'))) {
      const { doc, url } = page(r.file);
      expect([r.file, facebook.readAudit(doc, url)]).toEqual([r.file, []]);
    }
  });

  it('gives nothing on settings tabs without audit items, or off Facebook', () => {
    const { doc } = page(P + 'settings.html');
    for (const url of [
      'https://www.facebook.com/settings/?tab=blocking',
      'https://www.facebook.com/settings/',
      'https://www.facebook.com/settings/?tab=constructor',
      'https://www.instagram.com/settings/?tab=privacy',
      'https://www.facebook.com/privacy/checkup/',
    ]) {
      expect([url, facebook.readAudit(doc, new URL(url))]).toEqual([url, []]);
    }
  });

  it('adds no covered action to the new pages', () => {
    for (const file of Object.keys(EXPECTED)) checkNothingElse(facebook, page(P + file).doc, []);
  });
});

describe('facebook readAudit never passes what it cannot read', () => {
  it('an unexpected value word is unknown for that item only', () => {
    const { doc, url } = changed('settings.html', 'Friends', 'Acquaintances');
    const expected = EXPECTED['settings.html']!.map((f) =>
      f.itemId === 'fb.futurePosts' ? unknown(f.itemId) : f,
    );
    expect(facebook.readAudit(doc, url)).toEqual(expected);
  });

  it('a changed label is unknown for that item only', () => {
    const { doc, url } = changed(
      'settings-es.html',
      '¿Quién puede ver tu lista de amigos?',
      '¿Quién ve a tus amigos?',
    );
    const findings = facebook.readAudit(doc, url);
    expect(findings.find((f) => f.itemId === 'fb.friendsList')).toEqual(unknown('fb.friendsList'));
    expect(findings.filter((f) => f.result === 'unknown')).toHaveLength(1);
  });

  it('a row without its value is unknown, not its neighbour’s value', () => {
    const { doc, url } = page(P + 'settings.html');
    const value = Array.from(doc.querySelectorAll('span')).find((s) => s.textContent === 'Yes');
    value!.remove();
    expect(facebook.readAudit(doc, url).at(-1)).toEqual(unknown('fb.searchEngines'));
    const { doc: d2, url: u2 } = page(P + 'settings-followers.html');
    Array.from(d2.querySelectorAll('span'))
      .find((s) => s.textContent === 'Friends')!
      .remove();
    // The next row's "Public" belongs to another setting.
    expect(facebook.readAudit(d2, u2)).toEqual([unknown('fb.whoCanFollow')]);
  });

  it('a row without its value and its Edit button is unknown, not the next row’s value', () => {
    const { doc, url } = page(P + 'settings-followers.html');
    const label = Array.from(doc.querySelectorAll('span')).find(
      (s) => s.textContent === 'Who can follow me',
    );
    const row = label!.closest('[role="list"] > div')!;
    for (const el of Array.from(row.querySelectorAll('[role="button"], .x2lah0s'))) el.remove();
    // "Who can comment on your public posts?" (not a row we read) shows "Public".
    expect(facebook.readAudit(doc, url)).toEqual([unknown('fb.whoCanFollow')]);
  });

  it('a row showing two values is unknown', () => {
    const { doc, url } = page(P + 'settings-tagging.html');
    const label = Array.from(doc.querySelectorAll('span')).find((s) =>
      s.textContent?.startsWith('Review posts'),
    );
    label!
      .closest('[role="list"] > div')!
      .append(Object.assign(doc.createElement('span'), { textContent: 'Off' }));
    expect(facebook.readAudit(doc, url)[0]).toEqual(unknown('fb.tagReview'));
  });

  it('a page without the rows gives unknown for every item the tab should show', () => {
    const doc = html('<div role="main"><h2>Privacy</h2><p>Something went wrong.</p></div>');
    expect(
      facebook.readAudit(doc, new URL('https://www.facebook.com/settings/?tab=privacy')),
    ).toEqual(PRIVACY_IDS.map(unknown));
  });
});

// Synthetic rows in the Comet shape (label, value, Edit button), written for these
// tests (2026-11): the pass and fail values of each item, as the brief lists them.
function row(label: string, value: string): string {
  return `<div><div><span>${label}</span></div><div><span>${value}</span></div><div role="button"><span>Edit</span></div></div>`;
}
const PRIVACY = 'https://www.facebook.com/settings/?tab=privacy';
const TAGGING = 'https://www.facebook.com/settings/?tab=profile_and_tagging';
const FOLLOWERS = 'https://www.facebook.com/settings/?tab=followers';

const VALUE_CASES: [string, string, string, string, 'pass' | 'fail' | 'unknown'][] = [
  // [url, item, label, value, result]
  [PRIVACY, 'fb.futurePosts', 'Who can see your future posts?', 'Friends', 'pass'],
  [PRIVACY, 'fb.futurePosts', 'Who can see your future posts?', 'Only me', 'pass'],
  [PRIVACY, 'fb.futurePosts', 'Who can see your future posts?', 'Specific friends', 'pass'],
  [PRIVACY, 'fb.futurePosts', 'Who can see your future posts?', 'Friends except...', 'pass'],
  [PRIVACY, 'fb.futurePosts', 'Who can see your future posts?', 'Friends except…', 'pass'],
  [PRIVACY, 'fb.futurePosts', 'Who can see your future posts?', 'Public', 'fail'],
  [PRIVACY, 'fb.futurePosts', 'Who can see your future posts?', 'Custom', 'unknown'],
  [PRIVACY, 'fb.futurePosts', '¿Quién puede ver tus publicaciones futuras?', 'Solo yo', 'pass'],
  [PRIVACY, 'fb.friendRequests', 'Who can send you friend requests?', 'Friends of friends', 'pass'],
  [PRIVACY, 'fb.friendRequests', 'Who can send you friend requests?', 'Everyone', 'fail'],
  [PRIVACY, 'fb.friendRequests', '¿Quién puede enviarte solicitudes de amistad?', 'Todos', 'fail'],
  [PRIVACY, 'fb.friendsList', 'Who can see your friends list?', 'Only me', 'pass'],
  [PRIVACY, 'fb.friendsList', 'Who can see your friends list?', 'Friends', 'fail'],
  [PRIVACY, 'fb.friendsList', 'Who can see your friends list?', 'Public', 'fail'],
  [
    PRIVACY,
    'fb.lookupPhone',
    'Who can look you up using the phone number you provided?',
    'Only me',
    'pass',
  ],
  [
    PRIVACY,
    'fb.lookupPhone',
    'Who can look you up using the phone number you provided?',
    'Friends of friends',
    'fail',
  ],
  [
    PRIVACY,
    'fb.searchEngines',
    'Do you want search engines outside of Facebook to link to your profile?',
    'No',
    'pass',
  ],
  [
    PRIVACY,
    'fb.searchEngines',
    'Do you want search engines outside of Facebook to link to your profile?',
    'Off',
    'pass',
  ],
  [
    PRIVACY,
    'fb.searchEngines',
    'Do you want search engines outside of Facebook to link to your profile?',
    'On',
    'fail',
  ],
  [
    PRIVACY,
    'fb.searchEngines',
    '¿Quieres que los motores de búsqueda fuera de Facebook enlacen a tu perfil?',
    'Sí',
    'fail',
  ],
  [FOLLOWERS, 'fb.whoCanFollow', 'Who can follow me', 'Friends', 'pass'],
  [FOLLOWERS, 'fb.whoCanFollow', 'Who can follow me', 'Everyone', 'fail'],
  [FOLLOWERS, 'fb.whoCanFollow', 'Who can follow me', 'Friends of friends', 'unknown'],
  [
    TAGGING,
    'fb.tagReview',
    "Review posts you're tagged in before the post appears on your profile?",
    'On',
    'pass',
  ],
  [
    TAGGING,
    'fb.tagReview',
    'Review posts you’re tagged in before the post appears on your profile?',
    'Off',
    'fail',
  ],
  [
    TAGGING,
    'fb.tagReview',
    "Review posts you're tagged in before the post appears on your profile?",
    'Activado',
    'pass',
  ],
  [
    TAGGING,
    'fb.taggedVisibility',
    "Who can see posts you're tagged in on your profile?",
    'Only me',
    'pass',
  ],
  [
    TAGGING,
    'fb.taggedVisibility',
    "Who can see posts you're tagged in on your profile?",
    'Everyone',
    'fail',
  ],
];

describe('facebook values per item', () => {
  it.each(VALUE_CASES)('%s %s: %s = %s -> %s', (url, itemId, label, value, result) => {
    const doc = html(`<div role="main"><div role="list">${row(label, value)}</div></div>`);
    const finding = facebook.readAudit(doc, new URL(url)).find((f) => f.itemId === itemId);
    expect(finding).toEqual(
      result === 'unknown' ? unknown(itemId) : { itemId, result, observed: value },
    );
  });

  it('reads a row that is itself a link, with the value inside it', () => {
    const doc = html(
      `<div role="main"><a role="link" href="#"><span>Who can follow me</span><span>Friends</span></a></div>`,
    );
    expect(facebook.readAudit(doc, new URL(FOLLOWERS))).toEqual([
      pass('fb.whoCanFollow', 'Friends'),
    ]);
  });
});

describe('facebook public posts on the own profile', () => {
  const OWN = 'profile-own.html';

  it('counts the post’s own audience, not a shared post’s', () => {
    // Post 2 is Friends-only and shares a Page's Public post.
    const { doc, url } = page(P + OWN);
    expect(doc.querySelectorAll('[aria-posinset]')).toHaveLength(3);
    expect(doc.querySelectorAll('[aria-posinset] [aria-label="Shared with Public"]')).toHaveLength(
      3,
    );
    expect(facebook.readAudit(doc, url)).toEqual([fail('fb.publicPosts', '2')]);
  });

  it('passes with "0" when every post is for friends', () => {
    const { doc, url } = page(P + OWN);
    for (const post of Array.from(doc.querySelectorAll('[aria-posinset]'))) {
      post
        .querySelector('[aria-label^="Shared with"]')!
        .setAttribute('aria-label', 'Shared with Friends');
    }
    expect(facebook.readAudit(doc, url)).toEqual([pass('fb.publicPosts', '0')]);
  });

  it('is unknown when no public post shows and an audience is not read', () => {
    const { doc, url } = page(P + 'profile-own-es.html');
    const posts = Array.from(doc.querySelectorAll('[aria-posinset]'));
    posts[0]!
      .querySelector('[aria-label]')!
      .setAttribute('aria-label', 'Compartido con: Tus amigos');
    posts[2]!.querySelector('svg title')!.textContent = 'Veřejné';
    expect(facebook.readAudit(doc, url)).toEqual([unknown('fb.publicPosts')]);
  });

  it('is unknown when the profile shows no posts', () => {
    const { doc, url } = page(P + OWN);
    for (const post of Array.from(doc.querySelectorAll('[aria-posinset]'))) post.remove();
    expect(facebook.readAudit(doc, url)).toEqual([unknown('fb.publicPosts')]);
  });

  it('gives nothing when the same posts are on someone else’s profile', () => {
    const { doc } = page(P + OWN);
    for (const own of Array.from(
      doc.querySelectorAll('[aria-label="Edit profile"], [aria-label="Add to story"]'),
    )) {
      own.remove();
    }
    const add = doc.createElement('div');
    add.setAttribute('role', 'button');
    add.setAttribute('aria-label', 'Add friend');
    doc.querySelector('[role="main"]')!.prepend(add);
    expect(facebook.profileOwner(doc)).toBe('other');
    expect(facebook.readAudit(doc, new URL('https://www.facebook.com/sam.rivera.coach'))).toEqual(
      [],
    );
  });
});

describe('facebook reader and the checklist agree', () => {
  it('reads exactly the page and own-profile items, each on its own page', () => {
    const wanted = AUDIT_ITEMS.filter((i) => i.platform === 'facebook' && i.check === 'page').map(
      (i) => i.id,
    );
    const empty = html('<div role="main"></div>');
    const ids = settingsPages('facebook').flatMap((link) =>
      facebook.readAudit(empty, new URL(link)).map((f) => {
        const item = AUDIT_ITEMS.find((i) => i.id === f.itemId);
        expect(item?.link).toBe(link);
        return f.itemId;
      }),
    );
    expect(ids.sort()).toEqual(wanted.sort());
    const ownItems = AUDIT_ITEMS.filter(
      (i) => i.platform === 'facebook' && i.check === 'own-profile',
    );
    expect(read('profile-own.html').map((f) => f.itemId)).toEqual(ownItems.map((i) => i.id));
  });
});

describe('facebook readAudit over older and newer wordings: could not check when unsure', () => {
  const AUDIENCE = 'settings-audience.html';
  const AUDIENCE_ES = 'settings-audience-es.html';
  const find = (doc: Document, url: URL, itemId: string) =>
    facebook.readAudit(doc, url).find((f) => f.itemId === itemId);

  function addRow(doc: Document, label: string, value: string): void {
    const row = doc.createElement('a');
    row.setAttribute('role', 'link');
    row.setAttribute('href', '#');
    const cell = row.appendChild(doc.createElement('div'));
    for (const text of [label, value])
      cell.appendChild(doc.createElement('span')).textContent = text;
    doc.querySelector('[role="main"] [role="list"]')!.append(row);
  }

  it.each([
    [AUDIENCE, 'Who can look you up using the email address you provided?', 'Everyone'],
    [
      AUDIENCE_ES,
      '¿Quién puede buscarte con la dirección de correo electrónico que proporcionaste?',
      'Todos',
    ],
  ])('%s: the older and the newer row of one setting disagreeing', (file, label, value) => {
    const { doc, url } = page(P + file);
    addRow(doc, label, value);
    expect(find(doc, url, 'fb.lookupEmail')).toEqual(unknown('fb.lookupEmail'));
  });

  it.each([AUDIENCE, AUDIENCE_ES])(
    '%s: the older and the newer row agreeing still read',
    (file) => {
      const { doc, url } = page(P + file);
      const before = find(doc, url, 'fb.friendsList');
      addRow(
        doc,
        file === AUDIENCE
          ? 'Who can see your friends list?'
          : '¿Quién puede ver tu lista de amigos?',
        before!.observed,
      );
      expect(find(doc, url, 'fb.friendsList')).toEqual(before);
    },
  );

  it.each([AUDIENCE, AUDIENCE_ES])('%s: a switch with no state', (file) => {
    const { doc, url } = page(P + file);
    doc.querySelector('[role="switch"]')!.removeAttribute('aria-checked');
    expect(find(doc, url, 'fb.searchEngines')).toEqual(unknown('fb.searchEngines'));
  });

  it.each([
    [AUDIENCE, 'On'],
    [AUDIENCE_ES, 'Desactivado'],
  ])('%s: a value word beside the switch that says otherwise', (file, word) => {
    const { doc, url } = page(P + file);
    const span = doc.createElement('span');
    span.textContent = word;
    doc.querySelector('[role="switch"]')!.before(span);
    expect(find(doc, url, 'fb.searchEngines')).toEqual(unknown('fb.searchEngines'));
  });

  it.each([
    [AUDIENCE, 'Who can see your friends list?', 'Who sees the friends you have?'],
    [AUDIENCE_ES, '¿Quién puede ver tu lista de amigos?', '¿Quién ve a tus amigos?'],
  ])('%s: a wording no table holds', (file, from, to) => {
    const { doc, url } = changed(file, from, to);
    expect(find(doc, url, 'fb.friendsList')).toEqual(unknown('fb.friendsList'));
  });

  it('a row of another tab shown on this one is read too (the newer sections moved rows)', () => {
    const { doc } = page(P + 'settings-posts.html');
    addRow(doc, 'Who can see your friends list?', 'Only me');
    const url = new URL('https://www.facebook.com/settings/?tab=posts');
    expect(facebook.readAudit(doc, url)).toEqual([
      fail('fb.futurePosts', 'Public'),
      pass('fb.friendsList', 'Only me'),
    ]);
  });
});
