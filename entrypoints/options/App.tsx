// The options page: the privacy check, the client list and what protects it
// (lock, passphrase, backup), the settings, and erasing everything. The page
// reads settings and the list once: the settings and the page's words reach
// every section through the page context, the list through each section's props. When the
// agency requires a passphrase and none is set, the page starts with that step.
import { useEffect, useRef, useState } from 'preact/hooks';
import { AuditSection } from '../../components/audit/AuditSection';
import { BackupSection } from '../../components/backup/BackupSection';
import { ClientsSection } from '../../components/clients/ClientsSection';
import { DecisionsSection } from '../../components/clients/DecisionsSection';
import { EraseSection } from '../../components/erase/EraseSection';
import { PassphraseFirstStep } from '../../components/passphrase/FirstStep';
import { LockPanel } from '../../components/passphrase/LockPanel';
import { ObservationsSection } from '../../components/observations/ObservationsSection';
import { PassphraseSection } from '../../components/passphrase/PassphraseSection';
import { PromptCountsSection } from '../../components/prompt-counts/PromptCountsSection';
import { SettingsSection } from '../../components/settings/SettingsSection';
import { StoreProblems } from '../../components/shared/StoreProblems';
import { useClientData } from '../../components/clients/useClientData';
import { PageProvider } from '../../components/shared/PageContext';
import { useSettings } from '../../components/shared/useSettings';
import { AgencyRules } from '../../components/agency/AgencyRules';
import type { LockState } from '../../lib/store/types';

export function OptionsApp() {
  const page = useSettings();
  const { t } = page;
  const data = useClientData();
  const unlockInput = useRef<HTMLInputElement>(null);

  // The agency may start or stop requiring a passphrase while the page is open.
  const passphraseRule = page.settings.agency.requirePassphrase === true;
  useEffect(() => {
    // The list too: it is refused while a required passphrase is missing, and opens without the rule.
    if (page.ready) void data.reloadAll();
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
    <PageProvider value={page}>
      <main class="options-main">
        <h1>{t('optionsTitle')}</h1>
        <p>{t('optionsPageIntro')}</p>
        {lock && showStep && (
          <PassphraseFirstStep lock={lock} onChanged={lockChanged} inputRef={stepInput} />
        )}
        <AgencyRules />
        <StoreProblems problems={data.problems.result} />
        <AuditSection />
        <ClientsSection
          lockPanel={
            <LockPanel
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
          onChanged={everythingChanged}
          onRetry={everythingChanged}
          onNeedUnlock={needUnlock}
        />
        <DecisionsSection
          decisions={data.decisions.result}
          onChanged={() => void data.decisions.reload()}
          onRetry={() => void data.decisions.reload()}
        />
        <ObservationsSection />
        <PromptCountsSection />
        <PassphraseSection lock={lock} onChanged={lockChanged} onFirstStep={toFirstStep} />
        <BackupSection onImported={everythingChanged} />
        <SettingsSection />
        <EraseSection onErased={everythingChanged} />
      </main>
    </PageProvider>
  );
}
