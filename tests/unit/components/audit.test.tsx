// @vitest-environment happy-dom
// The privacy check's screens against a mocked background: the options section
// (scores, items, "I checked this", the walk, report and export), the popup's
// line, and the printable report. "Couldn't check" must never read as good.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditSection } from '../../../components/audit/AuditSection';
import { PopupApp } from '../../../entrypoints/popup/App';
import { OptionsApp } from '../../../entrypoints/options/App';
import { ReportApp } from '../../../entrypoints/report/App';
import { AUDIT_ITEMS, settingsPages } from '../../../lib/audit/checklist';
import type {
  AuditItemState,
  AuditScore,
  AuditSnapshot,
  AuditView,
  ItemResult,
} from '../../../lib/audit/types';
import { translate, translator } from '../../../lib/i18n';
import {
  MessageError,
  sendMessage,
  type MessageName,
  type MessagePayload,
  type MessageResponse,
} from '../../../lib/messaging';
import type { SiteId } from '../../../lib/sites/types';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import { OnPage } from './onPage';

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

/** Noon, local time, so the date reads the same in every time zone. */
const MARCH_5 = new Date(2026, 2, 5, 12).getTime();
const MARCH_5_WORDS = 'March 5, 2026';

interface ItemSpec {
  result: ItemResult;
  observed?: string | null;
  at?: number | null;
}

/** Every item passes unless told otherwise; an item given `null` is left out of the view. */
function viewOf(
  spec: Record<string, ItemSpec | null> = {},
  more: Partial<AuditView> = {},
): AuditView {
  const items: AuditItemState[] = [];
  for (const item of AUDIT_ITEMS) {
    const s = item.id in spec ? spec[item.id] : { result: 'pass' as const, observed: 'Friends' };
    if (s === null || s === undefined) continue;
    items.push({
      itemId: item.id,
      platform: item.platform,
      result: s.result,
      observed: s.observed ?? null,
      at: s.at ?? MARCH_5,
      source: s.result === 'confirmed' ? 'manual' : s.result === 'could-not-check' ? null : 'page',
    });
  }
  const scores = (['facebook', 'instagram'] as SiteId[]).map((platform) =>
    countScore(platform, items),
  );
  return {
    items,
    scores,
    history: [],
    lastAuditAt: MARCH_5,
    reauditDue: false,
    ...more,
  };
}

function countScore(platform: SiteId, items: AuditItemState[]): AuditScore {
  const mine = items.filter((i) => i.platform === platform);
  const n = (r: ItemResult) => mine.filter((i) => i.result === r).length;
  return {
    platform,
    passed: n('pass') + n('confirmed'),
    confirmed: n('confirmed'),
    total: AUDIT_ITEMS.filter((i) => i.platform === platform).length,
    failed: n('fail'),
    couldNotCheck:
      AUDIT_ITEMS.filter((i) => i.platform === platform).length -
      n('pass') -
      n('confirmed') -
      n('fail'),
  };
}

function snapshot(at: number, fb: [number, number, number], ig: [number, number, number]) {
  const score = (platform: SiteId, [passed, confirmed, total]: [number, number, number]) => ({
    platform,
    passed,
    confirmed,
    total,
    failed: total - passed,
    couldNotCheck: 0,
  });
  return { at, scores: [score('facebook', fb), score('instagram', ig)] } satisfies AuditSnapshot;
}

type Handlers = {
  [N in MessageName]?: (
    payload: MessagePayload<N>,
  ) => MessageResponse<N> | Promise<MessageResponse<N>>;
};

/** A stand-in background: each test says what it answers; anything else is refused. */
function background(handlers: Handlers) {
  const send = vi.mocked(sendMessage);
  send.mockImplementation((async (name: MessageName, payload: unknown) => {
    const handler = handlers[name] as ((p: unknown) => unknown) | undefined;
    if (!handler) throw new MessageError(name, 'unknown message');
    return handler(payload);
  }) as never);
  return (name: MessageName) => send.mock.calls.filter(([n]) => n === name);
}

