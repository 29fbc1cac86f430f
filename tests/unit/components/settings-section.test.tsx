// @vitest-environment happy-dom
// The settings form against real (fake-browser) storage: quick changes in a row
// all land, and a setting the agency fixes cannot be changed.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettingsSection } from '../../../components/settings/SettingsSection';
import { PageProvider } from '../../../components/shared/PageContext';
import { useSettings } from '../../../components/shared/useSettings';
import { SETTING_KEYS, loadSettings, saveUserSetting } from '../../../lib/settings';
import { SETTINGS_SHOWN } from '../../../components/settings/settingControls';

function Form() {
  const view = useSettings();
  return view.ready ? (
    <PageProvider value={view}>
      <SettingsSection />
    </PageProvider>
  ) : null;
}

const box = (container: Element, name: string) =>
  container.querySelector(`[name="${name}"]`) as HTMLInputElement;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
afterEach(cleanup);

describe('settings form', () => {
  it('two working days unticked in quick succession are both saved', async () => {
    const { container } = render(<Form />);
    await waitFor(() => expect(box(container, 'workHours.day1')).not.toBeNull());
    fireEvent.click(box(container, 'workHours.day1'));
    fireEvent.click(box(container, 'workHours.day2'));
    await waitFor(async () =>
      expect((await loadSettings()).values.workHours.days).toEqual([3, 4, 5]),
    );
  });

  it('two different settings changed at once both land', async () => {
    const { container } = render(<Form />);
    await waitFor(() => expect(box(container, 'remindOnReact')).not.toBeNull());
    fireEvent.click(box(container, 'remindOnReact'));
    fireEvent.click(box(container, 'platforms.instagram'));
    await waitFor(async () => {
      const { values } = await loadSettings();
      expect([values.remindOnReact, values.platforms.instagram]).toEqual([true, false]);
    });
  });

  it('a setting the agency fixes is disabled and says whose rule it is', async () => {
    await fakeBrowser.storage.local.set({
      agencyPolicy: { seenAt: 1, policy: { agencyName: 'Northside', promptScope: 'clients-only' } },
    });
    const { container } = render(<Form />);
    await waitFor(() => expect(box(container, 'promptScope')).not.toBeNull());
    expect((box(container, 'promptScope') as unknown as HTMLSelectElement).disabled).toBe(true);
    const tag = container.querySelector('[data-testid="source-promptScope"]') as HTMLElement;
    expect(tag.textContent).toBe('Set by your agency: Northside');
    expect(box(container, 'remindOnReact').disabled).toBe(false);
  });
});

describe('what each prompt mode costs', () => {
  it("one short line per mode, in the agency's words", async () => {
    const { findByTestId } = render(<Form />);
    const costs = await findByTestId('prompt-mode-costs');
    const lines = [...costs.querySelectorAll('li')].map((li) => [
      li.getAttribute('data-mode'),
      li.textContent,
    ]);
    expect(lines.map(([mode]) => mode)).toEqual(['off', 'remind', 'reason', 'block-clients']);
    expect(lines[0]![1]).toContain('no interruptions');
    expect(lines[1]![1]).toContain('one click to go ahead');
    expect(lines[3]![1]).toContain('with clients there is no going ahead');
  });
});

describe('the table of setting controls', () => {
  it('shows every setting once', () => {
    expect([...SETTINGS_SHOWN].sort()).toEqual([...SETTING_KEYS].sort());
  });
});

describe('work hours in the coach’s language', () => {
  // The time fields follow the browser's language; the line under them follows Clearline's.
  it('in English, with AM and PM', async () => {
    const { findByTestId } = render(<Form />);
    expect((await findByTestId('work-hours-words')).textContent).toMatch(
      /^Your work hours: Mon–Fri, 8:00\sAM–6:00\sPM\.$/,
    );
  });

  it('in Spanish on an English browser: a 24-hour clock, no AM', async () => {
    await saveUserSetting('locale', 'es');
    const { findByTestId } = render(<Form />);
    await waitFor(() => expect(document.documentElement.lang).toBe('es'));
    const line = await findByTestId('work-hours-words');
    expect(line.textContent).toBe('Tu horario de trabajo: lun–vie, 8:00–18:00.');
    expect(line.textContent).not.toMatch(/AM|PM/);
  });
});
