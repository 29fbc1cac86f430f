// Where a section tells the coach how a request went. The status region is
// always in the page, so screen readers announce what appears in it; an alert
// is added only when there is one, so an empty alert never reads as a failure.
import type { Action } from './useBackground';
import { usePage } from './PageContext';

export function RequestOutcome({
  action,
  errorTestId,
  statusTestId,
}: {
  action: Pick<Action, 'status' | 'error'>;
  errorTestId?: string;
  statusTestId?: string;
}) {
  const ui = usePage();
  return (
    <>
      <p role="status" aria-live="polite" class="ok" data-testid={statusTestId}>
        {action.status ? action.status(ui) : ''}
      </p>
      {action.error && (
        <p role="alert" class="error" data-testid={errorTestId}>
          {action.error(ui)}
        </p>
      )}
    </>
  );
}
