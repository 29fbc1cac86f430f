// The options page: the privacy check, the client list and what protects it
// (lock, passphrase, backup), the settings, and erasing everything. The page
// reads settings and the list once and hands them to each section. When the
// agency requires a passphrase and none is set, the page starts with that step.
import { useEffect, useRef, useState } from 'preact/hooks';
import { AuditSection } from '../../components/audit/AuditSection';
import { BackupSection } from '../../components/BackupSection';
import { ClientsSection } from '../../components/ClientsSection';
import { DecisionsSection } from '../../components/DecisionsSection';
import { EraseSection } from '../../components/EraseSection';
import { PassphraseFirstStep } from '../../components/FirstStep';
import { LockPanel } from '../../components/LockPanel';
import { ObservationsSection } from '../../components/ObservationsSection';
import { PassphraseSection } from '../../components/PassphraseSection';
import { PromptCountsSection } from '../../components/PromptCountsSection';
import { SettingsSection } from '../../components/SettingsSection';
import { StoreProblems } from '../../components/StoreProblems';
import { useClientData } from '../../components/useClientData';
import { useSettings } from '../../components/useSettings';
import { AgencyRules } from '../../components/AgencyRules';
import type { LockState } from '../../lib/store/types';

export function OptionsApp() {
  const view = useSettings();
  const { t, words, locale } = view;
  const ui = { t, words, locale };
  const data = useClientData();
  const unlockInput = useRef<HTMLInputElement>(null);

  // The agency may start or stop requiring a passphrase while the page is open.
  const passphraseRule = view.settings.agency.requirePassphrase === true;
  useEffect(() => {
    // The list too: it is refused while a required passphrase is missing, and opens without the rule.
    if (view.ready) void data.reloadAll();
  }, [passphraseRule]);

  const lock = data.lock.result.state === 'ready' ? data.lock.result.value : null;
  // The guided first step: while the required passphrase is missing, and after it
  // was chosen here, to say the list is protected now (until the page is left).
  const waiting = lock?.passphraseRequired === true;
  const [stepShown, setStepShown] = useState(false);
  useEffect(() => {
    if (waiting) setStepShown(true);
  }, [waiting]);
  const showStep = lock !== null && (waiting || (stepShown && lock.hasPassphrase));
  const stepInput = useRef<HTMLInputElement>(null);
  const toFirstStep = () => {
    stepInput.current?.focus();
    stepInput.current?.scrollIntoView({ block: 'center' });
  };
  const reloadLists = () => {
    void data.clients.reload();
    void data.decisions.reload();
    void data.problems.reload();
  };
  // Locking or unlocking changes what the lists can show (labels, notes, profiles).
  const lockChanged = (next: LockState) => {
    data.lock.set(next);
    reloadLists();
  };
  const needUnlock = () => {
    unlockInput.current?.focus();
    unlockInput.current?.scrollIntoView({ block: 'center' });
  };
  const everythingChanged = () => void data.reloadAll();

  return (
    <main class="options-main">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsPageIntro')}</p>
      {lock && showStep && (
        <PassphraseFirstStep ui={ui} lock={lock} onChanged={lockChanged} inputRef={stepInput} />
      )}
      <AgencyRules ui={ui} settings={view.settings} />
      <StoreProblems ui={ui} problems={data.problems.result} />
      <AuditSection ui={ui} />
      <ClientsSection
        ui={ui}
        lockPanel={
          <LockPanel
            ui={ui}
            lock={data.lock.result}
            onChanged={lockChanged}
            onRetry={everythingChanged}
            unlockInputRef={unlockInput}
            onFirstStep={toFirstStep}
          />
        }
        waiting={waiting}
        clients={data.clients.result}
        locked={lock?.locked ?? false}
        formerClientYears={view.settings.values.formerClientYears}
        onChanged={everythingChanged}
        onRetry={everythingChanged}
        onNeedUnlock={needUnlock}
      />
      <DecisionsSection
        ui={ui}
        decisions={data.decisions.result}
        onChanged={() => void data.decisions.reload()}
        onRetry={() => void data.decisions.reload()}
      />
      <ObservationsSection ui={ui} />
      <PromptCountsSection ui={ui} />
      <PassphraseSection
        ui={ui}
        lock={lock}
        onChanged={lockChanged}
        required={passphraseRule}
        onFirstStep={toFirstStep}
      />
      <BackupSection ui={ui} onImported={everythingChanged} />
      <SettingsSection view={view} />
      <EraseSection ui={ui} onErased={everythingChanged} />
    </main>
  );
}
