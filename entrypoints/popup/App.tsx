// The popup, at most 600 px tall at 380 px wide: this page (and, on the profile
// of someone on the list, that they are), what needs the coach (observations to
// discuss, a due privacy check), and the way to Clearline's own settings.
import { useEffect, useState } from 'preact/hooks';
import './popup.css';
import { browser, type Tabs } from '../../lib/browser';
import { sendMessage, type TabPageStatus } from '../../lib/messaging';
import { PAGE_KIND_WORDS, SITE_WORDS } from '../../lib/page-kind-words';
import { adapterForUrl } from '../../lib/sites';
import { STORAGE_ITEMS } from '../../lib/storage-items';
import type { SiteId } from '../../lib/sites/types';
import { AuditPopup } from '../../components/audit/AuditPopup';
import { LockPanel } from '../../components/passphrase/LockPanel';
import { ObservationsPopup } from '../../components/observations/ObservationsPopup';
import { Notice, StatusLine } from '../../components/shared/buildingBlocks';
import { failedChecks, nextSettleAt } from '../../lib/diagnostics';
import { useLoad } from '../../components/shared/useBackground';
import { PageProvider, usePage } from '../../components/shared/PageContext';
import { useSettings } from '../../components/shared/useSettings';
import { AgencyLine } from '../../components/agency/AgencyRules';
import { FirstStepCard } from '../../components/passphrase/FirstStep';
import { UnrecognizedNote } from '../../components/page-status/UnrecognizedNote';

type TabState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'not-covered' }
  | { kind: 'not-started'; site: SiteId }
  | { kind: 'active'; status: TabPageStatus; tabId: number };

/**
 * The tab to describe: the active tab, or the one named by ?tabId= (end-to-end
 * tests open the popup as a tab of its own, which would otherwise describe itself).
 */
