// @vitest-environment happy-dom
// No page shows Clearline's internal profile keys (fb:jane.doe): coaches know a
// person by the profile's address, so the client list, the "not a client"
// answers, the observation log and the popup say that instead.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ObservationsSection } from '../../../components/observations/ObservationsSection';
import { OptionsApp } from '../../../entrypoints/options/App';
import { PopupApp } from '../../../entrypoints/popup/App';
import { translator } from '../../../lib/i18n';
import { MessageError, sendMessage, type MessageName } from '../../../lib/messaging';
import { countByFilter, pageOf } from '../../../lib/observations/paging';
import type { ObservationView } from '../../../lib/observations/types';
import { OnPage } from './onPage';

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

const RAW_KEY = /\b(fb|ig):[a-z0-9._-]+/i;

/** A background that knows these profiles; everything else is refused, as the real one might. */
function background(answers: Partial<Record<MessageName, unknown>>) {
  send.mockImplementation((async (name: MessageName) => {
    if (name in answers) return answers[name];
    throw new MessageError(name, 'unknown message');
  }) as never);
}

const observation = (over: Partial<ObservationView>): ObservationView => ({
  id: 'o1',
  createdAt: Date.UTC(2025, 4, 4, 12),
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

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  send.mockReset();
});
afterEach(cleanup);

it('the client list and the "not a client" answers show addresses, not keys', async () => {
  history.replaceState(null, '', '/options.html#clients');
  background({
    getLockState: { hasPassphrase: false, locked: false },
    getStoreProblems: { problems: [] },
    listClients: {
      locked: false,
      clients: [
        {
          id: 'c1',
          profileKeys: ['fb:jane.doe', 'fb:id:100012345678'],
          label: 'J.D.',
          note: '',
          dischargedOn: null,
          status: 'current',
          addedAt: 0,
        },
        {
          id: 'c2',
          profileKeys: ['ig:sam_k.demo'],
          label: '',
          note: '',
          dischargedOn: null,
          status: 'current',
          addedAt: 0,
        },
      ],
    },
    listDecisions: { decisions: [{ id: 'd1', profileKey: 'fb:alex.rivera.demo', decidedAt: 0 }] },
  });
  render(<OptionsApp />);
  await waitFor(() => expect(screen.getAllByTestId('client')).toHaveLength(2));
  await screen.findByTestId('decision');
  const text = document.body.textContent ?? '';
  expect(text).toContain(
    'https://www.facebook.com/jane.doe, https://www.facebook.com/profile.php?id=100012345678',
  );
  expect(text).toContain('https://www.instagram.com/sam_k.demo');
  expect(screen.getByTestId('decision').textContent).toContain(
    'https://www.facebook.com/alex.rivera.demo',
  );
  expect(text).not.toMatch(RAW_KEY);
});

it('the observation log names people by label, never by key', async () => {
  const observations = [
    observation({}),
    observation({ id: 'o2', clientLabel: null, clientKey: 'ig:sam_k.demo', platform: 'instagram' }),
  ];
  background({
    getObservationPage: {
      start: pageOf(observations, 'all', null).start,
      observations: pageOf(observations, 'all', null).rows,
      counts: countByFilter(observations),
      locked: false,
    },
    countObservations: countByFilter(observations),
  });
  const ui = {
    t: translator('en'),
    words: { one: 'client', many: 'clients' },
    locale: 'en' as const,
  };
  render(
    <OnPage ui={ui}>
      <ObservationsSection />
    </OnPage>,
  );
  await waitFor(() => expect(screen.getAllByTestId('observation')).toHaveLength(2));
  expect(document.body.textContent).not.toMatch(RAW_KEY);
});

it.each([
  ['on the list', { verdict: 'client', label: 'A.R.' }],
  ['not on the list', { verdict: 'unknown', label: null }],
])("the popup on someone's profile (%s) shows no key", async (_, standing) => {
  const url = 'https://www.facebook.com/alex.rivera.demo';
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url }] as never);
  background({
    getPageStatus: {
      site: 'facebook',
      url,
      pageKind: 'profile',
      profileKey: 'fb:alex.rivera.demo',
      profileOwner: 'other',
      diagnostics: { lang: 'en', checks: [] },
      reportedAt: Date.now(),
    },
    getProfileStanding: standing,
    countObservationsToDiscuss: { count: 0, urgent: 0 },
    getLockState: { hasPassphrase: false, locked: false },
  });
  render(<PopupApp />);
  await waitFor(() =>
    expect(document.querySelector('[data-profile-owner="other"]')).not.toBeNull(),
  );
  expect(document.body.textContent).not.toMatch(RAW_KEY);
});
