// @vitest-environment happy-dom
// The agency's requirePassphrase as a coach meets it before choosing one: a
// guided first step on the options page (the form right there), a card in the
// popup and on the welcome page that leads to it, and never the "no passphrase,
// never locks" wording; without the policy, none of it. In English and Spanish.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../entrypoints/options/App';
import { PopupApp } from '../../../entrypoints/popup/App';
import { WelcomeApp } from '../../../entrypoints/welcome/App';
import { translate, type Locale, type MessageKey } from '../../../lib/i18n';
import {
  MessageError,
  sendMessage,
  type MessageName,
  type MessagePayload,
  type MessageResponse,
} from '../../../lib/messaging';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import type { LockState } from '../../../lib/store/types';

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);
const calls = (name: MessageName) => send.mock.calls.filter(([n]) => n === name);

type Handlers = {
  [N in MessageName]?: (
    payload: MessagePayload<N>,
  ) => MessageResponse<N> | Promise<MessageResponse<N>>;
};

const NEEDS_ONE: LockState = { hasPassphrase: false, locked: false, passphraseRequired: true };
const NONE: LockState = { hasPassphrase: false, locked: false };
const PASS = 'river stone lamp';

/**
 * A stand-in background with the list behind `initial`. As the real one does, it
 * refuses the list while a required passphrase is missing, and a first passphrase
 * clears the requirement.
 */
function background(initial: LockState, more: Handlers = {}) {
  let lock = initial;
  const handlers: Handlers = {
    getLockState: () => lock,
    listClients: () => {
      if (lock.passphraseRequired) throw new MessageError('listClients', 'passphrase-required');
      return { clients: [], locked: lock.locked };
    },
    listDecisions: () => ({ decisions: [] }),
    getStoreProblems: () => ({ problems: [] }),
    getPageStatus: () => null,
    countObservationsToDiscuss: () => ({ count: 0, urgent: 0 }),
    setPassphrase: ({ next }) => {
      if (next !== PASS) throw new MessageError('setPassphrase', 'passphrase-too-short');
      return (lock = { hasPassphrase: true, locked: false });
    },
    lock: () => (lock = { ...lock, locked: true }),
    ...more,
  };
  send.mockImplementation((async (name: MessageName, payload: unknown) => {
    const handler = handlers[name] as ((p: unknown) => unknown) | undefined;
    if (!handler) throw new MessageError(name, 'unknown message');
    return handler(payload);
  }) as never);
}

async function agencyRequiresPassphrase() {
  await fakeBrowser.storage.local.set({
    [STORAGE_ITEMS.agencyPolicy.key]: { policy: { requirePassphrase: true }, seenAt: Date.now() },
  });
}

function speak(locale: Locale) {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale === 'es' ? 'es-MX' : 'en-US');
  return (key: MessageKey, ...rest: string[]) => translate(locale, key, rest);
}

/** Everything that would tell a coach the list goes without a passphrase. */
const NO_PASSPHRASE_WORDS: MessageKey[] = [
  'lockNoPassphrase',
  'passphraseIntro',
  'passphraseRemoveHint',
  'passphraseRemoveButton',
  'passphraseRemoved',
];
function expectNoNeverLocks(t: ReturnType<typeof speak>) {
  const text = document.body.textContent ?? '';
  for (const key of NO_PASSPHRASE_WORDS) {
    // The client word is substituted in some: compare the part before it.
    const words = t(key, '\u0000', '\u0000').split('\u0000')[0]!;
    expect(text, key).not.toContain(words);
  }
  expect(text).not.toMatch(/never locks|no longer locks|nunca se bloquea|ya no se bloquea/i);
}

