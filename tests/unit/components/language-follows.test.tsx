// @vitest-environment happy-dom
// Every page follows the language setting at once: the coach changes it in
// Settings and each open page (welcome, report, summary, diagnostics, popup)
// speaks the new language without a reload.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DiagnosticsApp } from '../../../entrypoints/diagnostics/App';
import { PopupApp } from '../../../entrypoints/popup/App';
import { ReportApp } from '../../../entrypoints/report/App';
import { SummaryApp } from '../../../entrypoints/summary/App';
import { WelcomeApp } from '../../../entrypoints/welcome/App';
import { MessageError, sendMessage, type MessageName } from '../../../lib/messaging';
import { saveUserSetting } from '../../../lib/settings';

vi.mock('../../../lib/messaging', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../lib/messaging')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  send.mockReset();
  // The background answers nothing: each page shows its words around an error or an empty state.
  send.mockImplementation((async (name: MessageName) => {
    if (name === 'getPageStatus') return null;
    throw new MessageError(name, 'unknown message');
  }) as never);
});
afterEach(cleanup);

const PAGES: [string, () => ComponentChild, string, string][] = [
  ['welcome', () => <WelcomeApp />, 'Welcome to Clearline', 'Te damos la bienvenida a Clearline'],
  ['report', () => <ReportApp />, 'Clearline privacy check', 'Revisión de privacidad de Clearline'],
  ['summary', () => <SummaryApp />, 'Supervision summary', 'Resumen para supervisión'],
  [
    'diagnostics',
    () => <DiagnosticsApp />,
    'What Clearline checked on this page',
    'Qué revisó Clearline en esta página',
  ],
  ['popup', () => <PopupApp />, 'This page', 'Esta página'],
];

it.each(PAGES)('the %s page changes language when the setting does', async (_, page, en, es) => {
  render(page());
  await waitFor(() => expect(screen.getAllByText(en).length).toBeGreaterThan(0));
  await saveUserSetting('locale', 'es');
  await waitFor(() => expect(screen.getAllByText(es).length).toBeGreaterThan(0));
  expect(screen.queryAllByText(en)).toEqual([]);
  await waitFor(() => expect(document.documentElement.lang).toBe('es'));
  await saveUserSetting('locale', 'en');
  await waitFor(() => expect(screen.getAllByText(en).length).toBeGreaterThan(0));
});
