// An inline "are you sure?" for actions that cannot be undone. Focus goes to the
// safe answer, which also reads the question, so a stray Enter changes nothing.
import { useEffect, useId, useRef } from 'preact/hooks';

export function ConfirmBox({
  question,
  yes,
  no,
  yesTestId,
  busy = false,
  onYes,
  onNo,
}: {
  question: string;
  yes: string;
  no: string;
  yesTestId: string;
  busy?: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  const id = useId();
  const noButton = useRef<HTMLButtonElement>(null);
  useEffect(() => noButton.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-labelledby={id}>
      <p id={id} class="warning">
        {question}
      </p>
      <div class="field-row">
        <button
          type="button"
          class="button-danger"
          data-testid={yesTestId}
          disabled={busy}
          onClick={onYes}
        >
          {yes}
        </button>
        <button
          type="button"
          ref={noButton}
          aria-describedby={id}
          onClick={onNo}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onNo();
          }}
        >
          {no}
        </button>
      </div>
    </div>
  );
}
