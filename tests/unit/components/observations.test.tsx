// @vitest-environment happy-dom
// The options page's observation log against a mocked background: statuses in
// words, urgent ones standing out, the filter, the next steps, the note editor,
// delete asking first, the summary export, and failures that never look empty.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ObservationsSection } from '../../../components/observations/ObservationsSection';
import { safePostUrl } from '../../../components/observations/words';
import { translator } from '../../../lib/i18n';
import {
  MessageError,
  sendMessage,
  type MessageName,
  type MessagePayload,
  type MessageResponse,
} from '../../../lib/messaging';
import { countByFilter, pageOf } from '../../../lib/observations/paging';
import type { ObservationView } from '../../../lib/observations/types';
import type { SupervisionFigures } from '../../../lib/background/supervision-summary';
import { OnPage } from './onPage';

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

type Handlers = {
  [N in MessageName]?: (
    payload: MessagePayload<N>,
  ) => MessageResponse<N> | Promise<MessageResponse<N>>;
};
function background(handlers: Handlers) {
  send.mockImplementation((async (name: MessageName, payload: unknown) => {
    const handler = handlers[name] as ((p: unknown) => unknown) | undefined;
    if (!handler) throw new MessageError(name, 'unknown message');
    return handler(payload);
  }) as never);
}
/** A background holding these observations: it pages, filters and counts them as the real one does. */
function log(observations: ObservationView[], locked = false): Handlers {
  return {
    getObservationPage: ({ filter, page }) => {
      const { rows, start } = pageOf(observations, filter, page);
      return { observations: rows, start, counts: countByFilter(observations), locked };
    },
    countObservations: () => countByFilter(observations),
  };
}
const calls = (name: MessageName) => send.mock.calls.filter(([n]) => n === name).map(([, p]) => p);

const ui = {
  t: translator('en'),
  words: { one: 'client', many: 'clients' },
  locale: 'en' as const,
};

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 4, 4, 12);
const obs = (over: Partial<ObservationView> = {}): ObservationView => ({
  id: 'o1',
  createdAt: T0,
  platform: 'facebook',
  clientLabel: 'J.D.',
  clientKey: 'fb:jane.doe',
  postUrl: 'https://www.facebook.com/jane.doe/posts/1',
  note: 'Posted a photo from a bar on Friday night.',
  status: 'to-discuss',
  discussedAt: null,
  sharedAt: null,
  urgent: false,
  ...over,
});
const SAMPLE: ObservationView[] = [
  obs(),
  obs({
    id: 'o2',
    createdAt: T0 + DAY,
    platform: 'instagram',
    status: 'discussed',
    discussedAt: T0 + 2 * DAY,
    urgent: true,
    postUrl: 'javascript:alert(1)',
  }),
  obs({ id: 'o3', createdAt: T0 - DAY, status: 'shared', sharedAt: T0, clientLabel: null }),
  obs({ id: 'o4', createdAt: T0 - 2 * DAY, status: 'no-action', note: '' }),
];

