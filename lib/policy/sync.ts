// Keeps the cached agency policy (storage.local) in step with managed storage.
// Everything else reads policy from the cache, so a restart never opens a window
// with the policy off: Chromium's managed storage answers {} for the first few
// seconds after launch, and an empty answer is trusted only once it is final.
import { STORAGE_ITEMS } from '../storage-items';

const { agencyPolicy, managedPolicy, policySettled } = STORAGE_ITEMS;

/** How long an empty answer is doubted after the browser starts. */
export const POLICY_GRACE_MS = 30_000;
const POLL_MS = 500;

type Policy = Record<string, unknown>;

/** Managed storage, or {} where there is none (Firefox rejects when no policy names us). */
export async function readManaged(): Promise<Policy> {
  try {
    return await managedPolicy.getValue();
  } catch {
    return {};
  }
}

async function adopt(policy: Policy): Promise<void> {
  const cached = await agencyPolicy.getValue();
  // Writing the same policy again would make every open page reload its settings.
  if (JSON.stringify(cached?.policy ?? {}) !== JSON.stringify(policy)) {
    await agencyPolicy.setValue({ policy, seenAt: Date.now() });
  }
  await policySettled.setValue(true);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads managed storage until it is trustworthy: a policy is adopted at once; an
 * empty answer only after the grace period, or at once if managed storage has
 * answered before in this browser session (then the policy was really removed).
 */
export async function syncPolicy(graceMs = POLICY_GRACE_MS): Promise<void> {
  const started = Date.now();
  for (;;) {
    const managed = await readManaged();
    if (Object.keys(managed).length > 0) return adopt(managed);
    const settled = (await policySettled.getValue()) === true;
    if (settled || Date.now() - started >= graceMs) return adopt({});
    await sleep(POLL_MS);
  }
}

/** Adopts whatever managed storage holds now: after a change event, the answer is final. */
export async function adoptManagedNow(): Promise<void> {
  await adopt(await readManaged());
}

/** Adopts a policy managed storage holds now; an empty answer changes nothing. */
export async function adoptManagedIfPresent(): Promise<void> {
  const managed = await readManaged();
  if (Object.keys(managed).length > 0) await adopt(managed);
}

/** Background start: follow managed storage from now on. */
export function startPolicySync(): void {
  managedPolicy.watch(() => void adoptManagedNow());
  void syncPolicy();
}
