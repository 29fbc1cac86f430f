// @vitest-environment happy-dom
// The observed-post reminder and the crisis stage against a mocked background:
// the buttons by accessible name, what "Note for follow-up" and "Risk of harm"
// send, the crisis protocol shown, and page text kept as text.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PromptApp } from '../../../entrypoints/prompt/App';
import { handedOver } from './prompt-start';
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

const observed = (over: Partial<PromptContext> = {}): PromptContext => ({
  stage: 'observed',
  action: 'post',
  site: 'facebook',
  category: 'message',
  mode: 'remind',
  profileKey: 'fb:jane.doe',
  name: 'Jane Doe',
  verdict: 'client',
  clientLabel: 'J.D.',
  locked: false,
  afterHours: false,
  workHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
  post: { action: 'share', url: 'https://www.facebook.com/jane.doe/posts/1' },
  noted: false,
  ...over,
});

type Answer = (payload: Record<string, unknown>) => { context: PromptContext | null };

function background(first: PromptContext, onAnswer: Answer = () => ({ context: null })) {
  send.mockImplementation((async (name: MessageName, payload: Record<string, unknown>) => {
    if (name === 'getPromptContext') return first;
    if (name === 'answerPrompt') return onAnswer(payload);
    throw new MessageError(name, 'unknown message');
  }) as never);
}

async function advance(ms = 0) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}
async function open(settings?: Record<string, unknown>) {
  if (settings)
    await fakeBrowser.storage.local.set({
      [STORAGE_ITEMS.userSettings.key]: { version: 1, values: settings },
    });
  render(<PromptApp start={handedOver(NONCE)} sight={testSight} />);
  for (let i = 0; i < 5; i++) await advance(0);
}
const live = () => advance(PROMPT_INERT_MS);
const button = (name: string) => screen.getByRole('button', { name });
const answers = () =>
  send.mock.calls.filter(([name]) => name === 'answerPrompt').map(([, payload]) => payload);
// A reminder is a region, not a dialog: nothing waits on it.
const dialog = () => screen.getByTestId('prompt');
async function press(name: string) {
  fireEvent.click(button(name));
  await advance(0);
  await advance(0);
}

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

