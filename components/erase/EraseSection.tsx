// The way out when a passphrase is forgotten, or when the coach leaves the job:
// everything Clearline kept on this device goes. Typing a word, not a click,
// confirms it, because nothing can bring the data back.
import { useId, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import { ERASE_CONFIRMATION } from '../../lib/store/types';
import { RequestOutcome } from '../shared/RequestOutcome';
import { useAction } from '../shared/useBackground';
import { withClientWords } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

export function EraseSection({ onErased }: { onErased: () => void }) {
  const ui = usePage();
  const { t } = ui;
  const id = useId();
  const [confirmation, setConfirmation] = useState('');
  const action = useAction();
  const confirmed = confirmation === ERASE_CONFIRMATION;

  const submit = (event: Event) => {
    event.preventDefault();
    if (!confirmed) return;
    void action.run(async () => {
      await sendMessage('eraseAll', { confirmation });
      setConfirmation('');
      onErased();
      return (ui) => ui.t('eraseDone');
    });
  };

  return (
    <section class="section danger-zone" aria-labelledby="erase-heading">
      <h2 id="erase-heading">{t('eraseHeading')}</h2>
      <p>{withClientWords(ui, 'eraseIntro')}</p>
      <form data-testid="erase-all" onSubmit={submit} noValidate>
        <div class="field">
          <label for={`${id}-confirm`}>{t('eraseConfirmLabel')}</label>
          <input
            id={`${id}-confirm`}
            name="eraseConfirmation"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={confirmation}
            onInput={(e) => setConfirmation(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button-danger" disabled={!confirmed || action.busy}>
          {t('eraseButton')}
        </button>
        <RequestOutcome action={action} errorTestId="erase-error" statusTestId="erase-status" />
      </form>
    </section>
  );
}
