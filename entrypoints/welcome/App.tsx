// The welcome page, opened once on first install (lib/policy/welcome.ts): what
// Clearline does and does not do, the privacy promise, and when an agency
// manages it, the agency's rules. An agency can skip it (showWelcome: false);
// if that policy arrives after the page opened, the page closes itself. When the
// agency requires a passphrase that is not set yet, choosing one is where to start.
import { useEffect } from 'preact/hooks';
import { browser } from '../../lib/browser';
import { sendMessage } from '../../lib/messaging';
import { AgencyRules } from '../../components/agency/AgencyRules';
import { FirstStepCard } from '../../components/passphrase/FirstStep';
import { useLoad } from '../../components/shared/useBackground';
import { PageProvider } from '../../components/shared/PageContext';
import { useSettings } from '../../components/shared/useSettings';
import { withClientWords } from '../../components/shared/pageWords';
import { Button } from '../../components/shared/buildingBlocks';

export function WelcomeApp() {
  const view = useSettings();
  const { t, settings } = view;
  const skip = view.ready && settings.agency.showWelcome === false;
  const required = settings.agency.requirePassphrase === true;
  // Asked only under the rule: then the background writes no key to answer it.
  const lock = useLoad(async () => (required ? sendMessage('getLockState', {}) : null));
  useEffect(() => {
    void lock.reload();
    // Chosen meanwhile in the options tab: the step is done when the coach comes back.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void lock.reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [required]);
  const firstStep =
    required && lock.result.state === 'ready' && lock.result.value?.passphraseRequired === true;

  useEffect(() => {
    if (!skip) return;
    void browser.tabs.getCurrent().then((tab) => {
      if (tab?.id !== undefined) void browser.tabs.remove(tab.id);
    });
  }, [skip]);

  const openOptions = (hash: string) => () =>
    void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });

  return (
    <PageProvider value={view}>
      <main class="welcome-main" data-testid="welcome" data-ready={String(view.ready)}>
        <h1>{t('welcomeTitle')}</h1>
        <p class="lead">{withClientWords(view, 'welcomeIntro')}</p>
        {firstStep && <FirstStepCard testId="welcome-first-step" />}
        <section class="section" aria-labelledby="welcome-does">
          <h2 id="welcome-does">{t('welcomeDoesHeading')}</h2>
          <ul>
            <li>{t('welcomeDoesAudit')}</li>
            <li>{withClientWords(view, 'welcomeDoesPrompt')}</li>
            <li>{withClientWords(view, 'welcomeDoesObserve')}</li>
          </ul>
        </section>
        <section class="section" aria-labelledby="welcome-doesnt">
          <h2 id="welcome-doesnt">{t('welcomeDoesNotHeading')}</h2>
          <ul>
            <li>{t('welcomeDoesNotSend')}</li>
            <li>{t('welcomeDoesNotDecide')}</li>
            <li>{t('welcomeDoesNotRead')}</li>
          </ul>
        </section>
        <section class="section" aria-labelledby="welcome-privacy">
          <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
          <p>{withClientWords(view, required ? 'welcomePrivacyRequired' : 'welcomePrivacy')}</p>
        </section>
        <AgencyRules />
        <section class="section" aria-labelledby="welcome-start">
          <h2 id="welcome-start">{t('welcomeStartHeading')}</h2>
          <p class="field-row">
            <Button
              variant={firstStep ? 'quiet' : 'primary'}
              onClick={openOptions('#audit')}
              data-testid="welcome-audit"
            >
              {t('welcomeStartAudit')}
            </Button>
            {/* The first step above opens the list: one way there, not two. */}
            {!firstStep && (
              <Button onClick={openOptions('')} data-testid="welcome-options">
                {withClientWords(view, 'welcomeStartList')}
              </Button>
            )}
          </p>
        </section>
      </main>
    </PageProvider>
  );
}
