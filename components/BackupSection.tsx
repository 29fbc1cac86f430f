// Export and import of the whole list as one encrypted file. Both directions
// stay on this device: the file is handed to the browser's own download, and
// an import is read from a file the coach picks.
import { useId, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../lib/messaging';
import { BACKUP_MAX_BYTES, PASSPHRASE_MIN_LENGTH } from '../lib/store/types';
import { ConfirmBox } from './ConfirmBox';
import { Feedback } from './Feedback';
import { useAction } from './useAsync';
import { describeError, tw, type Ui } from './ui';

/** Gives the browser a file to save, without any network: a Blob behind a temporary link. */
export function downloadText(fileName: string, contents: string): void {
  const type = fileName.endsWith('.csv') ? 'text/csv' : 'application/json';
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function BackupSection({ ui, onImported }: { ui: Ui; onImported: () => void }) {
  const { t } = ui;
  return (
    <section class="section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p>{t('backupIntro')}</p>
      <ExportForm ui={ui} />
      <ImportForm ui={ui} onImported={onImported} />
    </section>
  );
}

function ExportForm({ ui }: { ui: Ui }) {
  const { t } = ui;
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const action = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    if (passphrase.length < PASSPHRASE_MIN_LENGTH)
      return action.fail((ui) =>
        tw(ui, 'error_passphrase_too_short', String(PASSPHRASE_MIN_LENGTH)),
      );
    void action.run(async () => {
      const { fileName, contents } = await sendMessage('exportBackup', { passphrase });
      downloadText(fileName, contents);
      setPassphrase('');
      return (ui) => ui.t('exportDone', fileName);
    });
  };

  return (
    <form data-testid="export-backup" onSubmit={submit} noValidate>
      <h3>{t('exportHeading')}</h3>
      <div class="field">
        <label for={`${id}-pass`}>{t('exportPassphraseLabel')}</label>
        <input
          id={`${id}-pass`}
          type="password"
          name="exportPassphrase"
          autocomplete="new-password"
          required
          aria-describedby={`${id}-hint`}
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
        <p class="hint" id={`${id}-hint`}>
          {t('exportPassphraseHint', String(PASSPHRASE_MIN_LENGTH))}
        </p>
      </div>
      <button type="submit" disabled={action.busy}>
        {t('exportButton')}
      </button>
      <Feedback ui={ui} action={action} errorTestId="export-error" statusTestId="export-status" />
    </form>
  );
}

function ImportForm({ ui, onImported }: { ui: Ui; onImported: () => void }) {
  const { t } = ui;
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const action = useAction();

  const ask = (event: Event) => {
    event.preventDefault();
    if (!file) return action.fail((ui) => ui.t('importNeedsFile'));
    // Refused before reading: a huge file is not a backup and would only cost memory.
    if (file.size > BACKUP_MAX_BYTES)
      return action.fail(
        (ui) => `${tw(ui, 'error_backup_too_large')} ${ui.t('importNothingChanged')}`,
      );
    if (!passphrase) return action.fail((ui) => ui.t('importNeedsPassphrase'));
    action.clear();
    setConfirming(true);
  };
  const replace = () => {
    if (!file) return;
    setConfirming(false);
    void action.run(
      async () => {
        const contents = await file.text();
        const counts = await sendMessage('importBackup', { contents, passphrase });
        setPassphrase('');
        setFile(null);
        if (fileInput.current) fileInput.current.value = '';
        onImported();
        return (ui) => tw(ui, 'importDone', String(counts.clients), String(counts.decisions));
      },
      // The background replaces everything or nothing, so a failure changed nothing.
      (error) => (ui) => `${describeError(ui, error)} ${ui.t('importNothingChanged')}`,
    );
  };

  return (
    <form data-testid="import-backup" onSubmit={ask} noValidate>
      <h3>{t('importHeading')}</h3>
      <p>{t('importIntro')}</p>
      <div class="field">
        <label for={`${id}-file`}>{t('importFileLabel')}</label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          name="importFile"
          accept=".json,application/json"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setConfirming(false);
          }}
        />
      </div>
      <div class="field">
        <label for={`${id}-pass`}>{t('importPassphraseLabel')}</label>
        <input
          id={`${id}-pass`}
          type="password"
          name="importPassphrase"
          autocomplete="off"
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </div>
      {!confirming && (
        <button type="submit" disabled={action.busy}>
          {t('importButton')}
        </button>
      )}
      {confirming && (
        <ConfirmBox
          question={t('importConfirm')}
          yes={t('importYes')}
          no={t('cancelButton')}
          yesTestId="confirm-import"
          onYes={replace}
          onNo={() => setConfirming(false)}
        />
      )}
      <Feedback ui={ui} action={action} errorTestId="import-error" statusTestId="import-status" />
    </form>
  );
}
