// @vitest-environment happy-dom
// The Instagram self-audit reader (readAudit) on the practice pages: switches and
// choices on the /accounts/ settings pages in English, Spanish and Czech (a
// language it does not read), and every other page.
import { describe, expect, it } from 'vitest';
import { AUDIT_ITEMS, settingsPages } from '../../../lib/audit/checklist';
import type { AuditFinding } from '../../../lib/audit/types';
import { instagram } from '../../../lib/sites/instagram';
import { readInstagramAudit } from '../../../lib/sites/instagram/audit';
import { checkNothingElse, html, page, ROUTES } from './actions-support';

const P = 'practice/instagram/';
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

const EXPECTED: Record<string, AuditFinding[]> = {
  'settings.html': [fail('ig.privateAccount', 'Off')],
  'settings-es.html': [pass('ig.privateAccount', 'Activado')],
  'privacy-security.html': [fail('ig.activityStatus', 'On'), pass('ig.storySharing', 'Off')],
  'privacy-security-es.html': [
    fail('ig.activityStatus', 'Activado'),
    fail('ig.storySharing', 'Activado'),
  ],
  'privacy-security-cs.html': [unknown('ig.activityStatus'), unknown('ig.storySharing')],
  'tags-mentions.html': [fail('ig.tagsMentions', 'People you follow · Everyone')],
  'tags-mentions-es.html': [pass('ig.tagsMentions', 'Personas que sigues · No permitir')],
  'message-requests.html': [fail('ig.messageRequests', 'Message requests')],
  'message-requests-es.html': [pass('ig.messageRequests', 'No recibir solicitudes')],
  'edit-profile.html': [fail('ig.accountSuggestions', 'On')],
  'edit-profile-es.html': [pass('ig.accountSuggestions', 'Desactivado')],
  // The older checkbox and the newest switch wording of the same setting.
  'edit-profile-old.html': [fail('ig.accountSuggestions', 'On')],
  'edit-profile-old-es.html': [pass('ig.accountSuggestions', 'Desactivado')],
  'edit-profile-new.html': [pass('ig.accountSuggestions', 'Off')],
  'edit-profile-new-es.html': [fail('ig.accountSuggestions', 'Activado')],
  // Activity status where the newer settings show it, beside the message controls.
  'messages-activity.html': [
    fail('ig.messageRequests', 'Message requests'),
    fail('ig.activityStatus', 'On'),
  ],
  'messages-activity-es.html': [
    pass('ig.messageRequests', 'No recibir solicitudes'),
    pass('ig.activityStatus', 'Desactivado'),
  ],
};

const read = (file: string) => {
  const { doc, url } = page(P + file);
  return instagram.readAudit(doc, url);
};

/** The n-th radio (input or role=radio) whose option text is `text`. */
function option(doc: Document, text: string, nth = 0): Element {
  const all = Array.from(doc.querySelectorAll('input[type="radio"], [role="radio"]')).filter(
    (r) => (r.closest('label') ?? r).textContent?.trim() === text,
  );
  const el = all[nth];
  if (!el) throw new Error(`no option ${text}`);
  return el;
}

function choose(doc: Document, text: string, nth = 0): void {
  const el = option(doc, text, nth);
  const group = el.closest('[role="radiogroup"]')!;
  for (const r of Array.from(group.querySelectorAll('input[type="radio"], [role="radio"]'))) {
    if (r.localName === 'input') (r as HTMLInputElement).checked = r === el;
    else r.setAttribute('aria-checked', String(r === el));
  }
}

describe('instagram readAudit on the practice pages', () => {
  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    expect(read(file)).toEqual(expected);
  });

  it('reads through the adapter and the exported reader alike', () => {
    const { doc, url } = page(P + 'tags-mentions.html');
    expect(readInstagramAudit(doc, url)).toEqual(instagram.readAudit(doc, url));
  });

  it('gives nothing on every other practice page and the real captures', () => {
    const others = ROUTES.filter(
      (r) =>
        r.url.startsWith('https://www.instagram.com/') &&
        !(r.file.startsWith(P) && r.file.slice(P.length) in EXPECTED),
    );
    expect(others.length).toBeGreaterThan(10);
    for (const r of others) {
      const { doc, url } = page(r.file);
      expect([r.file, instagram.readAudit(doc, url)]).toEqual([r.file, []]);
    }
  });

  it('gives nothing on settings pages without audit items, or off Instagram', () => {
    const { doc } = page(P + 'privacy-security.html');
    for (const url of [
      'https://www.instagram.com/accounts/notifications/',
      'https://www.instagram.com/accounts/',
      'https://www.instagram.com/accounts/constructor/',
      'https://www.instagram.com/accounts/privacy_and_security/extra/',
      'https://www.instagram.com/privacy_and_security/',
      'https://www.facebook.com/accounts/privacy_and_security/',
    ]) {
      expect([url, instagram.readAudit(doc, new URL(url))]).toEqual([url, []]);
    }
  });

  it('adds no covered action to the new pages', () => {
    for (const file of Object.keys(EXPECTED)) checkNothingElse(instagram, page(P + file).doc, []);
  });
});

