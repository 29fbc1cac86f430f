// @vitest-environment happy-dom
// The boundary prompt page against a mocked background: which buttons each stage
// offers (by accessible name, as the end-to-end tests find them), what is sent,
// and the safety rules: inert at first, Escape cancels, page text stays text.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PromptApp } from '../../../entrypoints/prompt/App';
import { handedOver, toldContent } from './prompt-start';
import { MessageError, sendMessage, type MessageName } from '../../../lib/messaging';
import { PROMPT_INERT_MS, type PromptContext } from '../../../lib/prompt/types';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import { installVisibility, setSeenWhole, testSight } from './visibility';

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

const NONCE = 'AbCdEfGhIjKlMnOpQrStUv12';

const context = (over: Partial<PromptContext> = {}): PromptContext => ({
  stage: 'ask',
  action: 'add-friend',
  site: 'facebook',
  category: 'friend',
  mode: 'remind',
  profileKey: 'fb:jane.doe',
  name: 'Jane Doe',
  verdict: 'unknown',
  clientLabel: null,
  locked: false,
  afterHours: false,
  workHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
  post: null,
  noted: false,
  ...over,
});

type Answer = (payload: Record<string, unknown>) => { context: PromptContext | null };

/** A background that serves `first` and answers with `onAnswer` (by default: done). */
function background(
  first: PromptContext | (() => never),
  onAnswer: Answer = () => ({ context: null }),
) {
  send.mockImplementation((async (name: MessageName, payload: Record<string, unknown>) => {
    if (name === 'getPromptContext') return typeof first === 'function' ? first() : first;
    if (name === 'answerPrompt') return onAnswer(payload);
    throw new MessageError(name, 'unknown message');
  }) as never);
}