const ui = {
  t: translator('en'),
  words: { one: 'client', many: 'clients' },
  locale: 'en' as const,
};
const en = (key: Parameters<typeof translate>[1], ...subs: string[]) => translate('en', key, subs);

const section = () => screen.getByTestId('audit');
const item = (id: string) =>
  document.querySelector(`li[data-testid="audit-item"][data-item-id="${id}"]`) as HTMLLIElement;
const scoreOf = (platform: SiteId) =>
  document.querySelector(`[data-testid="audit-score"][data-platform="${platform}"]`)!.textContent;
const countsOf = (platform: SiteId) =>
  document.querySelector(`[data-testid="audit-counts"][data-platform="${platform}"]`)!.textContent;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  send.mockReset();
});
afterEach(cleanup);

describe('options: scores', () => {
  it('reads "9 of 12, 3 confirmed by you", and "9 of 12" when nothing was confirmed by hand', async () => {
    const base = viewOf();
    const scores: AuditScore[] = [
      { platform: 'facebook', passed: 9, confirmed: 3, total: 12, failed: 2, couldNotCheck: 1 },
      { platform: 'instagram', passed: 9, confirmed: 0, total: 12, failed: 0, couldNotCheck: 3 },
    ];
    background({ getAudit: () => ({ ...base, scores }) });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    await waitFor(() => expect(scoreOf('facebook')).toBe('9 of 12, 3 confirmed by you'));
    expect(scoreOf('instagram')).toBe('9 of 12');
    expect(countsOf('facebook')).toContain('Needs a change: 2');
    expect(countsOf('facebook')).toContain("Couldn't check: 1");
    expect(countsOf('instagram')).toContain("Couldn't check: 3");
  });

  it('speaks Spanish when the browser does', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('es-MX');
    background({ getAudit: () => viewOf({ 'fb.tagReview': { result: 'confirmed' } }) });
    history.replaceState(null, '', '/options.html#privacy');
    render(<OptionsApp />);
    await waitFor(() => expect(scoreOf('facebook')).toBe('13 de 13, 1 confirmados por ti'));
    expect(scoreOf('instagram')).toBe('7 de 7');
  });

  it('never shows or counts "could not check" as good', async () => {
    background({
      getAudit: () => {
        // No score from the background for Facebook: the page counts from the items.
        const view = viewOf({
          'fb.futurePosts': { result: 'could-not-check', observed: null, at: null },
          'fb.limitPastPosts': null, // never looked at
        });
        return { ...view, scores: view.scores.filter((s) => s.platform !== 'facebook') };
      },
    });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    await waitFor(() => expect(scoreOf('facebook')).toBe('11 of 13'));
    expect(countsOf('facebook')).toContain("Couldn't check: 2");
    for (const id of ['fb.futurePosts', 'fb.limitPastPosts']) {
      const row = item(id);
      expect(row.dataset.result).toBe('could-not-check');
      const said = within(row).getByTestId('audit-result').textContent;
      expect(said).toBe("Couldn't check");
      expect(row.textContent).not.toContain('Looks good');
      expect(row.textContent).not.toContain('Clearline saw');
      within(row).getByRole('button', { name: 'I checked this' });
    }
    expect(within(item('fb.friendRequests')).getByTestId('audit-result').textContent).toBe(
      'Looks good',
    );
    expect(within(item('fb.friendRequests')).queryByRole('button')).toBeNull();
  });
});

