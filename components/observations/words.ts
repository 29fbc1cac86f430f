// Small, pure helpers for the observation log: the status in words, which post
// addresses may become a link, and the summary's file names. (Which filter shows
// what is decided by the background: lib/observations/paging.ts.)
import type { ObservationView } from '../../lib/observations/types';
import { formatMoment, type Ui } from '../shared/pageWords';
import { hostsFrom } from '../../lib/sites/engine/urls';
import { ALL_HOST_MATCHES } from '../../lib/sites/registry';

/** "Discussed with them on May 4, 2025": the status as the coach would say it. */
export function statusWords(ui: Ui, observation: ObservationView): string {
  const { t } = ui;
  switch (observation.status) {
    case 'to-discuss':
      return t('observationStatusToDiscuss');
    case 'discussed':
      return observation.discussedAt === null
        ? t('observationMarkDiscussed')
        : t('observationStatusDiscussed', formatMoment(ui, observation.discussedAt));
    case 'shared':
      return observation.sharedAt === null
        ? t('observationMarkShared')
        : t('observationStatusShared', formatMoment(ui, observation.sharedAt));
    case 'no-action':
      return t('observationStatusNoAction');
  }
}

/** facebook.com, instagram.com: each covered site's domain, any of its hosts. */
const POST_DOMAINS = [
  ...new Set([...hostsFrom(ALL_HOST_MATCHES)].map((host) => host.split('.').slice(-2).join('.'))),
];

/** The post's address when it is an https Facebook or Instagram page; anything else is no link. */
export function safePostUrl(postUrl: string | null): string | null {
  if (!postUrl) return null;
  let url: URL;
  try {
    url = new URL(postUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  return POST_DOMAINS.some((h) => host === h || host.endsWith(`.${h}`)) ? url.href : null;
}

/** clearline-supervision-summary-YYYY-MM-DD.csv / .json */
export function summaryFileNames(isoDay: string): { csv: string; json: string } {
  const base = `clearline-supervision-summary-${isoDay}`;
  return { csv: `${base}.csv`, json: `${base}.json` };
}