/** Lets promises and timers run, inside act so Preact renders what they changed. */
async function advance(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/** Renders the page and waits until the question is shown and its buttons are live. */
async function open(term?: 'participant', locale?: 'es') {
  if (term || locale) {
    await fakeBrowser.storage.local.set({
      [STORAGE_ITEMS.userSettings.key]: {
        version: 1,
        values: { ...(term ? { clientTerm: term } : {}), ...(locale ? { locale } : {}) },
      },
    });
  }
  render(<PromptApp start={handedOver(NONCE)} sight={testSight} />);
  for (let i = 0; i < 5; i++) await advance(0);
}
const live = () => advance(PROMPT_INERT_MS);

const button = (name: string) => screen.getByRole('button', { name });
const buttons = () => screen.getAllByRole('button').map((b) => b.textContent);
const answers = () =>
  send.mock.calls.filter(([name]) => name === 'answerPrompt').map(([, payload]) => payload);
const dialog = () => screen.getByRole('dialog');

beforeEach(() => {
  installVisibility();
  vi.useFakeTimers();
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  send.mockReset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ask', () => {
  it('asks, with the four buttons, then says it is up', async () => {
    background(context());
    await open();
    expect(send).toHaveBeenCalledWith('getPromptContext', { nonce: NONCE });
    expect(toldContent).toEqual(['shown']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Add Jane Doe as a friend?');
    expect(dialog().textContent).toContain('Clearline on Facebook');
    expect(dialog().textContent).toContain('Is this person a client?');
    // "Not a client: go ahead" first: most people asked about are not, and it takes one click.
    expect(buttons()).toEqual([
      'Not a client: go ahead',
      'This person is a client: add to my list',
      'Cancel',
      'Continue',
    ]);
    expect(dialog().getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog().getAttribute('aria-labelledby')!)?.tagName).toBe('H1');
    expect(document.getElementById(dialog().getAttribute('aria-describedby')!)).not.toBeNull();
    expect(document.activeElement).toBe(button('Cancel'));
  });

  it('says what each action is about to do', async () => {
    const heads: [PromptContext['action'], string][] = [
      ['confirm-request', "Confirm Jane Doe's friend request?"],
      ['follow', 'Follow Jane Doe?'],
      ['follow-back', 'Follow Jane Doe back?'],
      ['message', 'Message Jane Doe?'],
      ['send-message', 'Send this message to Jane Doe?'],
    ];
    for (const [action, heading] of heads) {
      background(context({ action }));
      await open();
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(heading);
      cleanup();
    }
    background(context({ name: null }));
    await open();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Add this person as a friend?',
    );
  });

  it('ignores every button but Cancel for the first 600 ms, then answers', async () => {
    background(context());
    await open();
    expect(dialog().dataset.inert).toBe('true');
    // Cancel is always safe: it never waits (a press meant for the page only cancels).
    expect(button('Cancel').getAttribute('aria-disabled')).toBeNull();
    for (const name of [
      'Continue',
      'Not a client: go ahead',
      'This person is a client: add to my list',
    ]) {
      expect(button(name).getAttribute('aria-disabled')).toBe('true');
      fireEvent.click(button(name));
    }
    await advance(0);
    expect(answers()).toEqual([]);

    await advance(PROMPT_INERT_MS - 100);
    fireEvent.click(button('Continue'));
    await advance(0);
    expect(answers()).toEqual([]);

    await advance(100);
    expect(dialog().dataset.inert).toBe('false');
    expect(button('Continue').getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(button('Continue'));
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'continue' }]);
    // A final answer: the content script removes the frame; nothing more is shown.
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('stays inert while the page covers it, and for 600 ms after it is seen whole again', async () => {
    background(context());
    await open();
    // Covered from the start (the page laid its own layer over the frame): never live.
    await act(() => setSeenWhole(false));
    await advance(PROMPT_INERT_MS * 3);
    expect(dialog().dataset.inert).toBe('true');
    fireEvent.click(button('Continue'));
    fireEvent.click(button('Not a client: go ahead'));
    await advance(0);
    expect(answers()).toEqual([]);
    // Uncovered: 600 ms more, counted from then.
    await act(() => setSeenWhole(true));
    await advance(PROMPT_INERT_MS - 100);
    expect(dialog().dataset.inert).toBe('true');
    await advance(100);
    expect(dialog().dataset.inert).toBe('false');
    // Covered again for a moment: inert at once, and a click in that moment is refused.
    await act(() => setSeenWhole(false));
    await advance(0);
    fireEvent.click(button('Continue'));
    await advance(0);
    expect(answers()).toEqual([]);
    // Escape (a cancel) is always safe.
    fireEvent.keyDown(document, { key: 'Escape' });
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'cancel' }]);
  });

  it('answers cancel on Escape, and keeps Tab inside the page', async () => {
    background(context());
    await open();
    const all = screen.getAllByRole('button');
    all[all.length - 1]!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(all[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(all[all.length - 1]);

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'cancel' }]);
  });

  it('renders a name full of markup as text', async () => {
    const name = '<img src=x onerror=alert(1)><b>Jane</b>';
    background(context({ name }));
    await open();
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(`Add ${name} as a friend?`);
    expect(document.querySelector('img, b')).toBeNull();
    const shown = heading.querySelector('.prompt-name')!;
    expect(shown.textContent).toBe(name);
    expect(shown.getAttribute('title')).toBe(name);
  });

  it('marks a client with a label, then shows the guidance', async () => {
    background(context(), (payload) => {
      expect(payload).toEqual({ nonce: NONCE, choice: 'client', label: 'J.D.' });
      return { context: context({ stage: 'guidance', verdict: 'client', clientLabel: 'J.D.' }) };
    });
    await open();
    await live();
    fireEvent.click(button('This person is a client: add to my list'));
    await advance(0);
    const label = document.querySelector('input[name="label"]') as HTMLInputElement;
    expect(document.activeElement).toBe(label);
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    // The confirm button appeared where the coach clicked: inert again for a moment.
    fireEvent.click(button('Add to my client list'));
    await advance(0);
    expect(answers()).toEqual([]);

    await live();
    fireEvent.input(label, { target: { value: ' J.D. ' } });
    fireEvent.click(button('Add to my client list'));
    await advance(0);
    expect(answers()).toHaveLength(1);
    expect(dialog().dataset.stage).toBe('guidance');
    expect(dialog().textContent).toContain('This person is on your client list.');
    expect(dialog().textContent).toContain('Your label: J.D.');
    expect(screen.getByRole('status').textContent).toBe('Added to your client list.');
    expect(buttons()).toEqual(['Cancel', 'Continue']);
  });

  it('adds without the label when the list is locked, and says where to add it later', async () => {
    background(context({ locked: true }), () => ({
      context: context({ stage: 'guidance', verdict: 'client', locked: true }),
    }));
    await open();
    await live();
    fireEvent.click(button('This person is a client: add to my list'));
    await live();
    fireEvent.input(document.querySelector('input[name="label"]')!, { target: { value: 'JD' } });
    expect(screen.getByTestId('prompt-label-locked').textContent).toContain('later in Settings');
    fireEvent.click(button('Add to my client list'));
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'client' }]);
    expect(screen.getByRole('status').textContent).toContain('without the label');
  });

  it('answers "not a client"', async () => {
    background(context());
    await open();
    await live();
    fireEvent.click(button('Not a client: go ahead'));
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'not-client' }]);
  });

  it('does not offer the client answers when it cannot tell who this is', async () => {
    background(context({ profileKey: null, verdict: 'unidentified', mode: 'block-clients' }));
    await open();
    expect(buttons()).toEqual(['Cancel', 'Continue']);
    expect(dialog().textContent).toContain("Clearline couldn't tell who this is");
    expect(dialog().textContent).toContain("can't apply your agency's rule");
  });

  it("uses the agency's word in the buttons", async () => {
    background(context());
    await open('participant');
    button('This person is a participant: add to my list');
    button('Not a participant: go ahead');
    expect(dialog().textContent).toContain('Is this person a participant?');
  });

  it('speaks Spanish when asked to', async () => {
    background(context());
    await open(undefined, 'es');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      '¿Agregar a Jane Doe a tus amigos?',
    );
    expect(buttons()).toEqual([
      'No es cliente: continuar',
      'Esta persona es cliente: agregar a mi lista',
      'Cancelar',
      'Continuar',
    ]);
  });
});

