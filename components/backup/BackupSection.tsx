// Export and import of the whole list as one encrypted file. Both directions
// stay on this device: the file is handed to the browser's own download, and
// an import is read from a file the coach picks.
import { useId, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import { BACKUP_MAX_BYTES, PASSPHRASE_MIN_LENGTH } from '../../lib/store/types';
import { ConfirmBox } from '../shared/ConfirmBox';
import { downloadText } from '../shared/download';
import { RequestOutcome } from '../shared/RequestOutcome';
import { useAction } from '../shared/useBackground';
import { describeError, withClientWords } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

export function BackupSection({ onImported }: { onImported: () => void }) {
  const ui = usePage();
  const { t } = ui;
  return (
    <section class="section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p>{t('backupIntro')}</p>
      <ExportForm />
      <ImportForm onImported={onImported} />
    </section>
  );
}

function ExportForm() {
  const ui = usePage();
  const { t } = ui;
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const action = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    if (passphrase.length < PASSPHRASE_MIN_LENGTH)
      return action.fail((ui) =>
        withClientWords(ui, 'error_passphrase_too_short', String(PASSPHRASE_MIN_LENGTH)),
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
      <button type="submit" class="button-primary" disabled={action.busy}>
        {t('exportButton')}
      </button>
      <RequestOutcome action={action} errorTestId="export-error" statusTestId="export-status" />
    </form>
  );
}

function ImportForm({ onImported }: { onImported: () => void }) {
  const ui = usePage();
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
        (ui) => `${withClientWords(ui, 'error_backup_too_large')} ${ui.t('importNothingChanged')}`,
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
        return (ui) =>
          withClientWords(ui, 'importDone', String(counts.clients), String(counts.decisions));
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
        <button type="submit" class="button-primary" disabled={action.busy}>
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
      <RequestOutcome action={action} errorTestId="import-error" statusTestId="import-status" />
    </form>
  );
}