describe('options: items', () => {
  it('lists every item in checklist order with what was seen, why, the recommendation and the page', async () => {
    background({
      getAudit: () =>
        viewOf({
          'fb.whoCanFollow': { result: 'fail', observed: 'Public <b>' },
          'ig.contactSyncing': { result: 'confirmed', at: MARCH_5 },
        }),
    });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    await waitFor(() =>
      expect(document.querySelectorAll('[data-testid="audit-item"]')).toHaveLength(
        AUDIT_ITEMS.length,
      ),
    );
    const ids = [...document.querySelectorAll<HTMLElement>('[data-testid="audit-item"]')].map(
      (li) => li.dataset.itemId,
    );
    expect(ids).toEqual(AUDIT_ITEMS.map((i) => i.id));

    const follow = item('fb.whoCanFollow');
    expect(follow.dataset.result).toBe('fail');
    expect(follow.textContent).toContain(en('auditFbWhoCanFollow'));
    expect(within(follow).getByTestId('audit-result').textContent).toBe('Needs a change');
    // What the page showed is text, never markup.
    expect(follow.textContent).toContain('Clearline saw: Public <b>');
    expect(follow.querySelector('b')).toBeNull();
    expect(follow.textContent).toContain(en('auditWhyUnwantedContact'));
    expect(follow.textContent).toContain('Recommended: Friends');
    const link = within(follow).getByRole('link', { name: 'Open settings' }) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://www.facebook.com/settings/?tab=followers');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noreferrer');
    // Read as needing a change: the link to the setting, never "I checked this".
    expect(within(follow).queryByRole('button', { name: 'I checked this' })).toBeNull();

    const syncing = item('ig.contactSyncing');
    expect(within(syncing).getByTestId('audit-result').textContent).toBe(
      `You checked this on ${MARCH_5_WORDS}`,
    );
    within(syncing).getByRole('button', { name: 'Undo' });
    expect(within(syncing).queryByRole('button', { name: 'I checked this' })).toBeNull();
  });

  it('"I checked this" asks the background and shows the audit it answers with; Undo takes it back', async () => {
    let view = viewOf({ 'fb.lookupPhone': { result: 'could-not-check' } });
    const calls = background({
      getAudit: () => view,
      confirmAuditItem: ({ itemId, confirmed }) => {
        view = viewOf({
          [itemId]: confirmed
            ? { result: 'confirmed', at: MARCH_5 }
            : { result: 'could-not-check' },
        });
        return view;
      },
    });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    await waitFor(() => expect(scoreOf('facebook')).toBe('12 of 13'));
    fireEvent.click(within(item('fb.lookupPhone')).getByRole('button', { name: 'I checked this' }));

    await waitFor(() => expect(item('fb.lookupPhone').dataset.result).toBe('confirmed'));
    expect(calls('confirmAuditItem')).toEqual([
      ['confirmAuditItem', { itemId: 'fb.lookupPhone', confirmed: true }],
    ]);
    expect(scoreOf('facebook')).toBe('13 of 13, 1 confirmed by you');
    expect(within(item('fb.lookupPhone')).getByTestId('audit-result').textContent).toBe(
      `You checked this on ${MARCH_5_WORDS}`,
    );
    // The answer replaced the view: nothing was loaded again to show it.
    expect(calls('getAudit')).toHaveLength(1);
    const undo = within(item('fb.lookupPhone')).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));

    fireEvent.click(undo);
    await waitFor(() => expect(item('fb.lookupPhone').dataset.result).toBe('could-not-check'));
    expect(calls('confirmAuditItem')[1]).toEqual([
      'confirmAuditItem',
      { itemId: 'fb.lookupPhone', confirmed: false },
    ]);
    expect(scoreOf('facebook')).toBe('12 of 13');
  });

  it('says so when a confirmation is refused, and keeps the item as it was', async () => {
    background({
      getAudit: () => viewOf({ 'ig.activityStatus': { result: 'could-not-check' } }),
      confirmAuditItem: () => {
        throw new MessageError('confirmAuditItem', 'storage-unavailable');
      },
    });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    await screen.findAllByTestId('audit-item');
    const row = item('ig.activityStatus');
    fireEvent.click(within(row).getByRole('button', { name: 'I checked this' }));
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).not.toBe('');
    expect(row.dataset.result).toBe('could-not-check');
  });
});