describe('reason mode', () => {
  it('asks for a reason before continuing, and sends it', async () => {
    background(context({ stage: 'guidance', verdict: 'client', mode: 'reason' }));
    await open();
    await live();
    const reason = document.querySelector('textarea[name="reason"]') as HTMLTextAreaElement;
    expect(reason).not.toBeNull();
    expect(button('Continue').getAttribute('aria-disabled')).toBeNull();

    fireEvent.click(button('Continue'));
    await advance(0);
    expect(screen.getByRole('alert').textContent).toBe('Write a short reason before you continue.');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(answers()).toEqual([]);

    fireEvent.input(reason, { target: { value: '  Only way to reach them about court  ' } });
    fireEvent.click(button('Continue'));
    await advance(0);
    expect(answers()).toEqual([
      { nonce: NONCE, choice: 'continue', reason: 'Only way to reach them about court' },
    ]);
  });

  it("shows the background's refusal and keeps the prompt open", async () => {
    background(context({ mode: 'reason' }), () => {
      throw new MessageError('answerPrompt', 'reason-required');
    });
    await open();
    await live();
    fireEvent.input(document.querySelector('textarea[name="reason"]')!, {
      target: { value: 'x' },
    });
    fireEvent.click(button('Continue'));
    await advance(0);
    expect(screen.getByRole('alert').textContent).toBe('Write a short reason before you continue.');
    expect(dialog()).toBeTruthy();
    button('Continue');
  });
});

