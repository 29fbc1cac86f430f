// The privacy self-audit, content side: on the coach's settings pages and own
// profile, read the settings the page shows and send them to the background.
// Pages render late, so read a while after load and twice more; never per DOM mutation.
import { sendMessage } from '../../messaging';
import { onAddressChange } from '../address';
import type { ContentFeature } from '../feature';

/** How long after the page's load its first reading waits (docs/performance.md). */
const READ_AFTER_LOAD_MS = 1_000;
const READ_AGAIN_MS = [1_500, 4_000];

export const auditReader: ContentFeature = {
  name: 'audit reader',
  inFrames: false,
  init({ adapter, scope }) {
    let last = '';
    const read = () => {
      const url = new URL(location.href);
      const kind = adapter.pageKind(url);
      if (kind !== 'settings' && kind !== 'profile') return;
      const findings = adapter.readAudit(document, url);
      const fingerprint = JSON.stringify(findings);
      if (findings.length === 0 || fingerprint === last) return;
      last = fingerprint;
      sendMessage('reportAuditFindings', { platform: adapter.id, findings }).catch(
        (error: unknown) => {
          if (scope.isValid) console.warn('Clearline:', error);
        },
      );
    };
    const readSoon = () => {
      read();
      for (const ms of READ_AGAIN_MS) scope.setTimeout(read, ms);
    };
    scope.afterLoad(() => {
      readSoon();
      onAddressChange(scope, readSoon);
    }, READ_AFTER_LOAD_MS);
  },
};
