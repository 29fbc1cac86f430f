// One person on the client list, with inline edit and remove. Every value is
// rendered as text: labels and notes are the coach's words, profile keys come
// from page addresses, and neither is ever markup.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import {
  LABEL_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  type ClientChange,
  type ClientView,
} from '../../lib/store/types';
import { FormerFields } from './AddClientForm';
import { ConfirmBox } from '../shared/ConfirmBox';
import { RequestOutcome } from '../shared/RequestOutcome';
import { useAction } from '../shared/useBackground';
import {
  errorCode,
  formatDay,
  profileWords,
  withClientWords,
  type Sentence,
  type Ui,
} from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

type Mode = 'view' | 'edit' | 'confirm-remove';

export function ClientItem({
  client,
  formerClientYears,
  onChanged,
  announce,
  onRemoved,
}: {
  client: ClientView;
  formerClientYears: number;
  onChanged: () => void;
  /** For results that outlive this item (it is gone once removed). */
  announce: (say: Sentence) => void;
  onRemoved: () => void;
}) {
  const ui = usePage();
  const { t } = ui;
  const id = useId();
  const [mode, setMode] = useState<Mode>('view');
  const action = useAction();
  const editButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const labelInput = useRef<HTMLInputElement>(null);
  const formerInput = useRef<HTMLDivElement>(null);
  // Focus follows the coach's action; the ref says where to, after the next render.
  const focusNext = useRef<'edit' | 'remove' | 'form' | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'edit') editButton.current?.focus();
    if (target === 'remove') removeButton.current?.focus();
    if (target === 'form') {
      if (labelInput.current && !labelInput.current.disabled) labelInput.current.focus();
      else formerInput.current?.querySelector('input')?.focus();
    }
  }, [mode]);
  const go = (next: Mode, focus: typeof focusNext.current) => {
    focusNext.current = focus;
    action.clear();
    setMode(next);
  };

  const locked = client.label === null;
  const named = client.label ? client.label : null;
  const explainFailure = (error: unknown) => {
    // Gone or locked meanwhile (another tab, idle lock): show the list as it is now.
    const code = errorCode(error);
    // Changed elsewhere: the list shows that change now; the error says to reload and edit again.
    if (code === 'not-found' || code === 'locked' || code === 'changed-elsewhere') onChanged();
    return null;
  };

  const remove = () =>
    void action.run(async () => {
      await sendMessage('removeClient', { id: client.id });
      announce(
        named
          ? (ui) => withClientWords(ui, 'clientRemovedNamed', named)
          : (ui) => withClientWords(ui, 'clientRemoved'),
      );
      onRemoved();
      onChanged();
      return null;
    }, explainFailure);

  return (
    <li data-testid="client" data-client-id={client.id} class="item">
      <p class="item-title" id={`${id}-label`}>
        {client.label === null ? (
          <span class="muted">{t('lockedValue')}</span>
        ) : client.label ? (
          client.label
        ) : (
          <span class="muted">{t('clientNoLabel')}</span>
        )}
      </p>
      <p class="item-detail">
        {client.profileKeys === null ? (
          <span class="muted">{t('lockedValue')}</span>
        ) : (
          <span class="profile-key">
            {client.profileKeys.map((key) => profileWords(ui, key)).join(', ')}
          </span>
        )}
      </p>
      <p class="item-detail">{statusText(ui, client, formerClientYears)}</p>
      {client.note && <p class="item-note">{client.note}</p>}

      {mode === 'view' && (
        <div class="field-row">
          <button
            type="button"
            ref={editButton}
            aria-describedby={`${id}-label`}
            onClick={() => go('edit', 'form')}
          >
            {t('editButton')}
          </button>
          <button
            type="button"
            ref={removeButton}
            aria-describedby={`${id}-label`}
            onClick={() => go('confirm-remove', null)}
          >
            {t('removeButton')}
          </button>
        </div>
      )}
      {mode === 'edit' && (
        <EditClientForm
          client={client}
          locked={locked}
          labelInput={labelInput}
          formerInput={formerInput}
          onDone={(say) => {
            announce(say);
            go('view', 'edit');
            onChanged();
          }}
          onCancel={() => go('view', 'edit')}
          explainFailure={explainFailure}
        />
      )}
      {mode === 'confirm-remove' && (
        <ConfirmBox
          question={
            named
              ? withClientWords(ui, 'clientRemoveConfirmNamed', named)
              : withClientWords(ui, 'clientRemoveConfirm')
          }
          yes={t('clientRemoveYes')}
          no={t('clientRemoveKeep')}
          yesTestId="confirm-remove"
          busy={action.busy}
          onYes={remove}
          onNo={() => go('view', 'remove')}
        />
      )}
      <RequestOutcome action={action} />
    </li>
  );
}

