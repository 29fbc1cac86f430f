// The popup's observations line: how many noted posts are still to talk through
// with the person (the toolbar badge's number), how many are urgent, and the way
// to the observation log on the options page.
import { browser } from '../../lib/browser';
import { sendMessage } from '../../lib/messaging';
import { Section, StatusLine } from '../shared/buildingBlocks';
import { useLoad } from '../shared/useBackground';
import { describeError } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

export function ObservationsPopup() {
  const ui = usePage();
  const { t } = ui;
  const counts = useLoad(() => sendMessage('countObservationsToDiscuss', {}));
  const result = counts.result;
  if (result.state === 'loading') return null;
  return (
    <Section
      id="popup-observations"
      heading={t('observationsHeading')}
      level={3}
      extraClass="popup-sub"
      testId="observations-popup"
    >
      {result.state === 'error' ? (
        <p class="warning" role="alert">
          {t('popupObservationsFailed', describeError(ui, result.error))}
        </p>
      ) : result.value.count > 0 ? (
        <StatusLine
          tone="warning"
          data-testid="observations-count"
          data-count={String(result.value.count)}
          data-urgent={String(result.value.urgent)}
        >
          {t('popupObservationsToDiscuss', String(result.value.count))}
          {result.value.urgent > 0 && (
            <>
              {' '}
              <span class="tag-urgent">
                {t('popupObservationsUrgent', String(result.value.urgent))}
              </span>
            </>
          )}
        </StatusLine>
      ) : (
        <StatusLine tone="ok" data-testid="observations-count" data-count="0" data-urgent="0">
          {t('popupObservationsNone')}
        </StatusLine>
      )}
      <p>
        <a
          href={browser.runtime.getURL('/options.html#observations')}
          target="_blank"
          rel="noreferrer"
          data-testid="observations-open"
        >
          {t('popupObservationsOpen')}
        </a>
      </p>
    </Section>
  );
}