const section = () => screen.getByTestId('observations');
const items = () => within(section()).queryAllByTestId('observation');
const item = (id: string) => items().find((li) => li.dataset.observationId === id) as HTMLElement;
const ids = () => items().map((li) => li.dataset.observationId);

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('observations', () => {
  it('lists them newest first, statuses in words, urgent ones tagged', async () => {
    background(log(SAMPLE));
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(4));
    expect(ids()).toEqual(['o2', 'o1', 'o3', 'o4']);
    const status = (id: string) => within(item(id)).getByTestId('observation-status').textContent;
    expect(status('o1')).toBe('To discuss');
    expect(status('o2')).toMatch(/^Discussed with them on May \d, 2025$/);
    expect(status('o3')).toMatch(/^Shared with the team on May \d, 2025$/);
    expect(status('o4')).toBe('No action');
    expect(item('o2').dataset.urgent).toBe('true');
    expect(item('o2').classList.contains('urgent')).toBe(true);
    expect(within(item('o2')).getByTestId('observation-urgent').textContent).toBe('Urgent');
    expect(item('o1').dataset.urgent).toBe('false');
    expect(within(item('o1')).queryByTestId('observation-urgent')).toBeNull();
    expect(item('o1').textContent).toContain('J.D.');
    expect(item('o1').textContent).toContain('Facebook');
    expect(item('o2').textContent).toContain('Instagram');
    expect(item('o3').textContent).toContain('Unknown person');
    expect(item('o4').textContent).toContain('No note.');
    const link = item('o1').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.facebook.com/jane.doe/posts/1');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noreferrer');
    // Not a Facebook or Instagram https address: no link at all.
    expect(item('o2').querySelector('a')).toBeNull();
    expect(item('o1').textContent).toContain('Posted a photo from a bar on Friday night.');
  });

  it('filters: to discuss, urgent, closed, all', async () => {
    background(log(SAMPLE));
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(4));
    const select = section().querySelector<HTMLSelectElement>('select[name="observationFilter"]')!;
    const pick = async (value: string, expected: string[]) => {
      fireEvent.change(select, { target: { value } });
      await waitFor(() => expect(ids()).toEqual(expected));
    };
    await pick('to-discuss', ['o1']);
    await pick('urgent', ['o2']);
    await pick('closed', ['o3', 'o4']);
    await pick('all', ['o2', 'o1', 'o3', 'o4']);
  });

  it('moves one along and shows the view the background returns', async () => {
    background({
      ...log([obs()]),
      updateObservation: ({ id, status }) =>
        obs({ id, status: status!, discussedAt: status === 'discussed' ? T0 + DAY : null }),
    });
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(1));
    fireEvent.click(within(item('o1')).getByRole('button', { name: 'Discussed with them' }));
    await waitFor(() => expect(item('o1').dataset.status).toBe('discussed'));
    expect(calls('updateObservation')).toEqual([{ id: 'o1', status: 'discussed' }]);
    expect(within(item('o1')).getByTestId('observation-status').textContent).toMatch(
      /^Discussed with them on May 5, 2025$/,
    );
    fireEvent.click(within(item('o1')).getByRole('button', { name: 'Shared with the team' }));
    await waitFor(() => expect(item('o1').dataset.status).toBe('shared'));
    expect(within(item('o1')).getByRole('button', { name: 'No action' })).toBeTruthy();
  });

  it('edits the note inline, with the person-centered hint', async () => {
    background({
      ...log([obs()]),
      updateObservation: ({ id, note }) => obs({ id, note: note! }),
    });
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(1));
    fireEvent.click(within(item('o1')).getByRole('button', { name: 'Edit note' }));
    const field = item('o1').querySelector<HTMLTextAreaElement>(
      'textarea[name="observationNote"]',
    )!;
    expect(field.value).toBe('Posted a photo from a bar on Friday night.');
    expect(item('o1').textContent).toContain('not the person');
    fireEvent.input(field, { target: { value: ' Talked on Monday; <b>they</b> will call. ' } });
    fireEvent.click(within(item('o1')).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(within(item('o1')).getByTestId('observation-note').textContent).toBe(
        'Talked on Monday; <b>they</b> will call.',
      ),
    );
    expect(calls('updateObservation')).toEqual([
      { id: 'o1', note: 'Talked on Monday; <b>they</b> will call.' },
    ]);
    expect(item('o1').querySelector('b')).toBeNull();
  });

  it('while locked, hides who and the note and asks to unlock before editing', async () => {
    background({
      ...log([obs({ clientLabel: null, clientKey: null, postUrl: null, note: null })], true),
    });
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(item('o1').textContent).toContain('Locked');
    expect(item('o1').textContent).toContain('Note hidden while your list is locked.');
    fireEvent.click(within(item('o1')).getByRole('button', { name: 'Edit note' }));
    expect(item('o1').querySelector('textarea')).toBeNull();
    expect(within(item('o1')).getByRole('alert').textContent).toBe(
      'Unlock your list to edit notes.',
    );
    expect(calls('updateObservation')).toEqual([]);
  });

  it('asks before deleting', async () => {
    background({
      ...log(SAMPLE),
      deleteObservation: () => ({ deleted: true }),
    });
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(4));
    fireEvent.click(within(item('o1')).getByRole('button', { name: 'Delete' }));
    expect(calls('deleteObservation')).toEqual([]);
    fireEvent.click(within(item('o1')).getByRole('button', { name: 'Keep it' }));
    expect(within(item('o1')).queryByTestId('confirm-delete-observation')).toBeNull();
    fireEvent.click(within(item('o1')).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(item('o1')).getByTestId('confirm-delete-observation'));
    await waitFor(() => expect(ids()).toEqual(['o2', 'o3', 'o4']));
    expect(calls('deleteObservation')).toEqual([{ id: 'o1' }]);
    expect(section().textContent).toContain('Observation deleted.');
  });

  it('says so when there are none, and when loading failed', async () => {
    background(log([]));
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(screen.getByTestId('observations-empty')).toBeTruthy());
    cleanup();
    let fail = true;
    background({
      getObservationPage: (request) => {
        if (fail) throw new MessageError('getObservationPage', 'storage-unavailable');
        return log([obs()]).getObservationPage!(request);
      },
    });
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('observations'));
    expect(screen.queryByTestId('observations-empty')).toBeNull();
    expect(items()).toHaveLength(0);
    fail = false;
    // Coming back to the tab loads again.
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(screen.queryByTestId('observations-error')).toBeNull();
  });

  it('exports the summary as two downloaded files, counts only', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 4, 6, 10));
    background({
      ...log([]),
      exportSupervisionSummary: () => ({
        figures: {} as SupervisionFigures,
        csv: 'status,count\nto-discuss,1\n',
        json: '{"urgent":0}',
      }),
    });
    const createObjectURL = vi
      .spyOn(URL, 'createObjectURL')
      .mockReturnValueOnce('blob:clearline/csv')
      .mockReturnValueOnce('blob:clearline/json');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    expect(section().textContent).toContain('No names, handles, labels or notes');
    fireEvent.click(screen.getByRole('button', { name: 'Export supervision summary' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    vi.useRealTimers();
    const links = click.mock.contexts as HTMLAnchorElement[];
    expect(links.map((l) => l.download)).toEqual([
      'clearline-supervision-summary-2025-05-06.csv',
      'clearline-supervision-summary-2025-05-06.json',
    ]);
    const blobs = createObjectURL.mock.calls.map(([b]) => b as Blob);
    expect(await blobs[0]!.text()).toBe('status,count\nto-discuss,1\n');
    expect(await blobs[1]!.text()).toBe('{"urgent":0}');
    expect(calls('exportSupervisionSummary')).toEqual([{}]);
    expect(section().textContent).toContain('clearline-supervision-summary-2025-05-06.csv');
  });
});

