// The passphrase section of the options page: optional, unless the agency
// requires one; then it can be changed but not removed, and the first one is
// chosen in the guided first step at the top of the page.
import type { LockState } from '../../lib/store/types';
import { FirstStepPointer } from './FirstStep';
import { PassphraseForm } from './PassphraseForm';
import { withClientWords } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

export function PassphraseSection({
  lock,
  onChanged,
  onFirstStep,
}: {
  /** Null while the lock state is unknown: nothing can be offered safely then. */
  lock: LockState | null;
  onChanged: (next: LockState) => void;
  /** Brings the coach to the guided first step (shown while a required passphrase is missing). */
  onFirstStep?: () => void;
}) {
  const ui = usePage();
  const { t } = ui;
  const required = ui.settings.agency.requirePassphrase === true;
  return (
    <section class="section" aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">{t('passphraseHeading')}</h2>
      <p>{withClientWords(ui, required ? 'passphraseIntroRequired' : 'passphraseIntro')}</p>
      {lock === null ? (
        <p class="muted">{t('passphraseUnknownState')}</p>
      ) : lock.passphraseRequired && onFirstStep ? (
        // The first passphrase is chosen in the guided step at the top: one form, not two.
        <FirstStepPointer onFirstStep={onFirstStep} />
      ) : (
        <PassphraseForm
          lock={lock}
          onChanged={onChanged}
          required={required || lock.passphraseRequired === true}
        />
      )}
    </section>
  );
}