describe('instagram readAudit never passes what it cannot read', () => {
  it('a switch without a readable state is unknown', () => {
    const { doc, url } = page(P + 'settings-es.html');
    doc.querySelector('[role="switch"]')!.removeAttribute('aria-checked');
    expect(instagram.readAudit(doc, url)).toEqual([unknown('ig.privateAccount')]);
  });

  it('a switch whose aria-checked and checked disagree is unknown', () => {
    const { doc, url } = page(P + 'settings.html');
    (doc.querySelector('input[role="switch"]') as HTMLInputElement).checked = true;
    expect(instagram.readAudit(doc, url)).toEqual([unknown('ig.privateAccount')]);
  });

  it('an input switch without aria-checked is read from its checked state', () => {
    const { doc, url } = page(P + 'settings.html');
    const input = doc.querySelector('input[role="switch"]') as HTMLInputElement;
    input.removeAttribute('aria-checked');
    input.checked = true;
    expect(instagram.readAudit(doc, url)).toEqual([pass('ig.privateAccount', 'On')]);
  });

  it('a row without its switch is unknown, not its neighbour’s state', () => {
    const { doc, url } = page(P + 'privacy-security.html');
    doc.querySelector('[role="switch"]')!.remove();
    expect(instagram.readAudit(doc, url)).toEqual([
      unknown('ig.activityStatus'),
      pass('ig.storySharing', 'Off'),
    ]);
  });

  it('an unexpected option word is unknown', () => {
    const { doc, url } = page(P + 'message-requests-es.html');
    const checked = option(doc, 'No recibir solicitudes');
    checked.closest('label')!.querySelector('span')!.textContent = 'Nepřijímat žádosti';
    expect(instagram.readAudit(doc, url)).toEqual([unknown('ig.messageRequests')]);
  });

  it('a group with no option chosen is unknown', () => {
    const { doc, url } = page(P + 'message-requests.html');
    for (const r of Array.from(doc.querySelectorAll('input[name="others"]'))) {
      (r as HTMLInputElement).checked = false;
    }
    expect(instagram.readAudit(doc, url)).toEqual([unknown('ig.messageRequests')]);
  });

  it('"Don’t receive requests" passes, "Message requests" fails', () => {
    const { doc, url } = page(P + 'message-requests.html');
    choose(doc, "Don't receive requests");
    expect(instagram.readAudit(doc, url)).toEqual([
      pass('ig.messageRequests', "Don't receive requests"),
    ]);
  });

  it('tags and mentions: both must pass; a failing part fails, an unread part is unknown', () => {
    const tags = page(P + 'tags-mentions.html');
    choose(tags.doc, "Don't allow", 1);
    expect(instagram.readAudit(tags.doc, tags.url)).toEqual([
      pass('ig.tagsMentions', "People you follow · Don't allow"),
    ]);
    choose(tags.doc, 'Everyone', 0);
    expect(instagram.readAudit(tags.doc, tags.url)).toEqual([
      fail('ig.tagsMentions', "Everyone · Don't allow"),
    ]);
    const es = page(P + 'tags-mentions-es.html');
    option(es.doc, 'No permitir', 1).querySelector('span')!.textContent = 'Nikdo';
    expect(instagram.readAudit(es.doc, es.url)).toEqual([unknown('ig.tagsMentions')]);
    choose(es.doc, 'Todos', 0);
    expect(instagram.readAudit(es.doc, es.url)).toEqual([fail('ig.tagsMentions', 'Todos')]);
  });

  it('a changed label is unknown', () => {
    const { doc, url } = page(P + 'edit-profile.html');
    for (const el of Array.from(doc.querySelectorAll('h3, span'))) {
      if (el.textContent === 'Show account suggestions on profiles') {
        el.textContent = 'Suggest your account';
      }
    }
    expect(instagram.readAudit(doc, url)).toEqual([unknown('ig.accountSuggestions')]);
  });

  it('a page without the settings gives unknown for every item it should show', () => {
    const doc = html('<main role="main"><p>Sorry, this page isn’t available.</p></main>');
    const url = new URL('https://www.instagram.com/accounts/privacy_and_security/');
    expect(instagram.readAudit(doc, url)).toEqual([
      unknown('ig.activityStatus'),
      unknown('ig.storySharing'),
    ]);
  });
});

