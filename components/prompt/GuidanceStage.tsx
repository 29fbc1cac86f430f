// A client (or a former client inside the look-back window): the practice in a
// few plain lines, paraphrasing the MISSION Boundaries Toolkit. The team decides;
// Clearline informs. Under a block-clients policy there is no Continue, and the
// page says why.
import { useRef } from 'preact/hooks';
import type { MessageKey } from '../../lib/i18n';
import type { PromptContext } from '../../lib/prompt/types';
import { withClientWords } from '../shared/pageWords';
import { AfterHoursNotice } from './AfterHours';
import { ContinueArea } from './ContinueArea';
import { PromptDialog, type FrameProps, type PromptControls } from './PromptDialog';
import { ActionHeading, TextWith } from './PromptText';

/** Connecting (friend, follow) makes a lasting, visible link; a message does not. */
const CONNECT_TIPS: MessageKey[] = [
  'promptTipPolicy',
  'promptTipCaseload',
  'promptTipPosts',
  'promptTipSafety',
  'promptTipChannels',
  'promptTipSupervisor',
];
const MESSAGE_TIPS: MessageKey[] = [
  'promptTipPolicy',
  'promptTipSafety',
  'promptTipChannels',
  'promptTipSupervisor',
];

export function GuidanceStage({
  frame,
  controls,
  context,
  site,
  supervisor,
}: {
  frame: FrameProps;
  controls: PromptControls;
  context: PromptContext;
  site: string;
  /** Who to ask, from the agency's policy (supervisorContact); empty if none. */
  supervisor?: string;
}) {
  const { ui } = frame;
  const cancel = useRef<HTMLButtonElement>(null);
  const forbidden = context.mode === 'block-clients';
  const isMessage = context.category === 'message';
  const tips = isMessage ? MESSAGE_TIPS : CONNECT_TIPS;

  const body = (
    <>
      <p class="prompt-question">
        {context.verdict === 'former-client'
          ? withClientWords(ui, 'promptGuidanceFormer')
          : withClientWords(ui, 'promptGuidanceClient')}
      </p>
      {context.clientLabel && (
        <p class="prompt-label-line">
          <TextWith ui={ui} msg="promptGuidanceLabel" value={context.clientLabel} />
        </p>
      )}
      {forbidden ? (
        <div class="prompt-rule" data-testid="prompt-rule">
          <p>
            <strong>{withClientWords(ui, 'promptBlocked')}</strong>
          </p>
          <p>
            {withClientWords(ui, isMessage ? 'promptBlockedWhyMessage' : 'promptBlockedWhyConnect')}
          </p>
        </div>
      ) : (
        <>
          <h2>{withClientWords(ui, 'promptGuidanceHeading')}</h2>
          <ul class="prompt-tips">
            {tips.map((tip) => (
              <li key={tip}>{withClientWords(ui, tip)}</li>
            ))}
          </ul>
        </>
      )}
      {supervisor && (
        <p class="prompt-supervisor" data-testid="prompt-supervisor">
          {ui.t('agencySupervisor', supervisor)}
        </p>
      )}
    </>
  );

  return (
    <PromptDialog
      frame={frame}
      stage="guidance"
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
      focusRef={cancel}
    >
      <ContinueArea
        ui={ui}
        controls={controls}
        mode={context.mode}
        cancelRef={cancel}
        offerContinue={!forbidden}
        // The guidance asks the coach to pause: stepping back is the suggested step.
        primary="cancel"
      />
    </PromptDialog>
  );
}
