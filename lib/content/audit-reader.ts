// The privacy self-audit, content side: on the coach's settings pages and own
// profile, read the settings the page shows and send them to the background.
// Pages render late, so read at load and twice more; never per DOM mutation.
import type { ContentScope } from './scope';
import { sendMessage } from '../messaging';
import type { SiteAdapter } from '../sites/types';
import { onAddressChange } from './address';

const READ_AGAIN_MS = [1_500, 4_000];

export function startAuditReader(adapter: SiteAdapter, ctx: ContentScope): void {
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
        if (ctx.isValid) console.warn('Clearline:', error);
      },
    );
  };
  const readSoon = () => {
    read();
    for (const ms of READ_AGAIN_MS) ctx.setTimeout(read, ms);
  };
  readSoon();
  onAddressChange(ctx, readSoon);
}
