import type { Handlers } from '../messaging';
import { adapterForUrl } from '../sites';
import { auditView, confirmItem, exportAudit, recordFindings } from '../audit/audit';
import { checkAuditReminder } from './audit-reminder';

type AuditHandlers = Pick<
  Handlers,
  'reportAuditFindings' | 'getAudit' | 'confirmAuditItem' | 'exportAudit'
>;

export const auditHandlers: AuditHandlers = {
  async reportAuditFindings({ platform, findings }, { senderUrl }) {
    // A content script speaks for its own site only.
    if (adapterForUrl(new URL(senderUrl))?.id !== platform)
      throw new Error('findings for another site');
    const updated = await recordFindings(platform, findings);
    await checkAuditReminder(); // a fresh reading may end a due re-audit
    return { updated };
  },
  getAudit: () => auditView(),
  async confirmAuditItem({ itemId, confirmed }) {
    const view = await confirmItem(itemId, confirmed);
    await checkAuditReminder();
    return view;
  },
  exportAudit: () => exportAudit(),
};
