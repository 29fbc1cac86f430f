// Cancel and Continue, with the written reason when the policy asks for one and
// the hint for sites that ignore a replayed click; or, for a reminder nothing
// waited for (a client's post), a single Close.
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { PASS_THROUGH_MS, REASON_MAX_LENGTH, type PromptContext } from '../../lib/prompt/types';
import { withClientWords, type Ui } from '../shared/pageWords';
import { PromptButton, type PromptControls } from './PromptDialog';

export function ContinueArea({
  ui,
  controls,
  mode,
  cancelRef,
  offerContinue,
}: {
  ui: Ui;
  controls: PromptControls;
  mode: PromptContext['mode'];
  cancelRef: RefObject<HTMLButtonElement | null>;
  /** False where the agency's rule forbids going ahead, or while another answer is being given. */
  offerContinue: boolean;
}) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const needReason = offerContinue && mode === 'reason';

  const submit = (event: Event) => {
    event.preventDefault();
    if (controls.blocked || !offerContinue) return;
    if (!needReason) {
      void controls.answer('continue');
      return;
    }
    const text = reason.trim();
    if (!text) {
      setInvalid(true);
      controls.fail((ui) => withClientWords(ui, 'error_reason_required'));
      field.current?.focus();
      return;
    }
    void controls.answer('continue', { reason: text });
  };

  return (
    <form class="prompt-continue" onSubmit={submit} noValidate>
      {needReason && (
        <div class="field">
          <label for="prompt-reason">{withClientWords(ui, 'promptReasonLabel')}</label>
          <textarea
            id="prompt-reason"
            ref={field}
            name="reason"
            rows={2}
            maxLength={REASON_MAX_LENGTH}
            aria-describedby="prompt-reason-hint"
            aria-invalid={invalid ? 'true' : undefined}
            value={reason}
            onInput={(e) => {
              setReason(e.currentTarget.value);
              if (e.currentTarget.value.trim()) setInvalid(false);
            }}
          />
          <p class="hint" id="prompt-reason-hint">
            {withClientWords(ui, 'promptReasonHint')}
          </p>
        </div>
      )}
      <div class="prompt-actions">
        <PromptButton
          blocked={controls.busy}
          buttonRef={cancelRef}
          onPress={() => void controls.answer('cancel')}
        >
          {ui.t('cancelButton')}
        </PromptButton>
        {offerContinue && (
          <PromptButton blocked={controls.blocked} type="submit">
            {withClientWords(ui, 'promptContinue')}
          </PromptButton>
        )}
      </div>
      {offerContinue && (
        <p class="hint">
          {withClientWords(ui, 'promptReplayHint', String(PASS_THROUGH_MS / 1000))}
        </p>
      )}
    </form>
  );
}

/** A reminder's one button: the post action already went on, so there is nothing to cancel. */
export function CloseArea({
  ui,
  controls,
  closeRef,
}: {
  ui: Ui;
  controls: PromptControls;
  closeRef: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <div class="prompt-continue">
      <p class="hint" data-testid="reminder-line">
        {withClientWords(ui, 'observedReminderLine')}
      </p>
      <div class="prompt-actions">
        <PromptButton
          blocked={controls.busy}
          buttonRef={closeRef}
          onPress={() => void controls.answer('cancel')}
        >
          {withClientWords(ui, 'promptClose')}
        </PromptButton>
      </div>
    </div>
  );
}
