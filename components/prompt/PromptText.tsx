// The prompt's sentences that carry something from elsewhere: a name the host
// page showed, the coach's label, a refusal from the background. Page text is
// only ever a text node, in a box that cuts it short on screen.
import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import { MessageError } from '../../lib/messaging';
import { PROMPT_ERRORS, type PromptErrorCode, type PromptSubject } from '../../lib/prompt/types';
import type { ActionKind, PostActionKind } from '../../lib/sites/types';
import { describeError, withClientWords, type Ui } from '../shared/pageWords';

/** Stands in for a value while a message is translated; substitutions are never re-parsed. */
const MARK = '\u0001';

/**
 * A message with one value ($3 after the client words) rendered as its own
 * element, so it can be cut short with an ellipsis. The value is a text child:
 * markup in it shows as typed.
 */
export function TextWith({ ui, msg, value }: { ui: Ui; msg: MessageKey; value: string }) {
  const parts = withClientWords(ui, msg, MARK).split(MARK);
  const out: ComponentChildren[] = [];
  parts.forEach((part, i) => {
    if (i > 0)
      out.push(
        <bdi class="prompt-name" title={value} key={i}>
          {value}
        </bdi>,
      );
    if (part) out.push(part);
  });
  return <>{out}</>;
}

const ACTION_KEYS: Record<ActionKind, { named: MessageKey; unnamed: MessageKey }> = {
  'add-friend': { named: 'promptActionAddFriend', unnamed: 'promptActionAddFriendUnnamed' },
  'confirm-request': {
    named: 'promptActionConfirmRequest',
    unnamed: 'promptActionConfirmRequestUnnamed',
  },
  follow: { named: 'promptActionFollow', unnamed: 'promptActionFollowUnnamed' },
  'follow-back': { named: 'promptActionFollowBack', unnamed: 'promptActionFollowBackUnnamed' },
  message: { named: 'promptActionMessage', unnamed: 'promptActionMessageUnnamed' },
  'send-message': {
    named: 'promptActionSendMessage',
    unnamed: 'promptActionSendMessageUnnamed',
  },
};

const POST_KEYS: Record<PostActionKind, { named: MessageKey; unnamed: MessageKey }> = {
  share: { named: 'observedHeadingShare', unnamed: 'observedHeadingShareUnnamed' },
  send: { named: 'observedHeadingSend', unnamed: 'observedHeadingSendUnnamed' },
  'copy-link': { named: 'observedHeadingCopyLink', unnamed: 'observedHeadingCopyLinkUnnamed' },
  'copy-text': { named: 'observedHeadingCopyText', unnamed: 'observedHeadingCopyTextUnnamed' },
  save: { named: 'observedHeadingSave', unnamed: 'observedHeadingSaveUnnamed' },
  comment: { named: 'observedHeadingComment', unnamed: 'observedHeadingCommentUnnamed' },
  react: { named: 'observedHeadingReact', unnamed: 'observedHeadingReactUnnamed' },
};

/**
 * What is about to happen, in plain words: "Add Jane Doe as a friend?", or for a
 * post, "Share this post by Jane Doe?" (a post without its action reads as a share).
 */
export function ActionHeading({
  ui,
  action,
  name,
  post,
}: {
  ui: Ui;
  action: PromptSubject;
  name: string | null;
  post?: PostActionKind | null;
}) {
  const keys = action === 'post' ? POST_KEYS[post ?? 'share'] : ACTION_KEYS[action];
  const shown = name?.trim();
  return shown ? (
    <TextWith ui={ui} msg={keys.named} value={shown} />
  ) : (
    <>{withClientWords(ui, keys.unnamed)}</>
  );
}

const PROMPT_ERROR_KEYS: Record<PromptErrorCode, MessageKey> = {
  'prompt-expired': 'error_prompt_expired',
  'reason-required': 'error_reason_required',
  'not-allowed': 'error_not_allowed',
  unidentified: 'error_unidentified',
};

export function promptErrorCode(error: unknown): PromptErrorCode | null {
  if (!(error instanceof MessageError)) return null;
  return (PROMPT_ERRORS as readonly string[]).includes(error.reason)
    ? (error.reason as PromptErrorCode)
    : null;
}

/** A refusal as a sentence: the prompt's own codes, then the store's, then the plain detail. */
export function describePromptError(ui: Ui, error: unknown): string {
  const code = promptErrorCode(error);
  return code ? withClientWords(ui, PROMPT_ERROR_KEYS[code]) : describeError(ui, error);
}
