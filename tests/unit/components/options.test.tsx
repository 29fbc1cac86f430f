// @vitest-environment happy-dom
// The whole options page against a mocked background: the lock, the sections
// that replace or erase data, and what the page says when the store has trouble.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../entrypoints/options/App';
import {
  MessageError,
  sendMessage,
  type MessageName,
  type MessagePayload,
  type MessageResponse,
} from '../../../lib/messaging';
import { translate } from '../../../lib/i18n';
import {
  BACKUP_MAX_BYTES,
  ERASE_CONFIRMATION,
  type ClientView,
  type LockState,
} from '../../../lib/store/types';

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
/** A stand-in background: each test says what it answers; anything else is refused. */
function background(handlers: Handlers) {
  send.mockImplementation((async (name: MessageName, payload: unknown) => {
    const handler = handlers[name] as ((p: unknown) => unknown) | undefined;
    if (!handler) throw new MessageError(name, 'unknown message');
    return handler(payload);
  }) as never);
}
const calls = (name: MessageName) => send.mock.calls.filter(([n]) => n === name);

const client: ClientView = {
  id: 'c1',
  profileKeys: ['fb:jane.doe'],
  label: 'J.D.',
  note: '',
  dischargedOn: null,
  status: 'current',
  addedAt: 0,
};
const lockedClient: ClientView = { ...client, profileKeys: null, label: null, note: null };

/** The usual background: a list with one client, behind the given lock. */
function listBehind(initial: LockState, more: Handlers = {}) {
  let lock = initial;
  background({
    getLockState: () => lock,
    listClients: () => ({ clients: [lock.locked ? lockedClient : client], locked: lock.locked }),
    listDecisions: () => ({ decisions: [] }),
    getStoreProblems: () => ({ problems: [] }),
    unlock: ({ passphrase }) => {
      if (passphrase !== 'correct horse') throw new MessageError('unlock', 'wrong-passphrase');
      lock = { ...lock, locked: false };
      return lock;
    },
    lock: () => (lock = { ...lock, locked: true }),
    ...more,
  });
}

const lockArea = () => screen.getByTestId('lock-state');
const field = (selector: string) => document.querySelector(selector) as HTMLInputElement;
const type = (selector: string, value: string) =>
  fireEvent.input(field(selector), { target: { value } });

/** Opens Settings at one of its pages, as a link to options.html#page would. */
const showPage = (page: string) => history.replaceState(null, '', `/options.html#${page}`);

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  send.mockReset();
  history.replaceState(null, '', '/options.html');
});
afterEach(cleanup);

describe('lock', () => {
  it('shows the unlock form while locked, unlocks, and reloads the list', async () => {
    listBehind({ hasPassphrase: true, locked: true });
    render(<OptionsApp />);
    await waitFor(() => expect(lockArea().dataset.locked).toBe('true'));
    expect(lockArea().dataset.hasPassphrase).toBe('true');
    expect(lockArea().textContent).toContain('Your list is locked.');
    expect(field('input[type="password"][name="unlockPassphrase"]')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Lock now' })).toBeNull();
    expect(
      await screen.findAllByText('Locked', { selector: '[data-testid="client"] span' }),
    ).toHaveLength(2);

    type('input[name="unlockPassphrase"]', 'wrong one');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByTestId('lock-error')).textContent).toContain(
      "That passphrase didn't work.",
    );

    const listed = calls('listClients').length;
    type('input[name="unlockPassphrase"]', 'correct horse');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(lockArea().dataset.locked).toBe('false'));
    expect(lockArea().textContent).toContain('Your list is unlocked.');
    expect(calls('listClients').length).toBeGreaterThan(listed);
    await screen.findByText('J.D.');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Lock now'));

    fireEvent.click(screen.getByRole('button', { name: 'Lock now' }));
    await waitFor(() => expect(lockArea().dataset.locked).toBe('true'));
    expect(calls('lock')).toEqual([['lock', {}]]);
  });

  it('brings the coach to the unlock field instead of adding a label to a locked list', async () => {
    listBehind({ hasPassphrase: true, locked: true });
    render(<OptionsApp />);
    await waitFor(() => expect(lockArea().dataset.locked).toBe('true'));
    type('input[name="profileUrl"]', 'https://www.facebook.com/jane.doe');
    type('form[data-testid="add-client"] input[name="label"]', 'J.D.');
    fireEvent.submit(field('form[data-testid="add-client"]'));
    expect((await screen.findByTestId('add-client-error')).textContent).toContain(
      'Unlock your list first',
    );
    expect(document.activeElement).toBe(field('input[name="unlockPassphrase"]'));
    expect(calls('addClient')).toEqual([]);
  });

  it('offers no lock without a passphrase, and says so', async () => {
    listBehind({ hasPassphrase: false, locked: false });
    showPage('protection');
    render(<OptionsApp />);
    await waitFor(() => expect(lockArea().dataset.hasPassphrase).toBe('false'));
    expect(lockArea().dataset.locked).toBe('false');
    expect(lockArea().textContent).toContain('Your list has no passphrase');
    expect(field('input[name="unlockPassphrase"]')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lock now' })).toBeNull();
    // The passphrase section offers to set one, with the warning beside the button.
    expect(field('input[name="currentPassphrase"]')).toBeNull();
    const set = screen.getByRole('button', { name: 'Set passphrase' });
    expect(document.getElementById(set.getAttribute('aria-describedby')!)?.textContent).toContain(
      'nobody can recover it',
    );
  });
});

