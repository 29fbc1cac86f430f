// Whether the client list is locked, and the one control that changes it:
// unlock with the passphrase, or lock now. Shared by the popup and the options
// page; the data attributes let the end-to-end tests wait for a known state.
import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import type { LockState } from '../../lib/store/types';
import { RequestOutcome } from '../shared/RequestOutcome';
import { FirstStepPointer } from './FirstStep';
import { useAction, type Loaded } from '../shared/useBackground';
import { describeError, withClientWords } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

export function LockPanel({
  lock,
  onChanged,
  onRetry,
  unlockInputRef,
  onFirstStep,
}: {
  lock: Loaded<LockState>;
  /** Called with the state the background answered, after an unlock or a lock. */
  onChanged: (next: LockState) => void;
  onRetry: () => void;
  /** Lets the page bring the coach here when a request needs the list unlocked. */
  unlockInputRef?: RefObject<HTMLInputElement | null>;
  /** Brings the coach to the guided first step, while the agency's required passphrase is missing. */
  onFirstStep?: () => void;
}) {
  const ui = usePage();
  const { t } = ui;
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const action = useAction();
  const ownInput = useRef<HTMLInputElement>(null);
  const input = unlockInputRef ?? ownInput;
  const lockButton = useRef<HTMLButtonElement>(null);
  // After unlocking, the form that had focus is gone: move focus to what replaced it.
  const moveFocus = useRef(false);

  const ready = lock.state === 'ready' ? lock.value : null;
  useEffect(() => {
    // Wait until the request is over: a disabled button cannot take focus.
    if (!moveFocus.current || !ready || action.busy) return;
    moveFocus.current = false;
    if (ready.locked) input.current?.focus();
    else lockButton.current?.focus();
  }, [ready?.locked, action.busy]);

  const unlock = (event: Event) => {
    event.preventDefault();
    if (!passphrase) {
      action.fail((ui) => ui.t('unlockEmpty'));
      return;
    }
    void action.run(async () => {
      const next = await sendMessage('unlock', { passphrase });
      setPassphrase('');
      moveFocus.current = true;
      onChanged(next);
      return (ui) => ui.t('unlockDone');
    });
  };
  const lockNow = () =>
    void action.run(async () => {
      const next = await sendMessage('lock', {});
      moveFocus.current = true;
      onChanged(next);
      return (ui) => ui.t('lockDone');
    });

  if (lock.state !== 'ready') {
    return (
      <div class="lock-state" data-testid="lock-state" data-state={lock.state}>
        {lock.state === 'error' && (
          <>
            <p role="alert" class="error">
              {t('lockStateFailed', describeError(ui, lock.error))}
            </p>
            <button type="button" onClick={onRetry}>
              {t('tryAgain')}
            </button>
          </>
        )}
      </div>
    );
  }

  const { hasPassphrase, locked } = lock.value;
  const state = {
    class: 'lock-state',
    'data-testid': 'lock-state',
    'data-state': 'ready',
    'data-locked': String(locked),
    'data-has-passphrase': String(hasPassphrase),
  };
  // The agency requires a passphrase and none is set: nothing can lock yet, and
  // "never locks" would say the opposite of the rule. Say what to do instead.
  if (lock.value.passphraseRequired) {
    return (
      <div {...state} data-passphrase-required="true">
        {onFirstStep ? (
          <FirstStepPointer onFirstStep={onFirstStep} />
        ) : (
          <p data-testid="passphrase-required">{withClientWords(ui, 'firstStepIntro')}</p>
        )}
      </div>
    );
  }
  return (
    <div {...state}>
      <p class={locked ? 'warning' : undefined}>
        {!hasPassphrase ? t('lockNoPassphrase') : locked ? t('lockLocked') : t('lockUnlocked')}
      </p>
      {locked && (
        <form class="field-row" onSubmit={unlock}>
          <label for={`${id}-unlock`}>{t('unlockPassphraseLabel')}</label>
          <input
            id={`${id}-unlock`}
            ref={input}
            type="password"
            name="unlockPassphrase"
            autocomplete="current-password"
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          <button type="submit" class="button-primary" disabled={action.busy}>
            {t('unlockButton')}
          </button>
        </form>
      )}
      {hasPassphrase && !locked && (
        <button type="button" ref={lockButton} onClick={lockNow} disabled={action.busy}>
          {t('lockButton')}
        </button>
      )}
      <RequestOutcome action={action} errorTestId="lock-error" />
    </div>
  );
}
