// Town Square has no settings Clearline's privacy check knows: nothing to read.
import type { AuditFinding } from '../../../lib/audit/types';

export function readTownSquareAudit(): AuditFinding[] {
  return [];
}