describe('loading', () => {
  it('explains a list that failed to load rather than showing it empty', async () => {
    listBehind(
      { hasPassphrase: false, locked: false },
      {
        listClients: () => {
          throw new MessageError('listClients', 'storage-unavailable');
        },
      },
    );
    render(<OptionsApp />);
    const error = await screen.findByTestId('clients-load-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain("Clearline couldn't load your client list");
    expect(error.textContent).toContain("Clearline couldn't reach its storage on this device.");
    expect(screen.queryByTestId('clients-empty')).toBeNull();
  });

  it('says when the lock state cannot be read', async () => {
    listBehind(
      { hasPassphrase: false, locked: false },
      { getLockState: () => Promise.reject(new Error('Receiving end does not exist.')) },
    );
    render(<OptionsApp />);
    await waitFor(() => expect(lockArea().dataset.state).toBe('error'));
    expect(lockArea().dataset.locked).toBeUndefined();
    expect(lockArea().textContent).toContain(
      "Clearline couldn't check whether your list is locked. Something went wrong: Receiving end does not exist.",
    );
  });

  it('lists database problems, each with what to do', async () => {
    listBehind(
      { hasPassphrase: false, locked: false },
      {
        getStoreProblems: () => ({
          problems: [
            { kind: 'blocked', detail: '', at: 0 },
            { kind: 'write-failed', detail: 'AbortError', at: 0 },
          ],
        }),
      },
    );
    render(<OptionsApp />);
    const problems = await screen.findByTestId('store-problems');
    expect(problems.getAttribute('role')).toBe('alert');
    expect(problems.textContent).toContain(
      'Another Clearline tab is holding the old database open; close other Clearline tabs and reload',
    );
    expect(problems.textContent).toContain("Clearline couldn't save a change (AbortError).");
    expect(problems.textContent).toContain('Nothing already saved was deleted');
  });
});

describe('passphrase', () => {
  beforeEach(() => showPage('protection'));
  it('checks the confirmation and length before setting a first passphrase', async () => {
    listBehind(
      { hasPassphrase: false, locked: false },
      { setPassphrase: () => ({ hasPassphrase: true, locked: false }) },
    );
    render(<OptionsApp />);
    await screen.findByRole('button', { name: 'Set passphrase' });
    type('input[name="newPassphrase"]', 'short');
    type('input[name="confirmPassphrase"]', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    expect((await screen.findByTestId('passphrase-error')).textContent).toContain(
      'at least 8 characters',
    );
    type('input[name="newPassphrase"]', 'river stone lamp');
    type('input[name="confirmPassphrase"]', 'river stone lump');
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    expect((await screen.findByTestId('passphrase-error')).textContent).toContain("don't match");
    expect(calls('setPassphrase')).toEqual([]);

    type('input[name="confirmPassphrase"]', 'river stone lamp');
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    await waitFor(() => expect(lockArea().dataset.hasPassphrase).toBe('true'));
    expect(calls('setPassphrase')).toEqual([
      ['setPassphrase', { current: null, next: 'river stone lamp' }],
    ]);
    // Now it can be changed or removed with the current one.
    expect(field('input[name="currentPassphrase"]')).not.toBeNull();
    screen.getByRole('button', { name: 'Change passphrase' });
    screen.getByRole('button', { name: 'Remove passphrase' });
  });
});

describe('backup', () => {
  beforeEach(() => showPage('protection'));
  it('exports to a downloaded file', async () => {
    listBehind(
      { hasPassphrase: false, locked: false },
      { exportBackup: () => ({ fileName: 'clearline-backup.json', contents: '{"v":1}' }) },
    );
    const createObjectURL = vi.fn(() => 'blob:clearline/1');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<OptionsApp />);
    type('input[name="exportPassphrase"]', 'backup passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('clearline-backup.json');
    expect(link.href).toBe('blob:clearline/1');
    expect(calls('exportBackup')).toEqual([['exportBackup', { passphrase: 'backup passphrase' }]]);
    expect((await screen.findByTestId('export-status')).textContent).toContain(
      'clearline-backup.json',
    );
    vi.unstubAllGlobals();
  });

  const chooseFile = (file: File) =>
    fireEvent.change(field('input[type="file"][name="importFile"]'), {
      target: { files: [file] },
    });

  it('asks before replacing anything, then imports and reports the counts', async () => {
    listBehind(
      { hasPassphrase: false, locked: false },
      { importBackup: () => ({ clients: 3, decisions: 7 }) },
    );
    render(<OptionsApp />);
    chooseFile(new File(['{"backup":true}'], 'backup.json', { type: 'application/json' }));
    type('input[name="importPassphrase"]', 'backup passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Import backup' }));

    const confirm = await screen.findByTestId('confirm-import');
    expect(confirm.textContent).toBe('Yes, replace my data');
    expect(screen.getByText(/This replaces all Clearline data on this device/)).not.toBeNull();
    expect(calls('importBackup')).toEqual([]);
    // The list is not on this page: what is shown here (the lock) is read again.
    const read = calls('getLockState').length;

    fireEvent.click(confirm);
    expect((await screen.findByTestId('import-status')).textContent).toBe(
      'Backup restored. Entries on your list: 3. “Not a client” answers: 7.',
    );
    expect(calls('importBackup')).toEqual([
      ['importBackup', { contents: '{"backup":true}', passphrase: 'backup passphrase' }],
    ]);
    await waitFor(() => expect(calls('getLockState').length).toBeGreaterThan(read));
  });

  it('sends nothing when the coach cancels', async () => {
    listBehind({ hasPassphrase: false, locked: false });
    render(<OptionsApp />);
    chooseFile(new File(['{}'], 'backup.json'));
    type('input[name="importPassphrase"]', 'backup passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Import backup' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('confirm-import')).toBeNull();
    expect(calls('importBackup')).toEqual([]);
  });

  it('says what went wrong and that nothing changed', async () => {
    listBehind(
      { hasPassphrase: false, locked: false },
      {
        importBackup: () => {
          throw new MessageError('importBackup', 'backup-newer-version');
        },
      },
    );
    render(<OptionsApp />);
    chooseFile(new File(['{}'], 'backup.json'));
    type('input[name="importPassphrase"]', 'backup passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Import backup' }));
    fireEvent.click(await screen.findByTestId('confirm-import'));
    expect((await screen.findByTestId('import-error')).textContent).toBe(
      'That backup comes from a newer version of Clearline. Update Clearline on this device, then try again. Nothing on this device was changed.',
    );
  });

  it('refuses a file too large to be a backup without reading it', async () => {
    listBehind({ hasPassphrase: false, locked: false });
    render(<OptionsApp />);
    const huge = new File(['{}'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: BACKUP_MAX_BYTES + 1 });
    const read = vi.spyOn(huge, 'text');
    chooseFile(huge);
    type('input[name="importPassphrase"]', 'backup passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Import backup' }));
    expect((await screen.findByTestId('import-error')).textContent).toContain(
      'That file is too large to be a Clearline backup.',
    );
    expect(screen.queryByTestId('confirm-import')).toBeNull();
    expect(read).not.toHaveBeenCalled();
  });
});