describe('options: when, history, reload', () => {
  it('says a check is due and when the last one was', async () => {
    background({ getAudit: () => viewOf({}, { reauditDue: true, lastAuditAt: MARCH_5 }) });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    const due = await screen.findByTestId('audit-due');
    expect(due.getAttribute('role')).toBe('status');
    expect(due.textContent).toBe('It has been a while: time for a privacy check.');
    expect(screen.getByTestId('audit-last').textContent).toBe(`Last checked ${MARCH_5_WORDS}`);
  });

  it('shows the ten newest snapshots, newest first', async () => {
    const day = 86_400_000;
    const history = Array.from({ length: 12 }, (_, i) =>
      snapshot(MARCH_5 - (12 - i) * 30 * day, [i, 0, 13], [i % 7, i % 2, 7]),
    );
    background({ getAudit: () => viewOf({}, { history }) });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    const list = await screen.findByTestId('audit-history');
    const shown = within(list).getAllByTestId('audit-snapshot');
    expect(shown).toHaveLength(10);
    expect(shown.map((li) => Number(li.dataset.at))).toEqual(
      history
        .map((s) => s.at)
        .reverse()
        .slice(0, 10),
    );
    expect(shown[0]!.textContent).toContain('Facebook: 11 of 13');
    expect(shown[0]!.textContent).toContain('Instagram: 4 of 7, 1 confirmed by you');
  });

  it('loads the audit again when the coach comes back to the tab', async () => {
    const calls = background({ getAudit: () => viewOf() });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    await screen.findAllByTestId('audit-item');
    expect(calls('getAudit')).toHaveLength(1);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(calls('getAudit')).toHaveLength(2));
  });

  for (const hash of ['#privacy', '#audit']) {
    it(`is its own Settings page, at options.html${hash}: no client list is loaded there`, async () => {
      const calls = background({
        getAudit: () => viewOf(),
        getStoreProblems: () => ({ problems: [] }),
        getLockState: () => ({ hasPassphrase: false, locked: false }),
      });
      history.replaceState(null, '', `/options.html${hash}`);
      render(<OptionsApp />);
      await screen.findAllByTestId('audit-item');
      expect(document.querySelector('main[data-page="privacy"] > section')).toBe(section());
      expect(screen.queryByRole('heading', { level: 2, name: /client list/i })).toBeNull();
      expect(calls('listClients')).toEqual([]);
      history.replaceState(null, '', '/options.html');
    });
  }

  it('before any check: "Not checked yet" instead of a score, and nothing is due', async () => {
    background({ getAudit: () => ({ ...viewOf({}), items: [], lastAuditAt: null }) });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    await waitFor(() => expect(scoreOf('facebook')).toBe('Not checked yet'));
    expect(scoreOf('instagram')).toBe('Not checked yet');
    expect(screen.queryByTestId('audit-counts')).toBeNull();
    expect(screen.queryByTestId('audit-due')).toBeNull();
    expect(screen.getByTestId('audit-never').textContent).toContain('No privacy check yet');
  });

  it('says so when the audit cannot be read, and tries again', async () => {
    let fail = true;
    const calls = background({
      getAudit: () => {
        if (fail) throw new MessageError('getAudit', 'storage-unavailable');
        return viewOf();
      },
    });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    const error = await screen.findByTestId('audit-error');
    expect(error.textContent).toContain("Couldn't load your privacy check");
    fail = false;
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    await screen.findAllByTestId('audit-item');
    expect(calls('getAudit')).toHaveLength(2);
  });
});