const step = () => screen.queryByTestId('first-step');
/** Follows a link to another Settings page (options.html#page), as the side navigation does. */
const goTo = (page: string) =>
  act(() => {
    history.pushState(null, '', `/options.html#${page}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
const field = (selector: string) => document.querySelector(selector) as HTMLInputElement | null;
const type = (selector: string, value: string) =>
  fireEvent.input(field(selector)!, { target: { value } });

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
  history.replaceState(null, '', '/options.html');
});
afterEach(cleanup);

describe('options page under requirePassphrase, before a passphrase', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`starts with the guided step, its form right there (${locale})`, async () => {
      const t = speak(locale);
      await agencyRequiresPassphrase();
      background(NEEDS_ONE);
      render(<OptionsApp />);
      await waitFor(() => expect(step()?.dataset.state).toBe('todo'));
      const words = locale === 'es' ? 'clientes' : 'client';
      expect(screen.getByRole('heading', { name: t('firstStepHeading') })).toBeTruthy();
      expect(screen.getByTestId('first-step-intro').textContent).toBe(
        t('firstStepIntro', 'client', 'clientes'),
      );
      expect(screen.getByTestId('first-step-intro').textContent).toContain(words);
      // The passphrase fields and the button are in the step itself.
      const form = step()!.querySelector('form[data-testid="passphrase-form"]');
      expect(form?.querySelector('input[name="newPassphrase"]')).not.toBeNull();
      expect(form?.querySelector('input[name="confirmPassphrase"]')).not.toBeNull();
      expect(form?.querySelector('input[name="currentPassphrase"]')).toBeNull();
      expect(form?.querySelector('button[type="submit"]')?.textContent).toBe(
        t('passphraseSetButton'),
      );
      // The step comes before everything else the page offers.
      expect(document.querySelector('main > section, main > div')).toBe(step());
      await waitFor(() => expect(lockPanel().dataset.passphraseRequired).toBe('true'));
      expectNoNeverLocks(t);
    });
  }

  it('offers one passphrase form only, and no client form that would be refused', async () => {
    const t = speak('en');
    await agencyRequiresPassphrase();
    background(NEEDS_ONE);
    render(<OptionsApp />);
    await waitFor(() => expect(step()).not.toBeNull());
    await waitFor(() => expect(calls('listClients').length).toBeGreaterThan(0));
    expect(document.querySelectorAll('form[data-testid="passphrase-form"]')).toHaveLength(1);
    expect(field('form[data-testid="add-client"]')).toBeNull();
    // The refused list is not shown as an error: the section says what it waits for.
    expect(screen.queryByTestId('clients-load-error')).toBeNull();
    const clients = document.querySelector('section[aria-labelledby="clients-heading"]')!;
    expect(clients.querySelector('[role="alert"]')).toBeNull();
    expect(clients.textContent).toContain(t('firstStepPointer', 'client', 'clients'));
    // The passphrase section (Lock and backup) says the agency requires one, and points up too.
    await goTo('protection');
    await waitFor(() => expect(step()).not.toBeNull());
    expect(document.querySelectorAll('form[data-testid="passphrase-form"]')).toHaveLength(1);
    const section = document.querySelector('section[aria-labelledby="passphrase-heading"]')!;
    expect(section.textContent).toContain('Your agency requires a passphrase.');
    expect(section.querySelector('form')).toBeNull();
  });

  it('"Choose a passphrase" in the list brings the coach to the step\'s first field', async () => {
    speak('en');
    await agencyRequiresPassphrase();
    background(NEEDS_ONE);
    render(<OptionsApp />);
    await waitFor(() => expect(lockPanel().dataset.passphraseRequired).toBe('true'));
    const [inList] = screen.getAllByRole('button', { name: 'Choose a passphrase' });
    fireEvent.click(inList!);
    expect(document.activeElement).toBe(step()!.querySelector('input[name="newPassphrase"]'));
  });

  it('arriving at options.html#first-step, the first field is ready to type in', async () => {
    speak('en');
    history.replaceState(null, '', '/options.html#first-step');
    await agencyRequiresPassphrase();
    background(NEEDS_ONE);
    render(<OptionsApp />);
    await waitFor(() =>
      expect(document.activeElement).toBe(field('#first-step input[name="newPassphrase"]')),
    );
  });

  it('choosing a passphrase: the step says the list is protected, and the list opens', async () => {
    const t = speak('en');
    await agencyRequiresPassphrase();
    background(NEEDS_ONE);
    render(<OptionsApp />);
    await waitFor(() => expect(step()?.dataset.state).toBe('todo'));
    type('#first-step input[name="newPassphrase"]', PASS);
    type('#first-step input[name="confirmPassphrase"]', 'river stone lump');
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    expect((await screen.findByTestId('passphrase-error')).textContent).toContain("don't match");
    expect(calls('setPassphrase')).toEqual([]);

    type('#first-step input[name="confirmPassphrase"]', PASS);
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    await waitFor(() => expect(step()?.dataset.state).toBe('done'));
    expect(calls('setPassphrase')).toEqual([['setPassphrase', { current: null, next: PASS }]]);
    const done = screen.getByTestId('first-step-done');
    expect(done.textContent).toContain(t('firstStepDone'));
    expect(document.activeElement).toBe(done);
    // The list opens, unlocked, and can be locked.
    await waitFor(() => expect(lockPanel().dataset.hasPassphrase).toBe('true'));
    expect(lockPanel().textContent).toContain('Your list is unlocked.');
    await screen.findByTestId('clients-empty');
    expect(field('form[data-testid="add-client"]')).not.toBeNull();
    // The agency keeps the passphrase: it can be changed, not removed.
    await goTo('protection');
    await screen.findByTestId('passphrase-kept-by-agency');
    expect(screen.queryByRole('button', { name: 'Remove passphrase' })).toBeNull();
    expect(screen.getByTestId('passphrase-kept-by-agency').textContent).toContain(
      "can't be removed",
    );
    expectNoNeverLocks(t);
    fireEvent.click(screen.getByRole('button', { name: 'Lock now' }));
    await waitFor(() => expect(lockPanel().dataset.locked).toBe('true'));
  });
});

describe('options page without the policy', () => {
  it('shows no first step; the passphrase stays optional', async () => {
    speak('en');
    background(NONE);
    render(<OptionsApp />);
    await waitFor(() => expect(lockPanel().dataset.hasPassphrase).toBe('false'));
    expect(step()).toBeNull();
    expect(lockPanel().textContent).toContain('Your list has no passphrase, so it never locks.');
    expect(field('form[data-testid="add-client"]')).not.toBeNull();
    await goTo('protection');
    await waitFor(() => expect(document.body.textContent).toContain('A passphrase is optional.'));
    expect(screen.queryByRole('button', { name: 'Choose a passphrase' })).toBeNull();
  });

  it('under the policy with a passphrase already set: no step, and no way to remove it', async () => {
    speak('en');
    await agencyRequiresPassphrase();
    background({ hasPassphrase: true, locked: false });
    history.replaceState(null, '', '/options.html#protection');
    render(<OptionsApp />);
    await waitFor(() => expect(lockPanel().dataset.hasPassphrase).toBe('true'));
    expect(step()).toBeNull();
    await screen.findByRole('button', { name: 'Change passphrase' });
    expect(screen.queryByRole('button', { name: 'Remove passphrase' })).toBeNull();
  });
});

function lockPanel() {
  return screen.getByTestId('lock-state');
}

describe('popup', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`under the policy, before a passphrase: the step first, with one link to it (${locale})`, async () => {
      const t = speak(locale);
      await agencyRequiresPassphrase();
      background(NEEDS_ONE);
      render(<PopupApp />);
      const card = await screen.findByTestId('popup-first-step');
      expect(card.textContent).toContain(t('firstStepHeading'));
      expect(card.textContent).toContain(t('firstStepIntro', 'client', 'clientes'));
      const link = screen.getByTestId('popup-first-step-link') as HTMLAnchorElement;
      expect(link.textContent).toBe(t('firstStepButton'));
      expect(link.getAttribute('href')).toMatch(/\/options\.html#first-step$/);
      expect(link.target).toBe('_blank');
      // Right under the title: before what the popup says about the page.
      expect(
        card.compareDocumentPosition(screen.getByTestId('page-status')) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      // Nothing to lock or unlock yet, and no word about never locking.
      expect(screen.queryByTestId('lock-state')).toBeNull();
      expectNoNeverLocks(t);
    });
  }

  it('without the policy: no step; the lock line as before', async () => {
    speak('en');
    background(NONE);
    render(<PopupApp />);
    await waitFor(() => expect(lockPanel().dataset.state).toBe('ready'));
    expect(screen.queryByTestId('popup-first-step')).toBeNull();
    expect(lockPanel().textContent).toContain('never locks');
  });

  it('once the passphrase is set: no step, and the list locks and unlocks', async () => {
    speak('en');
    await agencyRequiresPassphrase();
    background({ hasPassphrase: true, locked: true });
    render(<PopupApp />);
    await waitFor(() => expect(lockPanel().dataset.locked).toBe('true'));
    expect(screen.queryByTestId('popup-first-step')).toBeNull();
    expect(field('input[name="unlockPassphrase"]')).not.toBeNull();
  });
});

describe('welcome page', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`under the policy, the step is where to start (${locale})`, async () => {
      const t = speak(locale);
      await agencyRequiresPassphrase();
      background(NEEDS_ONE);
      render(<WelcomeApp />);
      const card = await screen.findByTestId('welcome-first-step');
      expect(card.textContent).toContain(t('firstStepIntro', 'client', 'clientes'));
      expect(
        (screen.getByTestId('welcome-first-step-link') as HTMLAnchorElement).getAttribute('href'),
      ).toMatch(/\/options\.html#first-step$/);
      expect(document.body.textContent).toContain(
        t('welcomePrivacyRequired', 'client', 'clientes'),
      );
      expect(document.body.textContent).not.toContain(t('welcomePrivacy', 'client', 'clientes'));
      // One suggested next step, not two.
      expect(document.querySelectorAll('.btn-primary')).toHaveLength(1);
      expect(screen.queryByTestId('welcome-options')).toBeNull();
    });
  }

  it('without the policy: no step, and the lock is not even asked about', async () => {
    speak('en');
    background(NONE);
    render(<WelcomeApp />);
    await waitFor(() =>
      expect(screen.getByTestId('welcome').getAttribute('data-ready')).toBe('true'),
    );
    expect(screen.queryByTestId('welcome-first-step')).toBeNull();
    screen.getByTestId('welcome-options');
    expect(calls('getLockState')).toEqual([]);
  });
});
