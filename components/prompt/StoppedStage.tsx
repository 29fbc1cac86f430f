// When the question could not be asked safely: the page hid, covered or removed
// it, or it could not load. The action stays stopped; one button closes this.
import { useRef } from 'preact/hooks';
import type { FrameTrouble } from '../../lib/prompt/types';
import { withClientWords } from '../shared/pageWords';
import { PromptButton, PromptDialog, type FrameProps, type PromptControls } from './PromptDialog';
import { describePromptError, promptErrorCode } from './PromptText';

export function StoppedStage({
  frame,
  controls,
  site,
  trouble,
}: {
  frame: FrameProps;
  controls: PromptControls;
  site: string;
  /** What happened to the question: the page's doing, or a frame that did not load in time. */
  trouble: FrameTrouble | null;
}) {
  const { ui } = frame;
  const close = useRef<HTMLButtonElement>(null);
  return (
    <PromptDialog
      frame={frame}
      stage="stopped"
      site={site}
      heading={withClientWords(ui, 'promptStoppedTitle')}
      body={
        <>
          <p>
            {withClientWords(
              ui,
              trouble === 'not-loaded'
                ? 'promptStoppedNotLoadedBody'
                : trouble
                  ? 'promptStoppedTamperedBody'
                  : 'promptStoppedBody',
            )}
          </p>
          <p>{withClientWords(ui, 'promptTryAgainHint')}</p>
        </>
      }
      focusRef={close}
    >
      <div class="prompt-actions">
        <PromptButton
          blocked={controls.busy}
          buttonRef={close}
          role="primary"
          onPress={() => void controls.answer('cancel')}
        >
          {withClientWords(ui, 'promptClose')}
        </PromptButton>
      </div>
    </PromptDialog>
  );
}

/** getPromptContext was refused (an expired nonce...): say so, and still let the coach close it. */
export function LoadFailed({
  frame,
  controls,
  loadError,
}: {
  frame: FrameProps;
  controls: PromptControls;
  loadError: unknown;
}) {
  const { ui } = frame;
  const close = useRef<HTMLButtonElement>(null);
  // An expired question is what the body already says; anything else, show the reason.
  const detail =
    promptErrorCode(loadError) === 'prompt-expired' ? null : describePromptError(ui, loadError);
  return (
    <PromptDialog
      frame={frame}
      stage="failed"
      heading={withClientWords(ui, 'promptLoadFailedTitle')}
      body={
        <>
          <p>{withClientWords(ui, 'promptLoadFailedBody')}</p>
          <p>{withClientWords(ui, 'promptTryAgainHint')}</p>
          {detail && <p class="hint">{detail}</p>}
        </>
      }
      focusRef={close}
    >
      <div class="prompt-actions">
        <PromptButton
          blocked={controls.busy}
          buttonRef={close}
          role="primary"
          onPress={() => void controls.answer('cancel')}
        >
          {withClientWords(ui, 'promptClose')}
        </PromptButton>
      </div>
    </PromptDialog>
  );
}