// Synthetic markup written for these tests (2026-11): the option texts the brief
// lists, in a radio group under its label.
function group(label: string, options: string[], chosen: string): string {
  const radios = options
    .map((o) => `<div role="radio" aria-checked="${o === chosen}"><span>${o}</span></div>`)
    .join('');
  return `<div><span>${label}</span><div role="radiogroup">${radios}</div></div>`;
}
const TAGS_URL = new URL('https://www.instagram.com/accounts/tags_and_mentions/');

describe('instagram choice values', () => {
  it.each([
    ['Allow tags from everyone', 'fail'],
    ['Allow tags from people you follow', 'pass'],
    ["Don't allow tags", 'pass'],
    ['Don’t allow', 'pass'],
    ['Personas que sigues', 'pass'],
    ['Todos', 'fail'],
    ['Anyone', 'unknown'],
  ] as const)('tags from "%s" -> %s', (chosen, result) => {
    const doc = html(
      `<main>${group('Allow tags from', [chosen, 'x'], chosen)}${group('Allow @mentions from', ['People you follow'], 'People you follow')}</main>`,
    );
    const [finding] = instagram.readAudit(doc, TAGS_URL);
    expect(finding).toEqual(
      result === 'unknown'
        ? unknown('ig.tagsMentions')
        : { itemId: 'ig.tagsMentions', result, observed: `${chosen} · People you follow` },
    );
  });
});

describe('instagram reader and the checklist agree', () => {
  it('reads exactly the page items, each on its own page', () => {
    const wanted = AUDIT_ITEMS.filter((i) => i.platform === 'instagram' && i.check === 'page').map(
      (i) => i.id,
    );
    const empty = html('<main role="main"></main>');
    const ids = settingsPages('instagram').flatMap((link) =>
      instagram.readAudit(empty, new URL(link)).map((f) => {
        expect(AUDIT_ITEMS.find((i) => i.id === f.itemId)?.link).toBe(link);
        return f.itemId;
      }),
    );
    expect(ids.sort()).toEqual(wanted.sort());
  });
});

describe('instagram readAudit over older and newer wordings: could not check when unsure', () => {
  const suggestions = (doc: Document, url: URL) =>
    instagram.readAudit(doc, url).find((f) => f.itemId === 'ig.accountSuggestions');

  // The older row (a label holding its checkbox) beside the newer switch's row.
  function addOldRow(doc: Document, label: string, checked: boolean): void {
    const row = doc.createElement('label');
    row.appendChild(doc.createElement('span')).textContent = label;
    const box = row.appendChild(doc.createElement('input'));
    box.type = 'checkbox';
    box.checked = checked;
    doc.querySelector('[role="switch"]')!.parentElement!.closest('div.x9f619')!.after(row);
  }

  it.each([
    ['edit-profile-new.html', 'Similar account suggestions', true],
    ['edit-profile-new-es.html', 'Sugerencias de cuentas similares', false],
  ])('%s: the older checkbox and the newer switch disagreeing', (file, oldLabel, checked) => {
    const { doc, url } = page(P + file);
    addOldRow(doc, oldLabel, checked);
    expect(suggestions(doc, url)).toEqual(unknown('ig.accountSuggestions'));
  });

  it.each([
    ['edit-profile-new.html', 'Similar account suggestions', 'Off'],
    ['edit-profile-new-es.html', 'Sugerencias de cuentas similares', 'Activado'],
  ])('%s: the older and newer rows agreeing still read', (file, oldLabel, observed) => {
    const { doc, url } = page(P + file);
    const on = observed === 'Activado';
    addOldRow(doc, oldLabel, on);
    expect(suggestions(doc, url)?.observed).toBe(observed);
  });

  it.each(['edit-profile-new.html', 'edit-profile-new-es.html'])(
    '%s: a switch with no state',
    (file) => {
      const { doc, url } = page(P + file);
      doc.querySelector('[role="switch"]')!.removeAttribute('aria-checked');
      expect(suggestions(doc, url)).toEqual(unknown('ig.accountSuggestions'));
    },
  );

  it.each([
    ['edit-profile-old.html', 'Similar account suggestions', 'Similar accounts you may like'],
    ['edit-profile-old-es.html', 'Sugerencias de cuentas similares', 'Cuentas parecidas'],
  ])('%s: a wording no table holds', (file, from, to) => {
    const { doc, url } = page(P + file);
    const span = Array.from(doc.querySelectorAll('span')).find((s) => s.textContent === from)!;
    span.textContent = to;
    expect(suggestions(doc, url)).toEqual(unknown('ig.accountSuggestions'));
  });
});
