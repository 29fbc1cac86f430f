// Adds someone to the client list from their profile address. Only the address
// is needed; the label and note are the coach's own words and are encrypted
// when a passphrase is set, so they need the list unlocked.
import { useId, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import { LABEL_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../lib/store/types';
import { RequestOutcome } from '../shared/RequestOutcome';
import { useAction } from '../shared/useBackground';
import { errorCode, todayIso, withClientWords } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

const EMPTY = { profileUrl: '', label: '', note: '', former: false, dischargedOn: '' };

export function AddClientForm({
  locked,
  onAdded,
  onNeedUnlock,
}: {
  locked: boolean;
  onAdded: () => void;
  /** The list is locked and the coach wrote a label or note: bring them to the unlock field. */
  onNeedUnlock: () => void;
}) {
  const ui = usePage();
  const { t } = ui;
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const action = useAction();
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));

  const submit = (event: Event) => {
    event.preventDefault();
    const profileUrl = form.profileUrl.trim();
    const label = form.label.trim();
    const note = form.note.trim();
    if (!profileUrl) return action.fail((ui) => ui.t('addClientNeedsUrl'));
    if (form.former && !form.dischargedOn) return action.fail((ui) => ui.t('addClientNeedsDate'));
    // Sending would only be refused: ask for the passphrase first, keep what was typed.
    if (locked && (label || note)) {
      action.fail((ui) => withClientWords(ui, 'error_locked'));
      onNeedUnlock();
      return;
    }
    void action.run(
      async () => {
        await sendMessage('addClient', {
          profileUrl,
          label,
          note,
          dischargedOn: form.former ? form.dischargedOn : null,
        });
        setForm(EMPTY);
        onAdded();
        return label
          ? (ui) => withClientWords(ui, 'addClientDoneNamed', label)
          : (ui) => withClientWords(ui, 'addClientDone');
      },
      (error) => {
        // The list locked itself meanwhile (idle lock): show the page as it is now.
        if (errorCode(error) === 'locked') {
          onAdded();
          onNeedUnlock();
        }
        return null;
      },
    );
  };

  return (
    <form data-testid="add-client" onSubmit={submit} noValidate>
      <div class="field">
        <label for={`${id}-url`}>{t('clientProfileUrlLabel')}</label>
        <input
          id={`${id}-url`}
          name="profileUrl"
          type="url"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          aria-describedby={`${id}-url-hint`}
          value={form.profileUrl}
          onInput={(e) => set({ profileUrl: e.currentTarget.value })}
        />
        <p class="hint" id={`${id}-url-hint`}>
          {t('clientProfileUrlHint')}
        </p>
      </div>
      <div class="field">
        <label for={`${id}-label`}>{t('clientLabelLabel')}</label>
        <input
          id={`${id}-label`}
          name="label"
          autocomplete="off"
          maxLength={LABEL_MAX_LENGTH}
          aria-describedby={`${id}-label-hint`}
          value={form.label}
          onInput={(e) => set({ label: e.currentTarget.value })}
        />
        <p class="hint" id={`${id}-label-hint`}>
          {t('clientLabelHint')}
        </p>
      </div>
      <div class="field">
        <label for={`${id}-note`}>{t('clientNoteLabel')}</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
          aria-describedby={`${id}-note-hint`}
          value={form.note}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
        <p class="hint" id={`${id}-note-hint`}>
          {t('clientNoteHint')}
        </p>
      </div>
      <FormerFields former={form.former} dischargedOn={form.dischargedOn} onChange={set} />
      <button type="submit" class="button-primary" disabled={action.busy}>
        {t('addClientButton')}
      </button>
      <RequestOutcome
        action={action}
        errorTestId="add-client-error"
        statusTestId="add-client-status"
      />
    </form>
  );
}

/** "Former" and the discharge date: the date only matters, and only shows, for a former one. */
export function FormerFields({
  former,
  dischargedOn,
  onChange,
}: {
  former: boolean;
  dischargedOn: string;
  onChange: (patch: { former?: boolean; dischargedOn?: string }) => void;
}) {
  const ui = usePage();
  const id = useId();
  return (
    <div class="field">
      <label>
        <input
          type="checkbox"
          name="former"
          checked={former}
          onChange={(e) => onChange({ former: e.currentTarget.checked })}
        />{' '}
        {withClientWords(ui, 'clientFormerLabel')}
      </label>
      {former && (
        <>
          <label for={`${id}-date`}>{ui.t('clientDischargedOnLabel')}</label>
          <input
            id={`${id}-date`}
            type="date"
            name="dischargedOn"
            max={todayIso()}
            aria-describedby={`${id}-date-hint`}
            value={dischargedOn}
            onInput={(e) => onChange({ dischargedOn: e.currentTarget.value })}
          />
          <p class="hint" id={`${id}-date-hint`}>
            {withClientWords(ui, 'clientDischargedOnHint')}
          </p>
        </>
      )}
    </div>
  );
}
