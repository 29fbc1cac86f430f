// The optional passphrase over labels and notes. What matters most here is
// said next to the button: a forgotten passphrase cannot be recovered.
import { useId, useState } from 'preact/hooks';
import { sendMessage } from '../lib/messaging';
import { PASSPHRASE_MIN_LENGTH, type LockState } from '../lib/store/types';
import { Feedback } from './Feedback';
import { useAction } from './useAsync';
import { tw, type Ui } from './ui';

const EMPTY = { current: '', next: '', confirm: '' };

export function PassphraseSection({
  ui,
  lock,
  onChanged,
}: {
  ui: Ui;
  /** Null while the lock state is unknown: nothing can be offered safely then. */
  lock: LockState | null;
  onChanged: (next: LockState) => void;
}) {
  const { t } = ui;
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const action = useAction();
  const hasPassphrase = lock?.hasPassphrase ?? false;

  const submit = (event: Event) => {
    event.preventDefault();
    if (hasPassphrase && !form.current) return action.fail((ui) => ui.t('passphraseNeedsCurrent'));
    // The background checks the length too; checking here saves a round trip.
    if (form.next.length < PASSPHRASE_MIN_LENGTH)
      return action.fail((ui) =>
        tw(ui, 'error_passphrase_too_short', String(PASSPHRASE_MIN_LENGTH)),
      );
    if (form.next !== form.confirm) return action.fail((ui) => ui.t('passphraseMismatch'));
    void action.run(async () => {
      const next = await sendMessage('setPassphrase', {
        current: hasPassphrase ? form.current : null,
        next: form.next,
      });
      setForm(EMPTY);
      onChanged(next);
      return hasPassphrase ? (ui) => ui.t('passphraseChanged') : (ui) => ui.t('passphraseSet');
    });
  };
  const remove = () => {
    if (!form.current) return action.fail((ui) => ui.t('passphraseNeedsCurrent'));
    void action.run(async () => {
      const next = await sendMessage('removePassphrase', { current: form.current });
      setForm(EMPTY);
      onChanged(next);
      return (ui) => ui.t('passphraseRemoved');
    });
  };

  const field = (
    key: keyof typeof EMPTY,
    name: string,
    label: string,
    autocomplete: 'current-password' | 'new-password',
  ) => (
    <div class="field">
      <label for={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="password"
        name={name}
        autocomplete={autocomplete}
        value={form[key]}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setForm((f) => ({ ...f, [key]: value }));
        }}
      />
    </div>
  );

  return (
    <section class="section" aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">{t('passphraseHeading')}</h2>
      <p>{tw(ui, 'passphraseIntro')}</p>
      {lock === null ? (
        <p class="muted">{t('passphraseUnknownState')}</p>
      ) : (
        <form data-testid="passphrase-form" onSubmit={submit} noValidate>
          {hasPassphrase &&
            field('current', 'currentPassphrase', t('passphraseCurrentLabel'), 'current-password')}
          {field('next', 'newPassphrase', t('passphraseNewLabel'), 'new-password')}
          <p class="hint">{t('passphraseLengthHint', String(PASSPHRASE_MIN_LENGTH))}</p>
          {field('confirm', 'confirmPassphrase', t('passphraseConfirmLabel'), 'new-password')}
          <p class="warning" id={`${id}-warning`}>
            {t('passphraseForgetWarning')}
          </p>
          <div class="field-row">
            <button type="submit" disabled={action.busy} aria-describedby={`${id}-warning`}>
              {hasPassphrase ? t('passphraseChangeButton') : t('passphraseSetButton')}
            </button>
            {hasPassphrase && (
              <button type="button" disabled={action.busy} onClick={remove}>
                {t('passphraseRemoveButton')}
              </button>
            )}
          </div>
          {hasPassphrase && <p class="hint">{t('passphraseRemoveHint')}</p>}
          {/* Only where it applies: an open key once sealed something on this profile. */}
          {lock.openBefore && (
            <p class="hint" data-testid="passphrase-open-before" role="note">
              {t('passphraseOpenBefore')}
            </p>
          )}
          <Feedback ui={ui} action={action} errorTestId="passphrase-error" />
        </form>
      )}
    </section>
  );
}
