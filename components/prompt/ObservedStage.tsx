// A client's post the coach is about to pass on (share, send, copy, save) or
// answer in public (comment, react). Passing it on: talk with them first,
// paraphrasing the MISSION Boundaries Toolkit. A public answer: it can show
// others the program connection (42 CFR Part 2). Either way the coach can note
// it for follow-up, or record a risk of harm, which shows the crisis protocol.
// Saved once, said once: the saved line in the body, and Close as the one next step.
import { useRef, useState } from 'preact/hooks';
import { OBSERVATION_NOTE_MAX_LENGTH, type PromptContext } from '../../lib/prompt/types';
import type { PostActionKind } from '../../lib/sites/types';
import { withClientWords } from '../shared/pageWords';
import { CloseArea } from './ContinueArea';
import { PromptButton, PromptDialog, type FrameProps, type PromptControls } from './PromptDialog';
import { ActionHeading, TextWith } from './PromptText';

/** Comments and reactions leave a public trace; the others pass the post on. */
export function isPublicTrace(action: PostActionKind): boolean {
  return action === 'comment' || action === 'react';
}

/** The post action a context is about; a context without one is treated as a share. */
export function postActionOf(context: PromptContext): PostActionKind {
  return context.post?.action ?? 'share';
}

export function ObservedStage({
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
  const action = postActionOf(context);
  const publicTrace = isPublicTrace(action);
  const [revealed, setRevealed] = useState(false);
  const [note, setNote] = useState('');
  const cancel = useRef<HTMLButtonElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);
  const writing = revealed && !context.noted;

  const reveal = () => {
    setRevealed(true);
    // The field appears where the coach just clicked: the next click must be meant.
    controls.rearm();
  };
  const saveNote = async (event: Event) => {
    event.preventDefault();
    if (controls.blocked) return;
    // A locked list cannot seal a note: the observation is saved without one.
    const text = context.locked ? '' : note.trim();
    await controls.answer('note', { note: text });
  };

  const body = (
    <>
      <p class="prompt-question">{withClientWords(ui, 'observedIntro')}</p>
      {context.clientLabel && (
        <p class="prompt-label-line">
          <TextWith ui={ui} msg="promptGuidanceLabel" value={context.clientLabel} />
        </p>
      )}
      {publicTrace ? (
        <div data-testid="observed-public">
          <p>
            {withClientWords(
              ui,
              action === 'react' ? 'observedPublicReact' : 'observedPublicComment',
            )}
          </p>
          <p>{withClientWords(ui, 'observedPublicAlt')}</p>
        </div>
      ) : (
        <div data-testid="observed-talk-first">
          <h2>{withClientWords(ui, 'observedTalkHeading')}</h2>
          <ul class="prompt-tips">
            <li>{withClientWords(ui, 'observedTalkFirst')}</li>
            <li>{withClientWords(ui, 'observedTellShared')}</li>
            <li>{withClientWords(ui, 'observedEncourage')}</li>
          </ul>
          <p>{withClientWords(ui, 'observedNextRight')}</p>
        </div>
      )}
      {!context.noted && <p class="hint">{withClientWords(ui, 'observedRiskHint')}</p>}
      {context.noted && (
        <p class="ok prompt-saved" data-testid="observed-saved" role="status">
          <strong>{withClientWords(ui, 'observedSaved')}</strong>{' '}
          {withClientWords(ui, 'observedSavedHint')}
        </p>
      )}
    </>
  );

  return (
    <PromptDialog
      frame={frame}
      stage="observed"
      site={site}
      heading={<ActionHeading ui={ui} action="post" post={action} name={context.name} />}
      body={body}
      focusRef={writing ? (context.locked ? saveButton : noteField) : cancel}
    >
      {!context.noted && !revealed && (
        <>
          <div class="prompt-actions prompt-answers">
            <PromptButton blocked={controls.blocked} onPress={reveal}>
              {withClientWords(ui, 'observedNoteButton')}
            </PromptButton>
          </div>
          {/* Urgent, and nothing like Close: its own row, in the danger colour. */}
          <div class="prompt-actions prompt-answers prompt-risk">
            <PromptButton
              blocked={controls.blocked}
              role="danger"
              onPress={() => void controls.answer('risk', { note: '' })}
            >
              {withClientWords(ui, 'observedRiskButton')}
            </PromptButton>
          </div>
        </>
      )}
      {writing && (
        <form class="prompt-note" onSubmit={(e) => void saveNote(e)} noValidate>
          {context.locked ? (
            <p class="warning" data-testid="observed-note-locked">
              {withClientWords(ui, 'observedNoteLocked')}
            </p>
          ) : (
            <div class="field">
              <label for="prompt-note">{withClientWords(ui, 'observedNoteLabel')}</label>
              <textarea
                id="prompt-note"
                ref={noteField}
                name="note"
                rows={3}
                maxLength={OBSERVATION_NOTE_MAX_LENGTH}
                aria-describedby="prompt-note-hint"
                value={note}
                onInput={(e) => setNote(e.currentTarget.value)}
              />
              <p class="hint" id="prompt-note-hint">
                {withClientWords(ui, 'observedNoteHint')}
              </p>
            </div>
          )}
          <div class="prompt-actions">
            <PromptButton
              blocked={controls.blocked}
              buttonRef={saveButton}
              type="submit"
              role="primary"
            >
              {withClientWords(ui, 'observedSaveNote')}
            </PromptButton>
          </div>
        </form>
      )}
      <CloseArea ui={ui} controls={controls} closeRef={cancel} primary={!writing} />
    </PromptDialog>
  );
}