describe('options: walk', () => {
  it('goes through every settings page, Facebook then Instagram, one at a time', async () => {
    const calls = background({
      getAudit: () => viewOf({ 'fb.profileLocked': { result: 'could-not-check' } }),
    });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Start the privacy check' }));
    const expected = [...settingsPages('facebook'), ...settingsPages('instagram')];
    const seen: string[] = [];
    for (let step = 1; step <= expected.length; step++) {
      const walk = screen.getByTestId('audit-walk');
      const site = step <= settingsPages('facebook').length ? 'Facebook' : 'Instagram';
      expect(within(walk).getByRole('heading').textContent).toBe(
        `Step ${step} of ${expected.length}: ${site}`,
      );
      const open = within(walk).getByRole('link', { name: 'Open this page' }) as HTMLAnchorElement;
      expect(open.target).toBe('_blank');
      expect(open.rel).toBe('noreferrer');
      expect(within(walk).getByTestId('audit-walk-url').textContent).toBe(
        open.getAttribute('href'),
      );
      seen.push(open.getAttribute('href')!);
      // The items of this page, with what Clearline has for each.
      const onPage = within(walk)
        .getAllByTestId('audit-walk-item')
        .map((li) => li.dataset.itemId);
      expect(onPage).toEqual(
        AUDIT_ITEMS.filter((i) => i.link === open.getAttribute('href')).map((i) => i.id),
      );
      if (step < expected.length)
        fireEvent.click(within(walk).getByRole('button', { name: 'Next' }));
    }
    expect(seen).toEqual(expected);
    const walk = screen.getByTestId('audit-walk');
    expect(within(walk).queryByRole('button', { name: 'Next' })).toBeNull();
    fireEvent.click(within(walk).getByRole('button', { name: 'Back' }));
    expect(screen.getByTestId('audit-walk').dataset.step).toBe(String(expected.length - 1));

    fireEvent.click(within(walk).getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('audit-walk')).toBeNull();
    await waitFor(() => expect(calls('getAudit')).toHaveLength(2));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Start the privacy check' }),
      ),
    );
  });

  it('lets the coach confirm on the walk what the page could not show', async () => {
    let view = viewOf({ 'fb.profileLocked': { result: 'could-not-check' } });
    background({
      getAudit: () => view,
      confirmAuditItem: () => (view = viewOf({ 'fb.profileLocked': { result: 'confirmed' } })),
    });
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Start the privacy check' }));
    const me = settingsPages('facebook').indexOf('https://www.facebook.com/me');
    for (let i = 0; i < me; i++) fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const row = within(screen.getByTestId('audit-walk'))
      .getAllByTestId('audit-walk-item')
      .find((li) => li.dataset.itemId === 'fb.profileLocked')!;
    expect(row.dataset.result).toBe('could-not-check');
    fireEvent.click(within(row).getByRole('button', { name: 'I checked this' }));
    await waitFor(() => expect(item('fb.profileLocked').dataset.result).toBe('confirmed'));
  });
});

describe('options: report and export', () => {
  it('opens the printable report in a new tab', async () => {
    background({ getAudit: () => viewOf() });
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Print report' }));
    await waitFor(() =>
      expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/report.html') }),
    );
  });

  it('exports the audit for supervision as a downloaded JSON file', async () => {
    const calls = background({
      getAudit: () => viewOf(),
      exportAudit: () => ({
        fileName: 'clearline-privacy-check.json',
        contents: '{"items":[]}',
      }),
    });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:clearline/2');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(
      <OnPage ui={ui}>
        <AuditSection />
      </OnPage>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Export for supervision (JSON)' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('clearline-privacy-check.json');
    expect(link.href).toBe('blob:clearline/2');
    const blob = createObjectURL.mock.calls[0]![0] as Blob;
    expect(await blob.text()).toBe('{"items":[]}');
    expect(calls('exportAudit')).toEqual([['exportAudit', {}]]);
    expect((await screen.findByTestId('audit-file-status')).textContent).toContain(
      'clearline-privacy-check.json',
    );
  });
});