describe('erase', () => {
  beforeEach(() => showPage('protection'));
  it('tells the coach to type the very word the button waits for, in every language', () => {
    for (const locale of ['en', 'es'] as const) {
      expect(translate(locale, 'eraseConfirmLabel')).toContain(ERASE_CONFIRMATION);
      expect(translate(locale, 'error_confirmation_mismatch')).toContain(ERASE_CONFIRMATION);
    }
  });

  it('keeps the button disabled until ERASE is typed, then erases and reloads', async () => {
    listBehind({ hasPassphrase: false, locked: false }, { eraseAll: () => ({ erased: true }) });
    render(<OptionsApp />);
    const button = screen.getByRole('button', { name: 'Erase all Clearline data' });
    expect(button).toHaveProperty('disabled', true);
    type('input[name="eraseConfirmation"]', 'erase');
    expect(button).toHaveProperty('disabled', true);
    type('input[name="eraseConfirmation"]', 'ERASE ');
    expect(button).toHaveProperty('disabled', true);
    fireEvent.submit(field('form[data-testid="erase-all"]'));
    expect(calls('eraseAll')).toEqual([]);

    type('input[name="eraseConfirmation"]', 'ERASE');
    expect(button).toHaveProperty('disabled', false);
    // The list is not on this page: what is shown here (the lock) is read again.
    const read = calls('getLockState').length;
    fireEvent.click(button);
    expect((await screen.findByTestId('erase-status')).textContent).toContain('has been erased');
    expect(calls('eraseAll')).toEqual([['eraseAll', { confirmation: 'ERASE' }]]);
    await waitFor(() => expect(calls('getLockState').length).toBeGreaterThan(read));
  });
});

