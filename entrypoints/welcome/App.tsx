// The welcome page, opened once on first install (lib/policy/welcome.ts), as a
// short onboarding: what Clearline does and never does, the privacy promise, the
// agency's rules when an agency manages it, then two first steps: add a first
// client right here (or skip), and run a first privacy check. An agency can skip
// the page (showWelcome: false); if that policy arrives after the page opened, the
// page closes itself. When the agency requires a passphrase that is not set yet,
// choosing one comes before the list.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../lib/browser';
import { sendMessage } from '../../lib/messaging';
import { AgencyRules } from '../../components/agency/AgencyRules';
import { AddClientForm } from '../../components/clients/AddClientForm';
import { FirstStepCard } from '../../components/passphrase/FirstStep';
import { useLoad } from '../../components/shared/useBackground';
import { PageProvider } from '../../components/shared/PageContext';
import { useSettings } from '../../components/shared/useSettings';
import { withClientWords } from '../../components/shared/pageWords';
import { Button } from '../../components/shared/buildingBlocks';
import { settingsUrl, type SettingsPage } from '../../lib/settings-pages';

export function WelcomeApp() {
  const view = useSettings();
  const { t, settings } = view;
  const skip = view.ready && settings.agency.showWelcome === false;
  const required = settings.agency.requirePassphrase === true;
  // Asked only under the rule: then the background writes no key to answer it.
  const lock = useLoad(async () => (required ? sendMessage('getLockState', {}) : null));
  useEffect(() => {
    void lock.reload();
    // Chosen meanwhile in the Settings tab: the step is done when the coach comes back.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void lock.reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [required]);
  const firstStep =
    required && lock.result.state === 'ready' && lock.result.value?.passphraseRequired === true;
  // Under the rule the list waits for the passphrase: no form until the state is known.
  const listReady = !required || (lock.result.state === 'ready' && !firstStep);
  const [firstClient, setFirstClient] = useState<'asking' | 'added' | 'skipped'>('asking');

  useEffect(() => {
    if (!skip) return;
    void browser.tabs.getCurrent().then((tab) => {
      if (tab?.id !== undefined) void browser.tabs.remove(tab.id);
    });
  }, [skip]);

  const openSettings = (page: SettingsPage) => () =>
    void browser.tabs.create({ url: settingsUrl(page) });

  return (
    <PageProvider value={view}>
      <main class="welcome-main" data-testid="welcome" data-ready={String(view.ready)}>
        <header class="app-header">
          <img
            class="app-logo"
            src="/icon/clearline.svg"
            alt={t('logoAlt')}
            width="40"
            height="40"
          />
          <h1>{t('welcomeTitle')}</h1>
        </header>
        <p class="lead">{withClientWords(view, 'welcomeIntro')}</p>
        {firstStep && <FirstStepCard testId="welcome-first-step" />}
        <div class="card-row">
          <section class="card" aria-labelledby="welcome-does">
            <h2 id="welcome-does">{t('welcomeDoesHeading')}</h2>
            <ul>
              <li>{t('welcomeDoesAudit')}</li>
              <li>{withClientWords(view, 'welcomeDoesPrompt')}</li>
              <li>{withClientWords(view, 'welcomeDoesObserve')}</li>
            </ul>
          </section>
          <section class="card" aria-labelledby="welcome-doesnt">
            <h2 id="welcome-doesnt">{t('welcomeDoesNotHeading')}</h2>
            <ul>
              <li>{t('welcomeDoesNotSend')}</li>
              <li>{t('welcomeDoesNotDecide')}</li>
              <li>{t('welcomeDoesNotRead')}</li>
            </ul>
          </section>
        </div>
        <section class="card" aria-labelledby="welcome-privacy">
          <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
          <p>{withClientWords(view, required ? 'welcomePrivacyRequired' : 'welcomePrivacy')}</p>
        </section>
        <AgencyRules />
        <h2 class="steps-heading">{t('welcomeStepsHeading')}</h2>
        <section
          class="card step"
          aria-labelledby="welcome-first-client"
          data-testid="welcome-first-client"
          data-state={firstClient}
        >
          <h3 id="welcome-first-client">{withClientWords(view, 'welcomeFirstClientHeading')}</h3>
          {/* The first step above opens the list: one way there, not two. */}
          {!firstStep && (
            <>
              {firstClient !== 'skipped' && listReady && (
                <>
                  <p>{t('welcomeFirstClientIntro')}</p>
                  <AddClientForm
                    locked={false}
                    onAdded={() => setFirstClient('added')}
                    onNeedUnlock={openSettings('clients')}
                  />
                </>
              )}
              {firstClient === 'skipped' && (
                <p role="status" data-testid="welcome-first-client-skipped">
                  {withClientWords(view, 'welcomeFirstClientSkipped')}
                </p>
              )}
              <p class="field-row">
                {firstClient === 'asking' && listReady && (
                  <Button
                    variant="quiet"
                    onClick={() => setFirstClient('skipped')}
                    data-testid="welcome-skip-client"
                  >
                    {t('welcomeFirstClientSkip')}
                  </Button>
                )}
                <Button
                  variant="secondary"
                  onClick={openSettings('clients')}
                  data-testid="welcome-options"
                >
                  {withClientWords(view, 'welcomeStartList')}
                </Button>
              </p>
            </>
          )}
        </section>
        <section class="card step" aria-labelledby="welcome-first-check">
          <h3 id="welcome-first-check">{t('welcomeFirstCheckHeading')}</h3>
          <p>{t('welcomeFirstCheckIntro')}</p>
          <p class="field-row">
            <Button
              variant={firstStep ? 'secondary' : 'primary'}
              onClick={openSettings('privacy')}
              data-testid="welcome-audit"
            >
              {t('welcomeStartAudit')}
            </Button>
          </p>
        </section>
      </main>
    </PageProvider>
  );
}