describe('popup', () => {
  function onTab(url: string | undefined) {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url }] as never);
  }
  const popupArea = () => screen.findByTestId('audit-popup');
  const failing = {
    'fb.friendsList': { result: 'could-not-check' as const },
    'fb.lookupEmail': { result: 'fail' as const, observed: 'Everyone' },
    'ig.privateAccount': { result: 'fail' as const, observed: 'Off' },
    'ig.storySharing': { result: 'could-not-check' as const },
  };

  it('on Facebook: the score and the first item that needs a look, in checklist order', async () => {
    onTab('https://www.facebook.com/settings/?tab=privacy');
    background({
      getPageStatus: () => null,
      getLockState: () => ({ hasPassphrase: false, locked: false }),
      getAudit: () => viewOf({ ...failing, 'fb.futurePosts': { result: 'confirmed' } }),
    });
    render(<PopupApp />);
    const area = await popupArea();
    await waitFor(() =>
      expect(within(area).getByTestId('audit-score').dataset.platform).toBe('facebook'),
    );
    expect(within(area).getByTestId('audit-score').textContent).toBe(
      '11 of 13, 1 confirmed by you',
    );
    const next = within(area).getByTestId('audit-next');
    expect(next.dataset.itemId).toBe('fb.friendsList');
    expect(next.textContent).toContain(`Next: ${en('auditFbFriendsList')} (Couldn't check)`);
    // Facebook's settings, and it says so: not to be taken for Clearline's.
    const link = within(next).getByRole('link', {
      name: "Open Facebook's privacy settings",
    }) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://www.facebook.com/settings/?tab=privacy');
    expect(link.target).toBe('_blank');
    expect(within(area).queryByTestId('audit-all-checked')).toBeNull();
  });

  it('on Instagram: that platform only', async () => {
    onTab('https://www.instagram.com/someone/');
    background({
      getPageStatus: () => null,
      getLockState: () => ({ hasPassphrase: false, locked: false }),
      getAudit: () => viewOf(failing),
    });
    render(<PopupApp />);
    const area = await popupArea();
    const next = await within(area).findByTestId('audit-next');
    expect(next.dataset.itemId).toBe('ig.privateAccount');
    expect(next.textContent).toContain('(Needs a change)');
    expect(within(area).getByTestId('audit-score').textContent).toBe('5 of 7');
  });

  it('says all checked only when nothing is failing or unchecked', async () => {
    onTab('https://www.instagram.com/');
    background({
      getPageStatus: () => null,
      getLockState: () => ({ hasPassphrase: false, locked: false }),
      getAudit: () => viewOf({ 'ig.contactSyncing': { result: 'confirmed' } }),
    });
    render(<PopupApp />);
    const area = await popupArea();
    await within(area).findByTestId('audit-all-checked');
    expect(within(area).queryByTestId('audit-next')).toBeNull();
  });

  it('when a check is due, offers to open it', async () => {
    onTab('https://www.facebook.com/');
    background({
      getPageStatus: () => null,
      getLockState: () => ({ hasPassphrase: false, locked: false }),
      getAudit: () => viewOf({}, { reauditDue: true }),
    });
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    render(<PopupApp />);
    const area = await popupArea();
    await waitFor(() => expect(area.textContent).toContain('Time for a privacy check'));
    expect(within(area).queryByTestId('audit-all-checked')).toBeNull();
    fireEvent.click(within(area).getByRole('button', { name: 'Open the privacy check' }));
    expect(open).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/options.html#privacy') });
  });

  it('before a first check: "Not checked yet", no score, and the way to start', async () => {
    onTab('https://www.facebook.com/');
    background({
      getPageStatus: () => null,
      getLockState: () => ({ hasPassphrase: false, locked: false }),
      getAudit: () => viewOf(failing, { lastAuditAt: null, reauditDue: true }),
    });
    const open = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    render(<PopupApp />);
    const area = await popupArea();
    await within(area).findByTestId('audit-not-checked');
    expect(area.textContent).toContain('Not checked yet');
    expect(area.textContent).not.toContain('of 13');
    expect(area.textContent).not.toContain('Time for a privacy check');
    expect(within(area).queryByTestId('audit-score')).toBeNull();
    fireEvent.click(within(area).getByRole('button', { name: 'Run your first privacy check' }));
    expect(open).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/options.html#privacy') });
  });

  it('on other sites: only the way to the privacy check', async () => {
    onTab('https://example.org/');
    background({
      getLockState: () => ({ hasPassphrase: false, locked: false }),
      getAudit: () => viewOf(failing),
    });
    render(<PopupApp />);
    const area = await popupArea();
    await waitFor(() => expect(area.dataset.state).toBe('ready'));
    expect(within(area).queryByTestId('audit-score')).toBeNull();
    expect(within(area).queryByTestId('audit-next')).toBeNull();
    expect(within(area).queryByRole('heading')).toBeNull();
    const link = within(area).getByRole('link', {
      name: 'Your privacy check',
    }) as HTMLAnchorElement;
    expect(link.href).toBe(fakeBrowser.runtime.getURL('/options.html#privacy'));
  });

  it('says so when the audit cannot be read', async () => {
    onTab('https://www.facebook.com/');
    background({
      getPageStatus: () => null,
      getLockState: () => ({ hasPassphrase: false, locked: false }),
      getAudit: () => {
        throw new MessageError('getAudit', 'storage-unavailable');
      },
    });
    render(<PopupApp />);
    const error = await screen.findByTestId('audit-popup-error');
    expect(error.textContent).toContain("Couldn't load your privacy check");
  });
});

