// The options page: the privacy check, the client list and what protects it
// (lock, passphrase, backup), the settings, and erasing everything. The page
// reads settings and the list once and hands them to each section.
import { useEffect, useRef } from 'preact/hooks';
import { AuditSection } from '../../components/audit/AuditSection';
import { BackupSection } from '../../components/BackupSection';
import { ClientsSection } from '../../components/ClientsSection';
import { DecisionsSection } from '../../components/DecisionsSection';
import { EraseSection } from '../../components/EraseSection';
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
    if (view.ready) void data.lock.reload();
  }, [passphraseRule]);

  const lock = data.lock.result.state === 'ready' ? data.lock.result.value : null;
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
          />
        }
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
      <PassphraseSection ui={ui} lock={lock} onChanged={lockChanged} />
      <BackupSection ui={ui} onImported={everythingChanged} />
      <SettingsSection view={view} />
      <EraseSection ui={ui} onErased={everythingChanged} />
    </main>
  );
}
