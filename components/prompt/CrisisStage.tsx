// After "Risk of harm": the agency's crisis protocol first and prominent, the
// urgent observation that was recorded, and plainly that sharing right away is
// right here. Cancel and Continue stay as everywhere else.
import { useRef } from 'preact/hooks';
import type { PromptContext } from '../../lib/prompt/types';
import { withClientWords } from '../shared/pageWords';
import { CloseArea } from './ContinueArea';
import { postActionOf } from './ObservedStage';
import { PromptDialog, type FrameProps, type PromptControls } from './PromptDialog';
import { ActionHeading } from './PromptText';

export function CrisisStage({
  frame,
  controls,
  context,
  site,
  protocol,
}: {
  frame: FrameProps;
  controls: PromptControls;
  context: PromptContext;
  site: string;
  /** The agency's crisis protocol, or the built-in one: the coach's own text, shown as text. */
  protocol: string;
}) {
  const { ui } = frame;
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <PromptDialog
      frame={frame}
      stage="crisis"
      site={site}
      heading={withClientWords(ui, 'crisisTitle')}
      body={
        <>
          <p class="prompt-crisis" role="alert" data-testid="crisis-protocol">
            {protocol}
          </p>
          <p>
            <strong>{withClientWords(ui, 'crisisShareNow')}</strong>
          </p>
          <p class="ok">{withClientWords(ui, 'crisisUrgentAdded')}</p>
          {context.post && (
            <p class="hint">
              <ActionHeading
                ui={ui}
                action="post"
                post={postActionOf(context)}
                name={context.name}
              />
            </p>
          )}
        </>
      }
      focusRef={cancel}
    >
      <CloseArea ui={ui} controls={controls} closeRef={cancel} />
    </PromptDialog>
  );
}
