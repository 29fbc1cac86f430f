// The form that sets, changes or removes the passphrase over labels and notes.
// What matters most is said next to the button: a forgotten passphrase cannot be
// recovered. Shared by the passphrase section and the guided first step that the
// agency's requirePassphrase starts with (components/passphrase/FirstStep.tsx).
import type { RefObject } from 'preact';
import { useId, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import { PASSPHRASE_MIN_LENGTH, type LockState } from '../../lib/store/types';
import { RequestOutcome } from '../shared/RequestOutcome';
import { useAction } from '../shared/useBackground';
import { withClientWords } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

const EMPTY = { current: '', next: '', confirm: '' };

/** Sets a first passphrase, or changes (and, where the agency allows it, removes) the one set. */
export function PassphraseForm({
  lock,
  onChanged,
  required,
  firstStep = false,
  nextInputRef,
}: {
  lock: LockState;
  onChanged: (next: LockState) => void;
  /** The agency requires a passphrase: it can be changed, never removed. */
  required: boolean;
  /** The guided first step: its button is the page's one suggested action. */
  firstStep?: boolean;
  /** Lets the page bring the coach to the new passphrase field. */
  nextInputRef?: RefObject<HTMLInputElement | null>;
}) {
  const ui = usePage();
  const { t } = ui;
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const action = useAction();
  const { hasPassphrase } = lock;

  const submit = (event: Event) => {
    event.preventDefault();
    if (hasPassphrase && !form.current) return action.fail((ui) => ui.t('passphraseNeedsCurrent'));
    // The background checks the length too; checking here saves a round trip.
    if (form.next.length < PASSPHRASE_MIN_LENGTH)
      return action.fail((ui) =>
        withClientWords(ui, 'error_passphrase_too_short', String(PASSPHRASE_MIN_LENGTH)),
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
    ref?: RefObject<HTMLInputElement | null>,
  ) => (
    <div class="field">
      <label for={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        ref={ref}
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

  const removable = hasPassphrase && !required;
  return (
    <form data-testid="passphrase-form" onSubmit={submit} noValidate>
      {hasPassphrase &&
        field('current', 'currentPassphrase', t('passphraseCurrentLabel'), 'current-password')}
      {field('next', 'newPassphrase', t('passphraseNewLabel'), 'new-password', nextInputRef)}
      <p class="hint">{t('passphraseLengthHint', String(PASSPHRASE_MIN_LENGTH))}</p>
      {field('confirm', 'confirmPassphrase', t('passphraseConfirmLabel'), 'new-password')}
      <p class="warning" id={`${id}-warning`}>
        {t('passphraseForgetWarning')}
      </p>
      <div class="field-row">
        <button
          type="submit"
          class={firstStep ? 'button-primary btn-primary' : 'button-primary'}
          disabled={action.busy}
          aria-describedby={`${id}-warning`}
        >
          {hasPassphrase ? t('passphraseChangeButton') : t('passphraseSetButton')}
        </button>
        {removable && (
          <button type="button" disabled={action.busy} onClick={remove}>
            {t('passphraseRemoveButton')}
          </button>
        )}
      </div>
      {removable && <p class="hint">{t('passphraseRemoveHint')}</p>}
      {hasPassphrase && required && (
        <p class="hint" data-testid="passphrase-kept-by-agency">
          {t('passphraseRemoveRequired')}
        </p>
      )}
      {/* Only where it applies: an open key once sealed something on this profile. */}
      {lock.openBefore && (
        <p class="hint" data-testid="passphrase-open-before" role="note">
          {t('passphraseOpenBefore')}
        </p>
      )}
      <RequestOutcome action={action} errorTestId="passphrase-error" />
    </form>
  );
}
