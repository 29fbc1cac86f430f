// Problems with the local database, kept for the options page: a failed open or
// write is reported here and never dropped silently.
import { STORAGE_ITEMS } from '../storage-items';
import type { StoreProblem } from '../store/types';

/** Records a database problem for the options page; the list is capped, newest first. */
export async function reportProblem(kind: StoreProblem['kind'], detail: string): Promise<void> {
  const { storeProblems } = STORAGE_ITEMS;
  const existing = await storeProblems.getValue();
  await storeProblems.setValue([{ kind, detail, at: Date.now() }, ...existing].slice(0, 20));
}

export async function storeProblems(): Promise<StoreProblem[]> {
  return STORAGE_ITEMS.storeProblems.getValue();
}
