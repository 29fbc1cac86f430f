// @vitest-environment happy-dom
// The popup's lock line, against a mocked background.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../entrypoints/popup/App';
import { MessageError, sendMessage, type MessageName } from '../../../lib/messaging';
import type { LockState } from '../../../lib/store/types';

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

function background(lockState: () => LockState | Promise<LockState>) {
  let state: LockState | null = null;
  send.mockImplementation((async (name: MessageName, payload: { passphrase?: string }) => {
    if (name === 'getPageStatus') return null;
    if (name === 'countObservationsToDiscuss') return { count: 0, urgent: 0 };
    if (name === 'getLockState') return (state ??= await lockState());
    if (name === 'unlock') {
      if (payload.passphrase !== 'correct horse')
        throw new MessageError('unlock', 'wrong-passphrase');
      return (state = { hasPassphrase: true, locked: false });
    }
    if (name === 'lock') return (state = { hasPassphrase: true, locked: true });
    throw new MessageError(name, 'unknown message');
  }) as never);
}
const lockArea = () => screen.getByTestId('lock-state');

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  send.mockReset();
});
afterEach(cleanup);

it('says the list is locked and unlocks it', async () => {
  background(() => ({ hasPassphrase: true, locked: true }));
  render(<PopupApp />);
  await waitFor(() => expect(lockArea().dataset.locked).toBe('true'));
  expect(lockArea().dataset.hasPassphrase).toBe('true');
  expect(lockArea().textContent).toContain('Your list is locked');

  const input = document.querySelector('input[name="unlockPassphrase"]') as HTMLInputElement;
  expect(input.type).toBe('password');
  fireEvent.input(input, { target: { value: 'correct horse' } });
  fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
  await waitFor(() => expect(lockArea().dataset.locked).toBe('false'));
  expect(lockArea().textContent).toContain('Your list is unlocked');
  expect(send).toHaveBeenCalledWith('unlock', { passphrase: 'correct horse' });

  fireEvent.click(screen.getByRole('button', { name: 'Lock now' }));
  await waitFor(() => expect(lockArea().dataset.locked).toBe('true'));
});

it('says so when the lock state cannot be read, rather than hiding it', async () => {
  background(() => Promise.reject(new MessageError('getLockState', 'storage-unavailable')));
  render(<PopupApp />);
  await waitFor(() => expect(lockArea().dataset.state).toBe('error'));
  expect(screen.getByRole('alert').textContent).toContain(
    "Clearline couldn't check whether your list is locked.",
  );
  screen.getByRole('button', { name: 'Try again' });
});

describe("on a client's own profile", () => {
  const ALEX = 'https://www.facebook.com/alex.rivera.demo';
  function onProfile(standing: { verdict: string; label: string | null }, locked = false) {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: ALEX }] as never);
    send.mockImplementation((async (name: MessageName) => {
      if (name === 'getPageStatus')
        return {
          site: 'facebook',
          url: ALEX,
          pageKind: 'profile',
          profileKey: 'fb:alex.rivera.demo',
          profileOwner: 'other',
          diagnostics: { lang: 'en', checks: [] },
          reportedAt: Date.now(),
        };
      if (name === 'getProfileStanding') return standing;
      if (name === 'countObservationsToDiscuss') return { count: 0, urgent: 0 };
      if (name === 'getLockState') return { hasPassphrase: locked, locked };
      throw new MessageError(name, 'unknown message');
    }) as never);
  }

  it('says "On your client list", with the label while unlocked', async () => {
    onProfile({ verdict: 'client', label: 'A.R.' });
    render(<PopupApp />);
    const line = await screen.findByTestId('profile-on-list');
    expect(line.textContent).toBe('On your client list: A.R.');
    expect(send).toHaveBeenCalledWith('getProfileStanding', { keys: ['fb:alex.rivera.demo'] });
    expect(document.body.textContent).not.toContain("someone else's profile");
  });

  it('without the label while locked', async () => {
    onProfile({ verdict: 'former-client', label: null }, true);
    render(<PopupApp />);
    const line = await screen.findByTestId('profile-on-list');
    expect(line.textContent).toBe('On your client list.');
  });

  it("someone not on the list: someone else's profile", async () => {
    onProfile({ verdict: 'unknown', label: null });
    render(<PopupApp />);
    await waitFor(() => expect(document.body.textContent).toContain("someone else's profile"));
    expect(screen.queryByTestId('profile-on-list')).toBeNull();
    // Clearline's own settings say whose they are.
    expect(screen.getByRole('link', { name: 'Clearline settings' })).toBeTruthy();
  });
});
