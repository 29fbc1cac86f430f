// Settings: one page at a time, chosen in the side navigation (a row of tabs on
// a narrow window) and named in the address (options.html#clients...), so links
// land on the right page and back and forward work. Only the open page renders
// and loads what it shows: the client list is decrypted only on the pages that
// show it. The lock, the database's problems and the agency's first step
// (choosing a required passphrase) concern every page and stay above each one.
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
import { AboutSection, AgencySection } from '../../components/settings/AboutSection';
import { AgencyLine } from '../../components/agency/AgencyRules';
import { StoreProblems } from '../../components/shared/StoreProblems';
import { useClientData, useLockAndProblems } from '../../components/clients/useClientData';
import { PageProvider, usePage } from '../../components/shared/PageContext';
import { useSettings } from '../../components/shared/useSettings';
import { withClientWords } from '../../components/shared/pageWords';
import type { MessageKey } from '../../lib/i18n';
import { SETTINGS_PAGES, pageFromHash, type SettingsPage } from '../../lib/settings-pages';
import type { Loaded } from '../../components/shared/useBackground';
import type { LockState } from '../../lib/store/types';

const NAV_WORDS: Record<SettingsPage, MessageKey> = {
  clients: 'settingsNavClients',
  observations: 'settingsNavObservations',
  privacy: 'settingsNavPrivacy',
  prompts: 'settingsNavPrompts',
  protection: 'settingsNavProtection',
  agency: 'settingsNavAgency',
  about: 'settingsNavAbout',
};

/** The page the address names, following links, back and forward. */
function useOpenPage(): SettingsPage {
  const [open, setOpen] = useState(() => pageFromHash(location.hash));
  useEffect(() => {
    const onHash = () => {
      setOpen(pageFromHash(location.hash));
      // A new page starts at its top, as a new page of a site would.
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return open;
}

function SettingsNav({ open }: { open: SettingsPage }) {
  const ui = usePage();
  return (
    <nav class="settings-nav" aria-label={ui.t('settingsNavLabel')}>
      <ul>
        {SETTINGS_PAGES.map((page) => (
          <li key={page}>
            <a
              href={`#${page}`}
              aria-current={page === open ? 'page' : undefined}
              data-testid={`nav-${page}`}
            >
              {page === 'clients' ? withClientWords(ui, NAV_WORDS[page]) : ui.t(NAV_WORDS[page])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface LockProps {
  lock: Loaded<LockState>;
  onChanged: (next: LockState) => void;
  onRetry: () => void;
  onFirstStep: () => void;
}

/** The client list page: the lock, the list and the "not a client" answers, loaded here only. */
function ClientsPage({
  lockProps,
  waiting,
  onEverythingChanged,
}: {
  lockProps: LockProps;
  waiting: boolean;
  onEverythingChanged: () => void;
}) {
  const data = useClientData();
  const unlockInput = useRef<HTMLInputElement>(null);
  const state = lockProps.lock.state === 'ready' ? lockProps.lock.value : null;
  // Locking or unlocking changes what the lists can show (labels, notes, profiles).
  const lockKey = state ? `${state.locked}/${state.hasPassphrase}/${state.passphraseRequired}` : '';
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void data.reloadAll();
  }, [lockKey]);
  const needUnlock = () => {
    unlockInput.current?.focus();
    unlockInput.current?.scrollIntoView({ block: 'center' });
  };
  const changed = () => {
    void data.reloadAll();
    onEverythingChanged();
  };
  return (
    <>
      <ClientsSection
        lockPanel={<LockPanel {...lockProps} unlockInputRef={unlockInput} />}
        waiting={waiting}
        clients={data.clients.result}
        locked={state?.locked ?? false}
        onChanged={changed}
        onRetry={changed}
        onNeedUnlock={needUnlock}
      />
      <DecisionsSection
        decisions={data.decisions.result}
        onChanged={() => void data.decisions.reload()}
        onRetry={() => void data.decisions.reload()}
      />
    </>
  );
}

export function OptionsApp() {
  const page = useSettings();
  const { t } = page;
  const base = useLockAndProblems();
  const open = useOpenPage();

  // The agency may start or stop requiring a passphrase while the page is open.
  const passphraseRule = page.settings.agency.requirePassphrase === true;
  useEffect(() => {
    if (page.ready) void base.reloadAll();
  }, [passphraseRule]);

  const lock = base.lock.result.state === 'ready' ? base.lock.result.value : null;
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
  const everythingChanged = () => void base.reloadAll();
  const lockProps: LockProps = {
    lock: base.lock.result,
    onChanged: (next) => {
      base.lock.set(next);
      void base.problems.reload();
    },
    onRetry: everythingChanged,
    onFirstStep: toFirstStep,
  };

  return (
    <PageProvider value={page}>
      <div class="settings-app">
        <header class="app-header">
          <img
            class="app-logo"
            src="/icon/clearline.svg"
            alt={t('logoAlt')}
            width="32"
            height="32"
          />
          <h1>{t('optionsTitle')}</h1>
        </header>
        <div class="settings-layout">
          <SettingsNav open={open} />
          <main class="options-main" data-page={open} data-testid="settings-page">
            {/* Whose rules apply, on every page; the rules themselves are on Your agency. */}
            <AgencyLine />
            {lock && showStep && (
              <PassphraseFirstStep
                lock={lock}
                onChanged={lockProps.onChanged}
                inputRef={stepInput}
              />
            )}
            <StoreProblems problems={base.problems.result} />
            {open === 'clients' && (
              <ClientsPage
                lockProps={lockProps}
                waiting={waiting}
                onEverythingChanged={everythingChanged}
              />
            )}
            {open === 'observations' && <ObservationsSection />}
            {open === 'privacy' && <AuditSection />}
            {open === 'prompts' && (
              <>
                <SettingsSection />
                <PromptCountsSection />
              </>
            )}
            {open === 'protection' && (
              <>
                <section class="section" aria-labelledby="lock-heading">
                  <h2 id="lock-heading">{t('settingsLockHeading')}</h2>
                  <LockPanel {...lockProps} />
                </section>
                <PassphraseSection
                  lock={lock}
                  onChanged={lockProps.onChanged}
                  onFirstStep={toFirstStep}
                />
                <BackupSection onImported={everythingChanged} />
                <EraseSection onErased={everythingChanged} />
              </>
            )}
            {open === 'agency' && <AgencySection />}
            {open === 'about' && <AboutSection />}
          </main>
        </div>
      </div>
    </PageProvider>
  );
}