async function targetTab(): Promise<Tabs.Tab | undefined> {
  const named = new URLSearchParams(location.search).get('tabId');
  if (named !== null && /^\d+$/.test(named)) return browser.tabs.get(Number(named));
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

const withoutHash = (url: string) => url.split('#')[0];

async function describeTab(): Promise<TabState> {
  const tab = await targetTab();
  if (!tab || tab.id === undefined) return { kind: 'no-tab' };
  // Without the "tabs" permission the address is visible only on covered sites.
  const adapter = tab.url ? adapterForUrl(new URL(tab.url)) : null;
  if (!tab.url || !adapter) return { kind: 'not-covered' };
  const status = await sendMessage('getPageStatus', { tabId: tab.id });
  // A report from an earlier page of this tab says nothing about this one.
  if (!status || withoutHash(status.url) !== withoutHash(tab.url)) {
    return { kind: 'not-started', site: adapter.id };
  }
  return { kind: 'active', status, tabId: tab.id };
}

/** What the popup says of a profile on the page: whose it is, and whether they are on the list. */
function ProfileLine({ status }: { status: TabPageStatus }) {
  const { t, words } = usePage();
  const key = status.profileOwner === 'other' ? status.profileKey : null;
  // Keyed by the profile and the lock (ProfileLine's key): a new page or an unlock asks again.
  const standing = useLoad(() =>
    key
      ? sendMessage('getProfileStanding', { keys: [key] })
      : Promise.resolve({ verdict: 'unknown' as const, label: null }),
  );
  if (status.profileOwner === 'own') return <p data-profile-owner="own">{t('popupOwnProfile')}</p>;
  if (status.profileOwner === 'unknown')
    return <p data-profile-owner="unknown">{t('popupUnknownProfile')}</p>;
  if (standing.result.state === 'loading') return null;
  const value = standing.result.state === 'ready' ? standing.result.value : null;
  const onList = value?.verdict === 'client' || value?.verdict === 'former-client';
  if (onList) {
    return (
      <StatusLine tone="info" data-profile-owner="other" data-testid="profile-on-list">
        {value?.label
          ? t('popupOnClientListLabel', words.one, words.many, value.label)
          : t('popupOnClientList', words.one, words.many)}
      </StatusLine>
    );
  }
  return <p data-profile-owner="other">{t('popupOtherProfile', words.one)}</p>;
}

export function PopupApp() {
  const page = useSettings();
  const { t, settings } = page;
  const [tab, setTab] = useState<TabState>({ kind: 'loading' });
  // Whether the list is locked matters on every page, so the popup says it too.
  const lock = useLoad(() => sendMessage('getLockState', {}));
  useEffect(() => {
    const describe = () => describeTab().then(setTab, () => setTab({ kind: 'no-tab' }));
    void describe();
    // The content script may report just after the popup opens, or the page may
    // move on (both sites are single-page apps): describe again when it does.
    return STORAGE_ITEMS.pageStatus.watch(() => void describe());
  }, []);
  // Missing profile buttons count once the page had time to show them: look again then.
  const [now, setNow] = useState(() => Date.now());
  const settleAt =
    tab.kind === 'active' ? nextSettleAt(tab.status.diagnostics, tab.status.reportedAt, now) : null;
  useEffect(() => {
    if (settleAt === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, settleAt - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [settleAt]);

  const site =
    tab.kind === 'active' ? tab.status.site : tab.kind === 'not-started' ? tab.site : null;
  // Turned off for this site (by the agency or the coach): the content script does nothing there.
  const turnedOff = site !== null && !settings.values.platforms[site];
  const state = turnedOff ? 'turned-off' : tab.kind;

  // The agency requires a passphrase and none is set: that comes first, and
  // there is nothing to lock or unlock yet.
  const unlocked = lock.result.state === 'ready' && !lock.result.value.locked;
  const firstStep = lock.result.state === 'ready' && lock.result.value.passphraseRequired === true;

  return (
    <PageProvider value={page}>
      <main class="popup-main">
        <header class="popup-header">
          <h1 class="popup-brand">{t('popupTitle')}</h1>
          <a
            href={browser.runtime.getURL('/options.html')}
            target="_blank"
            rel="noreferrer"
            data-testid="clearline-settings"
          >
            {t('popupOpenOptions')}
          </a>
        </header>
        <AgencyLine />
        {firstStep && <FirstStepCard testId="popup-first-step" />}
        <section
          aria-live="polite"
          aria-labelledby="popup-page-heading"
          class="popup-part"
          data-testid="page-status"
          data-state={state}
        >
          <h2 id="popup-page-heading">{t('popupThisPage')}</h2>
          {turnedOff && (
            <StatusLine tone="warning">
              {settings.sources.platforms === 'agency'
                ? t('popupSiteOffAgency', t(SITE_WORDS[site]))
                : t('popupSiteOff', t(SITE_WORDS[site]))}
            </StatusLine>
          )}
          {tab.kind === 'no-tab' && <p>{t('popupNoTab')}</p>}
          {tab.kind === 'not-covered' && <p>{t('popupNotCovered')}</p>}
          {tab.kind === 'not-started' && !turnedOff && (
            <StatusLine tone="warning">{t('popupNotStarted', t(SITE_WORDS[tab.site]))}</StatusLine>
          )}
          {tab.kind === 'active' && !turnedOff && (
            <>
              <StatusLine
                tone="ok"
                data-site={tab.status.site}
                data-page-kind={tab.status.pageKind}
              >
                {t(
                  'popupActive',
                  t(SITE_WORDS[tab.status.site]),
                  t(PAGE_KIND_WORDS[tab.status.pageKind]),
                )}
              </StatusLine>
              {tab.status.pageKind === 'profile' && (
                <ProfileLine
                  key={`${tab.status.profileKey ?? ''} ${tab.status.profileOwner} ${unlocked}`}
                  status={tab.status}
                />
              )}
              {/* What Clearline could not recognize on this page belongs here, under "this page". */}
              {failedChecks(tab.status.diagnostics, tab.status.reportedAt, now).length > 0 && (
                <Notice tone="warning" testId="page-unrecognized">
                  <p>{t('popupUnrecognized')}</p>
                  <p>
                    <a
                      href={browser.runtime.getURL(`/diagnostics.html?tabId=${tab.tabId}`)}
                      target="_blank"
                      rel="noreferrer"
                      data-testid="see-checks"
                    >
                      {t('popupSeeChecks')}
                    </a>
                  </p>
                </Notice>
              )}
              <UnrecognizedNote tabId={tab.tabId} reportedAt={tab.status.reportedAt} />
            </>
          )}
        </section>
        <section class="popup-part popup-needs" aria-labelledby="popup-needs-heading">
          <h2 id="popup-needs-heading">{t('popupNeedsYou')}</h2>
          <ObservationsPopup />
          {tab.kind !== 'loading' && (
            <AuditPopup platform={site} required={settings.agency.requiredAuditItems ?? []} />
          )}
        </section>
        {!firstStep && (
          <LockPanel lock={lock.result} onChanged={lock.set} onRetry={() => void lock.reload()} />
        )}
        <footer class="popup-footer">
          <p class="privacy">{t('popupPrivacy')}</p>
        </footer>
      </main>
    </PageProvider>
  );
}
