// "I checked this" for an item Clearline could not read, and "Undo" for
// one the coach confirmed. The background answers with the whole audit, which
// replaces what the page shows; focus stays on the button that took the place
// of the one pressed, so keyboard and screen reader users keep their spot.
import { useEffect, useRef } from 'preact/hooks';
import type { AuditItemState, AuditView } from '../../lib/audit/types';
import { sendMessage } from '../../lib/messaging';
import { useAction } from '../shared/useBackground';
import { usePage } from '../shared/PageContext';

export function ConfirmButton({
  state,
  describedBy,
  onView,
}: {
  state: AuditItemState;
  /** Ids of the item's title and result, so the button is never just "Undo" out of context. */
  describedBy?: string;
  onView: (view: AuditView) => void;
}) {
  const ui = usePage();
  const { t } = ui;
  const action = useAction();
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current || action.busy) return;
    refocus.current = false;
    button.current?.focus();
  }, [state.result, action.busy]);

  // A setting read from its page (fine or needing a change): the next reading decides, not a click.
  if (state.result === 'pass' || state.result === 'fail') return null;
  const confirmed = state.result === 'confirmed';
  const send = () =>
    void action.run(async () => {
      const view = await sendMessage('confirmAuditItem', {
        itemId: state.itemId,
        confirmed: !confirmed,
      });
      refocus.current = true;
      onView(view);
      return null;
    });
  return (
    <>
      <button
        type="button"
        ref={button}
        disabled={action.busy}
        aria-describedby={describedBy}
        data-testid={confirmed ? 'audit-undo' : 'audit-confirm'}
        onClick={send}
      >
        {confirmed ? t('auditUndo') : t('auditConfirm')}
      </button>
      {action.error && (
        <p role="alert" class="error audit-confirm-error">
          {action.error(ui)}
        </p>
      )}
    </>
  );
}