describe('observations, a page at a time', () => {
  // 120 observations, one an hour, newest o0; every third one still to discuss.
  const MANY = Array.from({ length: 120 }, (_, i) =>
    obs({
      id: `o${i}`,
      createdAt: T0 - i * 3_600_000,
      status: i % 3 === 0 ? 'to-discuss' : 'no-action',
      clientLabel: `Person ${i}`,
    }),
  );
  const range = () => screen.getByTestId('observations-range').textContent;
  const button = (name: RegExp) => within(section()).getByRole('button', { name });
  const optionTexts = () =>
    [...section().querySelectorAll('select[name="observationFilter"] option')].map(
      (o) => o.textContent,
    );

  it("shows the newest 50 with the range and every filter's count, from one request", async () => {
    background(log(MANY));
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(50));
    expect(ids()[0]).toBe('o0');
    expect(ids().at(-1)).toBe('o49');
    expect(range()).toBe('Showing 1–50 of 120, newest first');
    expect(screen.getByTestId('observations-range').getAttribute('aria-live')).toBe('polite');
    expect(optionTexts()).toEqual(['All (120)', 'To discuss (40)', 'Urgent (0)', 'Closed (80)']);
    // Each row came with its person: no request per row, one for the page.
    expect(send.mock.calls.map(([name]) => name)).toEqual(['getObservationPage']);
    expect(calls('getObservationPage')).toEqual([{ filter: 'all', page: null }]);
    expect((button(/Newer/) as HTMLButtonElement).disabled).toBe(true);
    expect((button(/Older/) as HTMLButtonElement).disabled).toBe(false);
    expect(within(section()).getByRole('navigation', { name: 'Observation pages' })).toBeTruthy();
  });

  it('Older and Newer turn the page from the rows shown; focus goes to the first row', async () => {
    background(log(MANY));
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(50));
    fireEvent.click(button(/Older/));
    await waitFor(() => expect(range()).toBe('Showing 51–100 of 120, newest first'));
    expect(ids()[0]).toBe('o50');
    expect(calls('getObservationPage').at(-1)).toEqual({
      filter: 'all',
      page: { direction: 'older', at: { createdAt: MANY[49]!.createdAt, id: 'o49' } },
    });
    await waitFor(() => expect(document.activeElement).toBe(item('o50')));
    fireEvent.click(button(/Older/));
    await waitFor(() => expect(range()).toBe('Showing 101–120 of 120, newest first'));
    expect(items()).toHaveLength(20);
    expect((button(/Older/) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(button(/Newer/));
    await waitFor(() => expect(range()).toBe('Showing 51–100 of 120, newest first'));
    expect(ids()[0]).toBe('o50');
    // The page holds one page of rows, never the whole log.
    expect(items()).toHaveLength(50);
  });

  it('the filter is applied by the background, from the newest page', async () => {
    background(log(MANY));
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(50));
    fireEvent.click(button(/Older/));
    await waitFor(() => expect(ids()[0]).toBe('o50'));
    const select = section().querySelector<HTMLSelectElement>('select[name="observationFilter"]')!;
    fireEvent.change(select, { target: { value: 'to-discuss' } });
    await waitFor(() => expect(range()).toBe('Showing 1–40 of 40, newest first'));
    expect(calls('getObservationPage').at(-1)).toEqual({ filter: 'to-discuss', page: null });
    expect(ids().every((id) => Number(id?.slice(1)) % 3 === 0)).toBe(true);
    // One page holds them all: no way to turn pages.
    expect(within(section()).queryByRole('navigation')).toBeNull();
  });

  it('marking a row keeps the page where it was and refreshes the counts', async () => {
    const records = MANY.map((o) => ({ ...o }));
    background({
      ...log(records),
      updateObservation: ({ id, status }) => {
        const record = records.find((o) => o.id === id)!;
        record.status = status!;
        record.discussedAt = T0;
        return { ...record };
      },
    });
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(50));
    const select = section().querySelector<HTMLSelectElement>('select[name="observationFilter"]')!;
    fireEvent.change(select, { target: { value: 'to-discuss' } });
    await waitFor(() => expect(range()).toBe('Showing 1–40 of 40, newest first'));
    const pagesAsked = calls('getObservationPage').length;
    fireEvent.click(within(item('o3')).getByRole('button', { name: 'Discussed with them' }));
    await waitFor(() => expect(item('o3').dataset.status).toBe('discussed'));
    // It stays in sight (no longer "to discuss") until the coach turns the page.
    expect(ids()[1]).toBe('o3');
    await waitFor(() => expect(optionTexts()[1]).toBe('To discuss (39)'));
    expect(calls('countObservations')).toHaveLength(1);
    expect(calls('getObservationPage')).toHaveLength(pagesAsked);
  });

  it('deleting a row keeps the page; the next row takes the focus', async () => {
    const records = MANY.map((o) => ({ ...o }));
    background({
      ...log(records),
      deleteObservation: ({ id }) => {
        records.splice(
          records.findIndex((o) => o.id === id),
          1,
        );
        return { deleted: true };
      },
    });
    render(
      <OnPage ui={ui}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(50));
    fireEvent.click(button(/Older/));
    await waitFor(() => expect(ids()[0]).toBe('o50'));
    fireEvent.click(within(item('o52')).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(item('o52')).getByTestId('confirm-delete-observation'));
    await waitFor(() => expect(ids()).not.toContain('o52'));
    expect(ids()[0]).toBe('o50');
    await waitFor(() => expect(document.activeElement).toBe(item('o53')));
    await waitFor(() => expect(optionTexts()[0]).toBe('All (119)'));
    expect(range()).toBe('Showing 51–99 of 119, newest first');
  });

  it('speaks Spanish', async () => {
    background(log(MANY));
    render(
      <OnPage ui={{ ...ui, t: translator('es'), locale: 'es' }}>
        <ObservationsSection />
      </OnPage>,
    );
    await waitFor(() => expect(items()).toHaveLength(50));
    expect(range()).toBe('Se muestran 1–50 de 120, las más recientes primero');
    expect(button(/Más antiguas/)).toBeTruthy();
    expect(optionTexts()[0]).toBe('Todas (120)');
  });
});

describe('safePostUrl', () => {
  it('links only https Facebook and Instagram addresses', () => {
    expect(safePostUrl('https://www.instagram.com/p/abc/')).toBe(
      'https://www.instagram.com/p/abc/',
    );
    expect(safePostUrl('https://m.facebook.com/story.php?id=1')).not.toBeNull();
    for (const bad of [
      'http://www.facebook.com/x',
      'https://evilfacebook.com/x',
      'https://facebook.com.evil.example/x',
      'javascript:alert(1)',
      'https://user@facebook.com/x',
      'not a url',
      null,
    ])
      expect(safePostUrl(bad), String(bad)).toBeNull();
  });
});
