// "Not a client" answers: people the coach told Clearline are not clients, so
// it stops asking about them. Undoing one means Clearline asks again next time.
import { useRef } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import type { DecisionView } from '../../lib/store/types';
import { RequestOutcome } from '../shared/RequestOutcome';
import { useAction, type Loaded } from '../shared/useBackground';
import {
  describeError,
  errorCode,
  formatMoment,
  profileWords,
  withClientWords,
} from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

export function DecisionsSection({
  decisions,
  onChanged,
  onRetry,
}: {
  decisions: Loaded<{ decisions: DecisionView[] }>;
  onChanged: () => void;
  onRetry: () => void;
}) {
  const ui = usePage();
  const { t } = ui;
  const action = useAction();
  // The undone answer takes the focused button with it: continue from the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  const undo = (decision: DecisionView) =>
    void action.run(
      async () => {
        await sendMessage('removeDecision', { id: decision.id });
        heading.current?.focus();
        onChanged();
        return (ui) => ui.t('decisionUndone');
      },
      (error) => {
        if (errorCode(error) === 'not-found') onChanged();
        return null;
      },
    );

  return (
    <section class="section" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading" ref={heading} tabIndex={-1}>
        {withClientWords(ui, 'decisionsHeading')}
      </h2>
      <p>{withClientWords(ui, 'decisionsIntro')}</p>
      <RequestOutcome action={action} statusTestId="decisions-status" />
      {decisions.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {decisions.state === 'error' && (
        <div role="alert" class="error" data-testid="decisions-load-error">
          <p>{withClientWords(ui, 'decisionsLoadFailed', describeError(ui, decisions.error))}</p>
          <button type="button" onClick={onRetry}>
            {t('tryAgain')}
          </button>
        </div>
      )}
      {decisions.state === 'ready' &&
        (decisions.value.decisions.length === 0 ? (
          <p data-testid="decisions-empty">{withClientWords(ui, 'decisionsEmpty')}</p>
        ) : (
          <ul class="items" data-testid="decisions">
            {decisions.value.decisions.map((decision) => (
              <li
                data-testid="decision"
                data-decision-id={decision.id}
                key={decision.id}
                class="item"
              >
                <p class="item-title" id={`decision-${decision.id}`}>
                  {decision.profileKey === null ? (
                    <span class="muted">{t('lockedValue')}</span>
                  ) : (
                    <span class="profile-key">{profileWords(ui, decision.profileKey)}</span>
                  )}
                </p>
                <p class="item-detail">{t('decisionDate', formatMoment(ui, decision.decidedAt))}</p>
                <button
                  type="button"
                  disabled={action.busy}
                  aria-describedby={`decision-${decision.id}`}
                  onClick={() => undo(decision)}
                >
                  {t('undoButton')}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