describe('pages', () => {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Clearline',
      version: '0.1.0',
    });
  });
  const openPage = () => document.querySelector('main')?.dataset.page;
  const current = () => document.querySelector('nav a[aria-current="page"]')?.getAttribute('href');
  const follow = (hash: string) =>
    act(() => {
      history.pushState(null, '', `/options.html${hash}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });

  it('each address opens its page, and the navigation marks it', async () => {
    listBehind({ hasPassphrase: false, locked: false });
    const expected: Record<string, string> = {
      '': 'clients',
      '#clients': 'clients',
      '#observations': 'observations',
      '#privacy': 'privacy',
      '#audit': 'privacy',
      '#prompts': 'prompts',
      '#protection': 'protection',
      '#agency': 'agency',
      '#about': 'about',
      '#first-step': 'clients',
      '#nothing-here': 'clients',
    };
    for (const [hash, page] of Object.entries(expected)) {
      history.replaceState(null, '', `/options.html${hash}`);
      render(<OptionsApp />);
      expect(openPage(), hash).toBe(page);
      expect(current(), hash).toBe(`#${page}`);
      cleanup();
    }
  });

  it('only the client list page asks for the list; lock and problems are read on every page', async () => {
    listBehind({ hasPassphrase: false, locked: false });
    showPage('about');
    render(<OptionsApp />);
    await waitFor(() => expect(calls('getStoreProblems').length).toBeGreaterThan(0));
    expect(calls('getLockState').length).toBeGreaterThan(0);
    expect(calls('listClients')).toEqual([]);
    expect(calls('listDecisions')).toEqual([]);
    await follow('#clients');
    await screen.findByTestId('clients');
    expect(calls('listClients')).toHaveLength(1);
  });

  it('follows links, back and forward, each page rendered alone', async () => {
    listBehind({ hasPassphrase: false, locked: false });
    render(<OptionsApp />);
    await screen.findByTestId('clients');
    await follow('#protection');
    expect(openPage()).toBe('protection');
    expect(screen.queryByTestId('clients')).toBeNull();
    expect(document.querySelector('form[data-testid="erase-all"]')).not.toBeNull();
    await follow('#about');
    expect(screen.getByTestId('about-version').textContent).toContain('Version');
    await follow('#clients');
    expect(openPage()).toBe('clients');
    expect(document.querySelector('form[data-testid="erase-all"]')).toBeNull();
  });
});
