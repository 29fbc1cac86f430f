// Cancel and Continue, with the written reason when the policy asks for one; or,
// for a reminder nothing waited for (a client's post), a single Close. The hint
// for sites that ignore a replayed click is the content script's, shown only
// when the replay changed nothing on the page (lib/content/replay-watch.ts).
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { REASON_MAX_LENGTH, type PromptContext } from '../../lib/prompt/types';
import { withClientWords, type Ui } from '../shared/pageWords';
import { PromptButton, type PromptControls } from './PromptDialog';

export function ContinueArea({
  ui,
  controls,
  mode,
  cancelRef,
  offerContinue,
  primary,
}: {
  ui: Ui;
  controls: PromptControls;
  mode: PromptContext['mode'];
  cancelRef: RefObject<HTMLButtonElement | null>;
  /** False where the agency's rule forbids going ahead, or while another answer is being given. */
  offerContinue: boolean;
  /** Which of the two this view suggests; none when another answer is the suggested one. */
  primary?: 'cancel' | 'continue';
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
          role={primary === 'cancel' || !offerContinue ? 'primary' : 'quiet'}
          onPress={() => void controls.answer('cancel')}
        >
          {ui.t('cancelButton')}
        </PromptButton>
        {offerContinue && (
          <PromptButton
            blocked={controls.blocked}
            type="submit"
            role={primary === 'continue' ? 'primary' : 'quiet'}
          >
            {withClientWords(ui, 'promptContinue')}
          </PromptButton>
        )}
      </div>
    </form>
  );
}

/** A reminder's one button: the post action already went on, so there is nothing to cancel. */
export function CloseArea({
  ui,
  controls,
  closeRef,
  primary = true,
}: {
  ui: Ui;
  controls: PromptControls;
  closeRef: RefObject<HTMLButtonElement | null>;
  /** False while another step (saving a note) is the one suggested. */
  primary?: boolean;
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
          role={primary ? 'primary' : 'quiet'}
          onPress={() => void controls.answer('cancel')}
        >
          {withClientWords(ui, 'promptClose')}
        </PromptButton>
      </div>
    </div>
  );
}