describe('report page', () => {
  it('shows both platforms, every item with its result, and no client data', async () => {
    const view = viewOf(
      {
        'fb.publicPosts': { result: 'fail', observed: '3 public posts' },
        'ig.messageRequests': { result: 'could-not-check' },
        'ig.tagsMentions': { result: 'confirmed' },
      },
      { history: [snapshot(MARCH_5 - 86_400_000 * 90, [10, 2, 13], [5, 0, 7])] },
    );
    background({ getAudit: () => view });
    render(<ReportApp />);
    await waitFor(() =>
      expect(document.querySelectorAll('[data-testid="audit-item"]')).toHaveLength(
        AUDIT_ITEMS.length,
      ),
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Clearline privacy check');
    expect(document.title).toBe('Clearline privacy check');
    expect(screen.getByTestId('report-date').textContent).toMatch(/^Date: \w+ \d+, \d{4}$/);
    expect(scoreOf('facebook')).toBe('12 of 13');
    expect(scoreOf('instagram')).toBe('6 of 7, 1 confirmed by you');
    for (const entry of AUDIT_ITEMS) {
      const row = item(entry.id);
      expect(row.textContent).toContain(en(entry.title));
      expect(row.textContent).toContain(en('auditRecommended', en(entry.recommended)));
      expect(row.textContent).toContain(en(entry.why, 'client', 'clients'));
    }
    expect(item('fb.publicPosts').textContent).toContain('Clearline saw: 3 public posts');
    expect(within(item('fb.publicPosts')).getByTestId('audit-result').textContent).toBe(
      'Needs a change',
    );
    expect(within(item('ig.messageRequests')).getByTestId('audit-result').textContent).toBe(
      "Couldn't check",
    );
    // Nothing to press on paper.
    expect(document.querySelectorAll('[data-testid="audit-item"] button')).toHaveLength(0);
    expect(
      within(screen.getByTestId('audit-history')).getAllByTestId('audit-snapshot'),
    ).toHaveLength(1);
    expect(screen.getByRole('contentinfo').textContent).toContain(
      'It contains no information about clients.',
    );
    const platforms = [...document.querySelectorAll<HTMLElement>('section.report-platform')];
    expect(platforms.map((s) => s.dataset.platform)).toEqual(['facebook', 'instagram']);
  });

  it('names the coach and the agency, and puts what needs a change first, readings only', async () => {
    await STORAGE_ITEMS.coachName.setValue('Sam Rivera');
    await STORAGE_ITEMS.agencyPolicy.setValue({
      policy: { agencyName: 'Northside Recovery Services' },
      seenAt: 1,
    });
    background({
      getAudit: () =>
        viewOf({
          'fb.publicPosts': { result: 'fail', observed: '3 public posts' },
          'ig.privateAccount': { result: 'fail', observed: 'Off' },
          'ig.tagsMentions': { result: 'confirmed' },
        }),
    });
    render(<ReportApp />);
    await screen.findByTestId('report-coach');
    expect(screen.getByTestId('report-coach').textContent).toBe('Coach: Sam Rivera');
    await waitFor(() =>
      expect(screen.getByTestId('report-agency').textContent).toBe(
        'Agency: Northside Recovery Services',
      ),
    );
    const first = within(screen.getByTestId('report-fix-first')).getAllByRole('listitem');
    expect(first.map((li) => li.dataset.itemId)).toEqual(['fb.publicPosts', 'ig.privateAccount']);
    expect(first[0]!.textContent).toContain('Clearline saw: 3 public posts');
    expect(within(first[0]!).getByRole('link').getAttribute('href')).toMatch(
      /^https:\/\/www\.facebook\.com\//,
    );
  });

  it('prints with the browser', async () => {
    background({ getAudit: () => viewOf() });
    // happy-dom has no print dialog.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(<ReportApp />);
    const button = screen.getByRole('button', { name: 'Print' });
    expect(button.classList.contains('no-print')).toBe(true);
    fireEvent.click(button);
    expect(print).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });
});
