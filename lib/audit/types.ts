// The privacy self-audit's vocabulary: what a settings page reader reports, and
// what the audit view shows. Settings values only: never anything about clients.
import type { SiteId } from '../sites/types';

/** What a reader found for one item on a page. 'unknown' = the page did not show it in a way we read. */
export type FindingResult = 'pass' | 'fail' | 'unknown';

export interface AuditFinding {
  itemId: string;
  result: FindingResult;
  /** The value as the page showed it ("Friends", "Público", "3 public posts"), at most 100 chars. */
  observed: string;
}

/** An item's standing in the audit. 'confirmed' = the coach checked it by hand. */
export type ItemResult = 'pass' | 'fail' | 'could-not-check' | 'confirmed';

export interface AuditItemState {
  itemId: string;
  platform: SiteId;
  result: ItemResult;
  observed: string | null;
  /** When the page was read, or when the coach confirmed it; null if never. */
  at: number | null;
  source: 'page' | 'manual' | null;
}

export interface AuditScore {
  platform: SiteId;
  /** Items counted as passing (page passes plus confirmations). */
  passed: number;
  /** Of those, how many are the coach's own confirmations. */
  confirmed: number;
  total: number;
  failed: number;
  couldNotCheck: number;
}

export interface AuditSnapshot {
  at: number;
  scores: AuditScore[];
  /** Items whose confirmation by hand a reading of the settings page replaced at this time. */
  replacedConfirmations?: string[];
}

export interface AuditView {
  items: AuditItemState[];
  scores: AuditScore[];
  history: AuditSnapshot[];
  /** When every item was last looked at (read or confirmed), or null. */
  lastAuditAt: number | null;
  /** The re-audit interval has passed since lastAuditAt; never before a first check. */
  reauditDue: boolean;
}
