// @vitest-environment happy-dom
// The passphrase section tells a coach about an earlier open period only where
// there was one, in the page's language.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PassphraseSection } from '../../../components/passphrase/PassphraseSection';
import { translate, type Locale, type MessageKey } from '../../../lib/i18n';
import type { LockState } from '../../../lib/store/types';
import { OnPage } from './onPage';

afterEach(cleanup);

function show(lock: LockState, locale: Locale = 'en') {
  const t = (key: MessageKey, ...rest: string[]) => translate(locale, key, rest);
  render(
    <OnPage ui={{ t, words: { one: 'client', many: 'clients' }, locale }}>
      <PassphraseSection lock={lock} onChanged={() => undefined} />
    </OnPage>,
  );
}

describe('the note about an earlier open period', () => {
  it('shows how to start clean after an open period', () => {
    show({ hasPassphrase: true, locked: false, openBefore: true });
    const note = screen.getByTestId('passphrase-open-before');
    expect(note.textContent).toContain('copies of the old key');
    for (const step of ['Export backup', 'Erase all Clearline data', 'Import backup'])
      expect(note.textContent).toContain(step);
  });

  it('in Spanish, names the buttons as the Spanish page does', () => {
    show({ hasPassphrase: true, locked: false, openBefore: true }, 'es');
    const note = screen.getByTestId('passphrase-open-before').textContent ?? '';
    for (const key of ['exportButton', 'eraseButton', 'importButton'] as const)
      expect(note).toContain(translate('es', key));
  });

  it.each([
    ['a passphrase set from the start', { hasPassphrase: true, locked: false }],
    ['no passphrase', { hasPassphrase: false, locked: false }],
  ])('says nothing with %s', (_label, lock: LockState) => {
    show(lock);
    expect(screen.queryByTestId('passphrase-open-before')).toBeNull();
  });
});
