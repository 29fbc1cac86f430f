// One observation: when, where, about whom, the post, the note and where it
// stands, with the next steps (discussed, shared, no action), an inline note
// editor and a delete that asks first. Every value is rendered as text.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import type { ObservationStatus, ObservationView } from '../../lib/observations/types';
import { OBSERVATION_NOTE_MAX_LENGTH } from '../../lib/prompt/types';
import { SITE_WORDS } from '../../lib/page-kind-words';
import type { MessageKey } from '../../lib/i18n';
import { ConfirmBox } from '../shared/ConfirmBox';
import { RequestOutcome } from '../shared/RequestOutcome';
import { useAction } from '../shared/useBackground';
import { formatMoment, type Sentence } from '../shared/pageWords';
import { safePostUrl, statusWords } from './words';
import { usePage } from '../shared/PageContext';

type Mode = 'view' | 'edit' | 'confirm-delete';

const NEXT_STEPS: { status: ObservationStatus; key: MessageKey }[] = [
  { status: 'discussed', key: 'observationMarkDiscussed' },
  { status: 'shared', key: 'observationMarkShared' },
  { status: 'no-action', key: 'observationMarkNoAction' },
];

export function ObservationItem({
  observation,
  locked,
  onUpdated,
  onDeleted,
  announce,
}: {
  observation: ObservationView;
  locked: boolean;
  onUpdated: (next: ObservationView) => void;
  onDeleted: (id: string) => void;
  /** For results that outlive this item (it is gone once deleted). */
  announce: (say: Sentence) => void;
}) {
  const ui = usePage();
  const { t } = ui;
  const id = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [note, setNote] = useState('');
  const action = useAction();
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const focusNext = useRef<'edit' | 'delete' | 'field' | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'edit') editButton.current?.focus();
    if (target === 'delete') deleteButton.current?.focus();
    if (target === 'field') noteField.current?.focus();
  }, [mode]);
  const go = (next: Mode, focus: typeof focusNext.current) => {
    focusNext.current = focus;
    setMode(next);
  };

  const who =
    observation.clientLabel ?? (locked ? t('observationLocked') : t('observationUnknownPerson'));
  const link = safePostUrl(observation.postUrl);

  const update = (change: { status?: ObservationStatus; note?: string }, after?: Mode) =>
    action.run(async () => {
      const next = await sendMessage('updateObservation', { id: observation.id, ...change });
      onUpdated(next);
      if (after) go(after, 'edit');
      return (ui) => ui.t('observationUpdated');
    });

  const startEdit = () => {
    if (locked) {
      action.fail((ui) => ui.t('observationNeedUnlock'));
      return;
    }
    action.clear();
    setNote(observation.note ?? '');
    go('edit', 'field');
  };

  const remove = () =>
    action.run(async () => {
      await sendMessage('deleteObservation', { id: observation.id });
      announce((ui) => ui.t('observationDeleted'));
      onDeleted(observation.id);
      return null;
    });

  return (
    <li
      class={observation.urgent ? 'observation urgent' : 'observation'}
      data-testid="observation"
      data-observation-id={observation.id}
      data-status={observation.status}
      data-urgent={String(observation.urgent)}
      aria-labelledby={`${id}-title`}
      // Focusable by script only: the section moves the focus here after a page change.
      tabIndex={-1}
    >
      <p class="observation-title" id={`${id}-title`}>
        {observation.urgent && (
          <strong class="tag tag-urgent" data-testid="observation-urgent">
            {t('observationUrgent')}
          </strong>
        )}{' '}
        <span>{formatMoment(ui, observation.createdAt, true)}</span>
        {' · '}
        <span>{t(SITE_WORDS[observation.platform])}</span>
        {' · '}
        <bdi class="observation-who">{who}</bdi>
      </p>
      <p class="observation-status" data-testid="observation-status">
        {statusWords(ui, observation)}
      </p>
      {link && (
        <p>
          <a href={link} target="_blank" rel="noreferrer">
            {t('observationOpenPost')}
          </a>
        </p>
      )}
      {mode !== 'edit' && (
        <p class="observation-note" data-testid="observation-note">
          {observation.note === null
            ? locked
              ? t('observationNoteHidden')
              : t('observationNoNote')
            : observation.note.trim() || t('observationNoNote')}
        </p>
      )}
      {mode === 'edit' && (
        <form
          class="observation-edit"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void update({ note: note.trim() }, 'view');
          }}
        >
          <div class="field">
            <label for={`${id}-note`}>{t('observationNoteLabel')}</label>
            <textarea
              id={`${id}-note`}
              ref={noteField}
              name="observationNote"
              rows={3}
              maxLength={OBSERVATION_NOTE_MAX_LENGTH}
              aria-describedby={`${id}-hint`}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
            <p class="hint" id={`${id}-hint`}>
              {t('observationNoteHint')}
            </p>
          </div>
          <div class="field-row">
            <button type="submit" class="button-primary" disabled={action.busy}>
              {t('saveButton')}
            </button>
            <button
              type="button"
              onClick={() => {
                action.clear();
                go('view', 'edit');
              }}
            >
              {t('cancelButton')}
            </button>
          </div>
        </form>
      )}
      {mode === 'confirm-delete' ? (
        <ConfirmBox
          question={t('observationDeleteConfirm')}
          yes={t('observationDeleteYes')}
          no={t('observationDeleteKeep')}
          yesTestId="confirm-delete-observation"
          busy={action.busy}
          onYes={() => void remove()}
          onNo={() => go('view', 'delete')}
        />
      ) : (
        mode === 'view' && (
          <div class="field-row observation-actions">
            {NEXT_STEPS.filter((step) => step.status !== observation.status).map((step) => (
              <button
                type="button"
                key={step.status}
                disabled={action.busy}
                onClick={() => void update({ status: step.status })}
              >
                {t(step.key)}
              </button>
            ))}
            <button type="button" ref={editButton} onClick={startEdit}>
              {t('observationEditNote')}
            </button>
            <button
              type="button"
              ref={deleteButton}
              class="button-danger"
              onClick={() => {
                action.clear();
                go('confirm-delete', null);
              }}
            >
              {t('observationDelete')}
            </button>
          </div>
        )
      )}
      <RequestOutcome action={action} />
    </li>
  );
}
