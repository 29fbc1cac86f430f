// @vitest-environment happy-dom
// The client list's pieces, against a mocked background: what is sent, what is
// shown, and that nothing the coach or a page typed is ever rendered as markup.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddClientForm } from '../../../components/clients/AddClientForm';
import { ClientsSection } from '../../../components/clients/ClientsSection';
import { describeError, type Ui } from '../../../components/shared/pageWords';
import { translator, type Locale } from '../../../lib/i18n';
import { MessageError, sendMessage } from '../../../lib/messaging';
import { clientWords, type ClientTerm } from '../../../lib/settings';
import { STORE_ERRORS, type ClientView } from '../../../lib/store/types';
import { OnPage } from './onPage';

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

const makeUi = (locale: Locale = 'en', term: ClientTerm = 'client'): Ui => ({
  t: translator(locale),
  words: clientWords(locale, term),
  locale,
});
const ui = makeUi();

const client = (over: Partial<ClientView> = {}): ClientView => ({
  id: 'c1',
  profileKeys: ['fb:jane.doe', 'fb:id:100012345678'],
  label: 'J.D.',
  note: 'Asked to meet up after group',
  dischargedOn: null,
  status: 'current',
  addedAt: 0,
  ...over,
});

const input = (selector: string) => document.querySelector(selector) as HTMLInputElement;
const type = (selector: string, value: string) =>
  fireEvent.input(input(selector), { target: { value } });

// Braces matter: a function returned from beforeEach runs as a teardown.
beforeEach(() => {
  send.mockReset();
});
afterEach(cleanup);

describe('AddClientForm', () => {
  const renderForm = (locked = false) => {
    const onAdded = vi.fn();
    const onNeedUnlock = vi.fn();
    render(
      <OnPage ui={ui}>
        <AddClientForm locked={locked} onAdded={onAdded} onNeedUnlock={onNeedUnlock} />
      </OnPage>,
    );
    return { onAdded, onNeedUnlock };
  };

  it('sends the trimmed fields, clears the form and announces the result', async () => {
    send.mockResolvedValue(client() as never);
    const { onAdded } = renderForm();
    type('input[name="profileUrl"]', ' https://www.facebook.com/jane.doe ');
    type('input[name="label"]', 'J.D. ');
    type('textarea[name="note"]', 'Asked to meet up after group');
    fireEvent.submit(document.querySelector('form[data-testid="add-client"]')!);

    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith('addClient', {
      profileUrl: 'https://www.facebook.com/jane.doe',
      label: 'J.D.',
      note: 'Asked to meet up after group',
      dischargedOn: null,
    });
    expect(screen.getByRole('status').textContent).toBe('Added J.D. to your client list.');
    expect(input('input[name="profileUrl"]').value).toBe('');
    expect(document.querySelector('[data-testid="add-client-error"]')).toBeNull();
  });

  it('sends the discharge date of a former client, shown only once "former" is checked', async () => {
    send.mockResolvedValue(client() as never);
    renderForm();
    expect(document.querySelector('input[name="dischargedOn"]')).toBeNull();
    type('input[name="profileUrl"]', 'https://www.instagram.com/jane.doe');
    fireEvent.click(input('input[name="former"]'));
    type('input[name="dischargedOn"]', '2024-05-03');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith('addClient', {
        profileUrl: 'https://www.instagram.com/jane.doe',
        label: '',
        note: '',
        dischargedOn: '2024-05-03',
      }),
    );
  });

  it('shows the refusal from the background in words, in an alert', async () => {
    send.mockRejectedValue(new MessageError('addClient', 'invalid-profile-url'));
    const { onAdded } = renderForm();
    type('input[name="profileUrl"]', 'https://example.com/jane');
    fireEvent.submit(document.querySelector('form[data-testid="add-client"]')!);

    const alert = await screen.findByRole('alert');
    expect(alert.dataset.testid).toBe('add-client-error');
    expect(alert.textContent).toBe(
      "That doesn't look like a Facebook or Instagram profile address. Open their profile and copy the address from the address bar, for example https://www.facebook.com/jane.doe or https://www.instagram.com/jane.doe.",
    );
    expect(onAdded).not.toHaveBeenCalled();
    // What was typed stays, so the coach can fix it.
    expect(input('input[name="profileUrl"]').value).toBe('https://example.com/jane');
  });

  it("uses the agency's word in an error, in the page's language", async () => {
    send.mockRejectedValue(new MessageError('addClient', 'already-a-client'));
    cleanup();
    render(
      <OnPage ui={makeUi('es', 'participant')}>
        <AddClientForm locked={false} onAdded={() => {}} onNeedUnlock={() => {}} />
      </OnPage>,
    );
    type('input[name="profileUrl"]', 'https://www.facebook.com/jane.doe');
    fireEvent.submit(document.querySelector('form[data-testid="add-client"]')!);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ese perfil ya está en tu lista de participantes.',
    );
  });

  it('asks for the passphrase first, without sending, when the list is locked and a label is given', async () => {
    const { onNeedUnlock } = renderForm(true);
    type('input[name="profileUrl"]', 'https://www.facebook.com/jane.doe');
    type('input[name="label"]', 'J.D.');
    fireEvent.submit(document.querySelector('form[data-testid="add-client"]')!);

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Unlock your list first to add a label or note',
    );
    expect(onNeedUnlock).toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
    expect(input('input[name="label"]').value).toBe('J.D.');
  });

  it('still adds a bare profile while the list is locked', async () => {
    send.mockResolvedValue(client({ label: null, note: null, profileKeys: null }) as never);
    const { onAdded } = renderForm(true);
    type('input[name="profileUrl"]', 'https://www.facebook.com/jane.doe');
    fireEvent.submit(document.querySelector('form[data-testid="add-client"]')!);
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
  });
});

