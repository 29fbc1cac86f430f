// Someone Clearline has no answer about yet: what is about to happen, and "Is
// this person a client?", briefly: most people asked about are not, so "Not a
// client: go ahead" comes first and takes one click (it ends the question for
// good, and the action goes on). Marking them a client first offers a label,
// then shows the guidance.
import { useRef, useState } from 'preact/hooks';
import type { PromptContext } from '../../lib/prompt/types';
import { LABEL_MAX_LENGTH } from '../../lib/store/types';
import { withClientWords } from '../shared/pageWords';
import { AfterHoursNotice } from './AfterHours';
import { ContinueArea } from './ContinueArea';
import { PromptButton, PromptDialog, type FrameProps, type PromptControls } from './PromptDialog';
import { ActionHeading } from './PromptText';

export function AskStage({
  frame,
  controls,
  context,
  site,
}: {
  frame: FrameProps;
  controls: PromptControls;
  context: PromptContext;
  site: string;
}) {
  const { ui } = frame;
  const identified = context.verdict !== 'unidentified' && context.profileKey !== null;
  const blockRule = context.mode === 'block-clients';
  const [revealed, setRevealed] = useState(false);
  const [label, setLabel] = useState('');
  const cancel = useRef<HTMLButtonElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const typed = label.trim();

  const reveal = () => {
    setRevealed(true);
    // The confirm button appears where the coach just clicked: not on the next click.
    controls.rearm();
  };
  const confirm = async (event: Event) => {
    event.preventDefault();
    if (controls.blocked) return;
    // A locked list cannot take a label: add them without it, and say where to add it later.
    const keepLabel = typed !== '' && !context.locked;
    const added = await controls.answer('client', keepLabel ? { label: typed } : {});
    if (added)
      controls.announce((ui) =>
        typed && !keepLabel
          ? withClientWords(ui, 'promptAddedWithoutLabel')
          : withClientWords(ui, 'addClientDone'),
      );
  };

  const body = identified ? (
    <>
      <p class="prompt-question">{withClientWords(ui, 'promptAskQuestion')}</p>
      {blockRule && <p>{withClientWords(ui, 'promptAskBlockNote')}</p>}
    </>
  ) : (
    <>
      <p class="prompt-question">{withClientWords(ui, 'promptUnidentified')}</p>
      {blockRule && <p>{withClientWords(ui, 'promptUnidentifiedBlock')}</p>}
    </>
  );

  return (
    <PromptDialog
      frame={frame}
      stage="ask"
      site={site}
      heading={
        <ActionHeading
          ui={ui}
          action={context.action}
          name={context.name}
          post={context.post?.action}
        />
      }
      notice={context.afterHours ? <AfterHoursNotice ui={ui} hours={context.workHours} /> : null}
      body={body}
      focusRef={revealed ? labelInput : cancel}
    >
      {identified && !revealed && (
        <div class="prompt-actions prompt-answers">
          <PromptButton
            blocked={controls.blocked}
            role="primary"
            onPress={() => void controls.answer('not-client')}
          >
            {withClientWords(ui, 'promptNotClient')}
          </PromptButton>
          <PromptButton blocked={controls.blocked} onPress={reveal}>
            {withClientWords(ui, 'promptIsClient')}
          </PromptButton>
        </div>
      )}
      {identified && revealed && (
        <form class="prompt-label" onSubmit={(e) => void confirm(e)} noValidate>
          <div class="field">
            <label for="prompt-label">{ui.t('clientLabelLabel')}</label>
            <input
              id="prompt-label"
              ref={labelInput}
              name="label"
              autocomplete="off"
              maxLength={LABEL_MAX_LENGTH}
              aria-describedby="prompt-label-hint"
              value={label}
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
            <p class="hint" id="prompt-label-hint">
              {ui.t('clientLabelHint')}
            </p>
            {context.locked && typed && (
              <p class="warning" data-testid="prompt-label-locked">
                {withClientWords(ui, 'promptLabelLocked')}
              </p>
            )}
          </div>
          <div class="prompt-actions">
            <PromptButton blocked={controls.blocked} type="submit" role="primary">
              {withClientWords(ui, 'promptAddToList')}
            </PromptButton>
          </div>
        </form>
      )}
      <ContinueArea
        ui={ui}
        controls={controls}
        mode={context.mode}
        cancelRef={cancel}
        offerContinue={!revealed}
        // Someone the page did not name can only be let through or not: going ahead is the step.
        primary={identified ? undefined : 'continue'}
      />
    </PromptDialog>
  );
}