describe('guidance', () => {
  it('gives the guidance with Cancel and Continue', async () => {
    background(context({ stage: 'guidance', verdict: 'former-client' }));
    await open();
    expect(buttons()).toEqual(['Cancel', 'Continue']);
    expect(dialog().textContent).toContain('former client');
    expect(dialog().textContent).toContain('still count as a client');
    expect(dialog().textContent).toContain('Talk it through with your supervisor');
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(3);
    // The "click again" hint is the content script's, and only when the replay changed nothing.
    expect(dialog().textContent).not.toContain('click the button again');
  });

  it('offers no Continue when the agency does not allow it with clients', async () => {
    background(context({ stage: 'guidance', verdict: 'client', mode: 'block-clients' }));
    await open();
    expect(buttons()).toEqual(['Cancel']);
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    expect(screen.getByTestId('prompt-rule').textContent).toContain(
      "Your agency doesn't allow this with clients.",
    );
    await live();
    fireEvent.click(button('Cancel'));
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'cancel' }]);
  });

  it('reminds first of the agreed contact times outside working hours', async () => {
    background(
      context({
        stage: 'guidance',
        verdict: 'client',
        action: 'send-message',
        category: 'message',
        afterHours: true,
      }),
    );
    await open();
    const notice = document.querySelector('.prompt-notice')!;
    expect(notice.textContent).toContain('Outside your working hours');
    expect(notice.textContent).toMatch(/Mon–Fri, 8:00\sAM–6:00\sPM/);
    expect(notice.compareDocumentPosition(screen.getByRole('heading', { level: 1 }))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(dialog().getAttribute('aria-describedby')).toContain(notice.id);
    expect(buttons()).toEqual(['Cancel', 'Continue']);
  });
});

describe('stopped and failed', () => {
  it('says the action was stopped, with one Close that cancels', async () => {
    background(context({ stage: 'stopped' }));
    await open();
    expect(dialog().textContent).toContain('Nothing was sent or added.');
    expect(buttons()).toEqual(['Close']);
    expect(document.activeElement).toBe(button('Close'));
    await live();
    fireEvent.click(button('Close'));
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'cancel' }]);
  });

  it('explains an expired question, and shows why Close failed too', async () => {
    background(
      () => {
        throw new MessageError('getPromptContext', 'prompt-expired');
      },
      () => {
        throw new MessageError('answerPrompt', 'prompt-expired');
      },
    );
    await open();
    expect(dialog().dataset.stage).toBe('failed');
    expect(toldContent).not.toContain('shown');
    await live();
    fireEvent.click(button('Close'));
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'cancel' }]);
    expect(screen.getByRole('alert').textContent).toContain('This question has expired');
  });
});

describe('what the content script is told', () => {
  it('the answer only once the background has recorded it', async () => {
    let record: (value: { context: null }) => void = () => undefined;
    send.mockImplementation((async (name: MessageName) => {
      if (name === 'getPromptContext') return context();
      if (name === 'answerPrompt') return new Promise((resolve) => (record = resolve));
      throw new MessageError(name, 'unknown message');
    }) as never);
    await open();
    await live();
    fireEvent.click(button('Continue'));
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'continue' }]);
    expect(toldContent).toEqual(['shown']);
    await act(() => record({ context: null }));
    await advance(0);
    expect(toldContent).toEqual(['shown', 'replay']);
  });

  it('Cancel drops the action; "not a client" lets it go on', async () => {
    background(context());
    await open();
    fireEvent.click(button('Cancel'));
    await advance(0);
    expect(toldContent).toEqual(['shown', 'cancel']);
    cleanup();
    background(context());
    await open();
    await live();
    fireEvent.click(button('Not a client: go ahead'));
    await advance(0);
    expect(toldContent).toEqual(['shown', 'replay']);
  });

  it('nothing for an answer the background refused, or one that leads to the next view', async () => {
    background(context(), (payload) => {
      if (payload.choice === 'continue') throw new MessageError('answerPrompt', 'not-allowed');
      return { context: context({ stage: 'guidance', verdict: 'client' }) };
    });
    await open();
    await live();
    fireEvent.click(button('Continue'));
    await advance(0);
    expect(screen.getByRole('alert')).not.toBeNull();
    fireEvent.click(button('This person is a client: add to my list'));
    await live();
    fireEvent.click(button('Add to my client list'));
    await advance(0);
    expect(dialog().dataset.stage).toBe('guidance');
    expect(toldContent).toEqual(['shown']);
  });
});