describe('observed', () => {
  it('reminds to talk with them first, with three buttons, Close focused', async () => {
    background(observed());
    await open();
    expect(dialog().dataset.stage).toBe('observed');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Share this post by Jane Doe?',
    );
    const text = dialog().textContent!;
    expect(text).toContain('Talk with them first');
    expect(text).toContain('shared with the team');
    expect(text).toContain('tell probation themselves');
    expect(text).toContain('the next right thing');
    expect(text).toContain('Your label: J.D.');
    for (const name of ['Note for follow-up', 'Risk of harm', 'Close'])
      expect(button(name)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.getByRole('region')).toBe(dialog());
    expect(screen.getByTestId('reminder-line').textContent).toContain("didn't stop anything");
    expect(document.activeElement).toBe(button('Close'));
  });

  it('waits, as a question does, to be seen whole for 600 ms; Close works at once', async () => {
    background(observed(), (p) =>
      p.choice === 'risk' ? { context: observed({ stage: 'crisis' }) } : { context: null },
    );
    setSeenWhole(false); // the page covers the corner before the panel is ever seen
    await open();
    fireEvent.click(button('Risk of harm'));
    await live();
    fireEvent.click(button('Risk of harm'));
    await advance(0);
    expect(answers()).toEqual([]);
    await act(() => setSeenWhole(true));
    fireEvent.click(button('Risk of harm'));
    await advance(0);
    expect(answers()).toEqual([]);
    await live();
    await press('Risk of harm');
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'risk', note: '' }]);
    // Close is always safe: no pause, even in the new view.
    expect(button('Close').getAttribute('aria-disabled')).toBeNull();
    await press('Close');
    expect(answers()[1]).toEqual({ nonce: NONCE, choice: 'cancel' });
  });

  it('ignores the buttons for 600 ms, and Escape cancels', async () => {
    background(observed());
    await open();
    fireEvent.click(button('Risk of harm'));
    await advance(0);
    expect(answers()).toEqual([]);
    fireEvent.keyDown(document, { key: 'Escape' });
    await advance(0);
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'cancel' }]);
  });

  it('saves a note for follow-up, then keeps Close', async () => {
    background(observed(), (p) =>
      p.choice === 'note' ? { context: observed({ noted: true }) } : { context: null },
    );
    await open();
    await live();
    await press('Note for follow-up');
    const field = dialog().querySelector<HTMLTextAreaElement>('textarea[name="note"]')!;
    expect(field).not.toBeNull();
    expect(document.activeElement).toBe(field);
    expect(dialog().textContent).toContain('not labels or diagnoses');
    fireEvent.input(field, { target: { value: '  Posted from a bar on Friday night.  ' } });
    // The field appeared under the click: the save button is inert for a moment too.
    fireEvent.click(button('Save for follow-up'));
    await advance(0);
    expect(answers()).toEqual([]);
    await live();
    await press('Save for follow-up');
    expect(answers()).toEqual([
      { nonce: NONCE, choice: 'note', note: 'Posted from a bar on Friday night.' },
    ]);
    // Said once: the saved line, with where to find it, and Close as the one next step.
    const saved = screen.getByTestId('observed-saved').textContent ?? '';
    expect(saved).toContain('Saved for follow-up');
    expect(dialog().textContent!.split('Saved for follow-up')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Note for follow-up' })).toBeNull();
    expect(button('Close')).toBeTruthy();
    await live();
    await press('Close');
    expect(answers()[1]).toEqual({ nonce: NONCE, choice: 'cancel' });
  });

  it('while locked, says so and saves without a note', async () => {
    background(observed({ locked: true, clientLabel: null }), () => ({
      context: observed({ locked: true, clientLabel: null, noted: true }),
    }));
    await open();
    await live();
    await press('Note for follow-up');
    expect(dialog().querySelector('textarea[name="note"]')).toBeNull();
    expect(screen.getByTestId('observed-note-locked').textContent).toContain('locked');
    await live();
    await press('Save for follow-up');
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'note', note: '' }]);
  });

  it('risk of harm records at once and shows the crisis protocol (988 by default)', async () => {
    background(observed(), (p) =>
      p.choice === 'risk' ? { context: observed({ stage: 'crisis' }) } : { context: null },
    );
    await open();
    await live();
    await press('Risk of harm');
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'risk', note: '' }]);
    expect(dialog().dataset.stage).toBe('crisis');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('988');
    expect(dialog().textContent).toContain('An urgent note was added to your observations.');
    expect(dialog().textContent).toContain('sharing right away is the right thing');
    expect(document.activeElement).toBe(button('Close'));
    // A new view: inert again, but for Close.
    expect(dialog().dataset.inert).toBe('true');
    await press('Close');
    expect(answers()[1]).toEqual({ nonce: NONCE, choice: 'cancel' });
  });

  it('asks no reason for a post, whatever the message mode', async () => {
    background(observed({ mode: 'reason' }));
    await open();
    expect(dialog().querySelector('textarea[name="reason"]')).toBeNull();
    await live();
    await press('Close');
    expect(answers()).toEqual([{ nonce: NONCE, choice: 'cancel' }]);
  });

  it("shows the agency's own crisis protocol as text", async () => {
    background(observed({ stage: 'crisis' }));
    await open({ crisisProtocol: 'Call <b>Maria</b> at 555-0100.' });
    expect(screen.getByRole('alert').textContent).toBe('Call <b>Maria</b> at 555-0100.');
    expect(dialog().querySelector('b')).toBeNull();
  });

  it('for a comment or a reaction, reminds of the public trace instead', async () => {
    for (const action of ['comment', 'react'] as const) {
      background(observed({ post: { action, url: null } }));
      await open();
      const text = dialog().textContent!;
      expect(text).toContain('42 CFR Part 2');
      expect(text).toContain('you know this person through the program');
      expect(text).not.toContain('tell probation themselves');
      expect(button('Close')).toBeTruthy();
      cleanup();
    }
  });

  it('keeps markup in the name and the label as text', async () => {
    background(
      observed({ name: '<img src=x onerror=alert(1)>', clientLabel: '<script>x</script>' }),
    );
    await open();
    expect(dialog().querySelector('img, script')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Share this post by <img src=x onerror=alert(1)>?',
    );
    expect(dialog().textContent).toContain('Your label: <script>x</script>');
  });

  it('speaks Spanish with the agency word', async () => {
    background(observed());
    await open({ locale: 'es', clientTerm: 'participant' });
    expect(dialog().textContent).toContain('Nota para seguimiento');
    expect(button('Riesgo de daño')).toBeTruthy();
    expect(dialog().textContent).toContain('tu lista de participantes');
  });
});