function statusText(ui: Ui, client: ClientView, years: number): string {
  if (client.status === 'current') return withClientWords(ui, 'clientStatusCurrent');
  const discharged = client.dischargedOn;
  if (client.status === 'former' && discharged) {
    return withClientWords(
      ui,
      'clientStatusFormerUntil',
      formatDay(ui, discharged),
      formatDay(ui, discharged, years),
    );
  }
  if (client.status === 'former') return withClientWords(ui, 'clientStatusFormer');
  return withClientWords(ui, 'clientStatusFormerPast');
}

function EditClientForm({
  client,
  locked,
  labelInput,
  formerInput,
  onDone,
  onCancel,
  explainFailure,
}: {
  client: ClientView;
  locked: boolean;
  labelInput: { current: HTMLInputElement | null };
  formerInput: { current: HTMLDivElement | null };
  onDone: (say: Sentence) => void;
  onCancel: () => void;
  explainFailure: (error: unknown) => null;
}) {
  const ui = usePage();
  const { t } = ui;
  const id = useId();
  const [form, setForm] = useState({
    label: client.label ?? '',
    note: client.note ?? '',
    former: client.dischargedOn !== null,
    dischargedOn: client.dischargedOn ?? '',
  });
  // What the coach started from: only fields changed from it are sent, each with
  // it, so an edit in another tab meanwhile is either kept or reported, never lost.
  const [base] = useState({
    label: client.label ?? '',
    note: client.note ?? '',
    dischargedOn: client.dischargedOn,
  });
  const action = useAction();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const save = (event: Event) => {
    event.preventDefault();
    if (form.former && !form.dischargedOn) return action.fail((ui) => ui.t('addClientNeedsDate'));
    const label = form.label.trim();
    const note = form.note.trim();
    const dischargedOn = form.former ? form.dischargedOn : null;
    const change: ClientChange = {
      id: client.id,
      // While locked the label and note are unknown here: leave them as they are.
      ...(!locked && label !== base.label ? { label: { from: base.label, to: label } } : {}),
      ...(!locked && note !== base.note ? { note: { from: base.note, to: note } } : {}),
      ...(dischargedOn !== base.dischargedOn
        ? { dischargedOn: { from: base.dischargedOn, to: dischargedOn } }
        : {}),
    };
    void action.run(async () => {
      if (Object.keys(change).length > 1) await sendMessage('updateClient', change);
      onDone((ui) => ui.t('clientSaved'));
      return null;
    }, explainFailure);
  };

  return (
    <form
      class="inline-form"
      onSubmit={save}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      {locked && <p class="hint">{t('clientEditLocked')}</p>}
      <div class="field">
        <label for={`${id}-label`}>{t('clientLabelLabel')}</label>
        <input
          id={`${id}-label`}
          ref={labelInput}
          name="label"
          autocomplete="off"
          maxLength={LABEL_MAX_LENGTH}
          disabled={locked}
          value={form.label}
          onInput={(e) => set({ label: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={`${id}-note`}>{t('clientNoteLabel')}</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
          aria-describedby={`${id}-note-hint`}
          disabled={locked}
          value={form.note}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
        <p class="hint" id={`${id}-note-hint`}>
          {t('clientNoteHint')}
        </p>
      </div>
      <div ref={formerInput}>
        <FormerFields former={form.former} dischargedOn={form.dischargedOn} onChange={set} />
      </div>
      <div class="field-row">
        <button type="submit" class="button-primary" disabled={action.busy}>
          {t('saveButton')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancelButton')}
        </button>
      </div>
      <RequestOutcome action={action} />
    </form>
  );
}
