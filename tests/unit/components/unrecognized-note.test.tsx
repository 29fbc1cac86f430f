// @vitest-environment happy-dom
// The popup's "Some buttons on this page were not recognized" note, against a
// mocked background: shown with each button's words (names hidden as "…") when
// the tab reports some, absent when it reports none or cannot answer.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { UnrecognizedNote } from '../../../components/page-status/UnrecognizedNote';
import type { Ui } from '../../../components/shared/pageWords';
import { translator, type Locale } from '../../../lib/i18n';
import { MessageError, sendMessage } from '../../../lib/messaging';
import { clientWords } from '../../../lib/settings';
import { OnPage } from './onPage';

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

const makeUi = (locale: Locale): Ui => ({
  t: translator(locale),
  words: clientWords(locale, 'client'),
  locale,
});

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
});
afterEach(cleanup);

it.each([
  ['en', 'Some buttons on this page were not recognized', 'button “Enviar un mensaje …”'],
  ['es', 'Algunos botones de esta página no se reconocieron', 'botón «Enviar un mensaje …»'],
] as const)('%s: names the buttons the tab did not recognize', async (locale, lead, item) => {
  send.mockResolvedValue({ controls: [{ role: 'button', words: 'Enviar un mensaje …' }] });
  render(
    <OnPage ui={makeUi(locale)}>
      <UnrecognizedNote tabId={7} reportedAt={1} />
    </OnPage>,
  );
  const note = await screen.findByTestId('buttons-unrecognized');
  expect(note.textContent).toContain(lead);
  expect(note.textContent).toContain(item);
  expect(send).toHaveBeenCalledWith('getUnrecognizedControls', { tabId: 7 });
});

it('says nothing when every button was recognized, or the tab cannot answer', async () => {
  send.mockResolvedValueOnce({ controls: [] });
  const { rerender } = render(
    <OnPage ui={makeUi('en')}>
      <UnrecognizedNote tabId={7} reportedAt={1} />
    </OnPage>,
  );
  await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
  expect(screen.queryByTestId('buttons-unrecognized')).toBeNull();
  // A new page report asks again.
  send.mockRejectedValueOnce(new MessageError('getUnrecognizedControls', 'no tab'));
  rerender(
    <OnPage ui={makeUi('en')}>
      <UnrecognizedNote tabId={7} reportedAt={2} />
    </OnPage>,
  );
  await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
  expect(screen.queryByTestId('buttons-unrecognized')).toBeNull();
});