describe('ClientsSection', () => {
  const renderSection = (clients: Parameters<typeof ClientsSection>[0]['clients']) => {
    const onChanged = vi.fn();
    render(
      <OnPage ui={ui}>
        <ClientsSection
          lockPanel={null}
          clients={clients}
          locked={false}
          onChanged={onChanged}
          onRetry={() => {}}
          onNeedUnlock={() => {}}
        />
      </OnPage>,
    );
    return { onChanged };
  };

  it('renders a label and note containing markup as plain text', () => {
    const markup = '<img src=x onerror=alert(1)>';
    renderSection({
      state: 'ready',
      value: { clients: [client({ label: markup, note: `<b>${markup}</b>` })], locked: false },
    });
    const item = document.querySelector('li[data-testid="client"]')!;
    expect(item.querySelector('img')).toBeNull();
    expect(item.querySelector('b')).toBeNull();
    expect(item.textContent).toContain(markup);
    expect(item.textContent).toContain(`<b>${markup}</b>`);
  });

  it('shows each client with keys, status and note, and "Locked" for hidden values', () => {
    renderSection({
      state: 'ready',
      value: {
        clients: [
          client(),
          client({
            id: 'c2',
            label: null,
            note: null,
            profileKeys: null,
            dischargedOn: '2024-05-03',
            status: 'former',
          }),
          client({ id: 'c3', dischargedOn: '2019-01-10', status: 'former-past-window' }),
        ],
        locked: true,
      },
    });
    const [first, second, third] = screen.getAllByRole('listitem');
    expect(first!.dataset.clientId).toBe('c1');
    expect(first!.textContent).toContain(
      'https://www.facebook.com/jane.doe, https://www.facebook.com/profile.php?id=100012345678',
    );
    expect(first!.textContent).toContain('Current client');
    expect(first!.textContent).toContain('Asked to meet up after group');
    expect(second!.textContent).toContain('Locked');
    expect(second!.textContent).toContain(
      'Former client (discharged May 3, 2024), counted until May 3, 2027',
    );
    expect(third!.textContent).toContain('Former client, outside the look-back window');
  });

  it('says the list could not be loaded instead of showing an empty list', () => {
    renderSection({
      state: 'error',
      error: new MessageError('listClients', 'storage-unavailable'),
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("Clearline couldn't load your client list");
    expect(alert.textContent).toContain("That doesn't mean it's empty.");
    expect(document.querySelector('[data-testid="clients-empty"]')).toBeNull();
  });

  it('says so when the list is empty', () => {
    renderSection({ state: 'ready', value: { clients: [], locked: false } });
    expect(screen.getByTestId('clients-empty').textContent).toContain(
      'No one is on your client list yet.',
    );
  });

  it('removes only after an inline confirmation, then reloads', async () => {
    send.mockResolvedValue({ removed: true } as never);
    const { onChanged } = renderSection({
      state: 'ready',
      value: { clients: [client()], locked: false },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.getByRole('group').textContent).toContain('Remove J.D.? This cannot be undone.');
    // The safe answer has focus, so a stray Enter keeps the entry.
    expect(document.activeElement?.textContent).toBe('Keep');
    expect(send).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('confirm-remove'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith('removeClient', { id: 'c1' });
    expect(screen.getByTestId('clients-status').textContent).toBe(
      'Removed J.D. from your client list.',
    );
  });

  it('sends only the fields changed, each with the value it was edited from', async () => {
    send.mockResolvedValue(client() as never);
    const { onChanged } = renderSection({
      state: 'ready',
      value: { clients: [client()], locked: false },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    type('li input[name="label"]', '  Jane D. ');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith('updateClient', {
      id: 'c1',
      label: { from: 'J.D.', to: 'Jane D.' },
    });
  });

  it('an edit refused as changed in another tab says to reload, and refreshes the list', async () => {
    send.mockRejectedValue(new MessageError('updateClient', 'changed-elsewhere'));
    const { onChanged } = renderSection({
      state: 'ready',
      value: { clients: [client()], locked: false },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    type('li textarea[name="note"]', 'Thursdays now');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/another tab/));
    expect(screen.getByRole('alert').textContent).toMatch(/Reload this page/);
    expect(onChanged).toHaveBeenCalled();
    // The form stays open with the coach's words in it.
    expect((document.querySelector('li textarea[name="note"]') as HTMLTextAreaElement).value).toBe(
      'Thursdays now',
    );
  });

  it('edits inline and sends only the discharge date while the list is locked', async () => {
    send.mockResolvedValue(client() as never);
    const { onChanged } = renderSection({
      state: 'ready',
      value: { clients: [client({ label: null, note: null, profileKeys: null })], locked: true },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(input('li input[name="label"]').disabled).toBe(true);
    fireEvent.click(input('li input[name="former"]'));
    type('li input[name="dischargedOn"]', '2025-01-31');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith('updateClient', {
      id: 'c1',
      dischargedOn: { from: null, to: '2025-01-31' },
    });
  });
});

describe('describeError', () => {
  it('has a message for every store error code, in every locale', () => {
    for (const locale of ['en', 'es'] as const) {
      for (const code of STORE_ERRORS) {
        const text = describeError(makeUi(locale), new MessageError('x', code));
        expect(text, `${locale} ${code}`).not.toMatch(/error_|\$/);
        expect(text).not.toContain(code);
      }
    }
  });

  it('passes any other reason through as the detail', () => {
    expect(describeError(ui, new MessageError('listClients', 'no reply from Clearline'))).toBe(
      'Something went wrong: no reply from Clearline.',
    );
    expect(describeError(ui, new Error('boom'))).toBe('Something went wrong: boom.');
  });
});
