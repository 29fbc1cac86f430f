// The toolbar badge, one owner: observations still to discuss take it (their
// count; red when one is urgent); otherwise a due privacy re-check shows "!".
import { auditView } from '../audit/audit';
import { browser } from '../browser';
import { toDiscuss, type ToDiscuss } from '../observations/store';

/** `counted`: what the caller just counted from the store, so it is not read twice. */
export async function refreshBadge(now = Date.now(), counted?: ToDiscuss): Promise<void> {
  const open = counted ?? (await toDiscuss());
  if (open.count > 0) {
    await browser.action.setBadgeText({ text: String(open.count) });
    await browser.action.setBadgeBackgroundColor({
      color: open.urgent > 0 ? '#b3261e' : '#1f5f8b',
    });
    return;
  }
  const due = (await auditView(now)).reauditDue;
  await browser.action.setBadgeText({ text: due ? '!' : '' });
  if (due) await browser.action.setBadgeBackgroundColor({ color: '#1f5f8b' });
}
