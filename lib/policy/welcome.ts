// The welcome page opens once, on first install, unless the agency skips it
// (showWelcome: false). On a managed install the policy may arrive a few
// seconds after the extension, so wait briefly for it; the page itself closes
// if a later policy says to skip it.
import { browser } from '../browser';
import { STORAGE_ITEMS } from '../storage-items';
import { readPolicy } from '../settings/agency-policy';
import { readManaged } from './sync';

const WAIT_FOR_POLICY_MS = 5_000;

export async function openWelcomeOnInstall(): Promise<void> {
  const { welcomeShown } = STORAGE_ITEMS;
  if ((await welcomeShown.getValue()) === true) return;
  const started = Date.now();
  let managed = await readManaged();
  while (Object.keys(managed).length === 0 && Date.now() - started < WAIT_FOR_POLICY_MS) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    managed = await readManaged();
  }
  if (readPolicy(managed).agency.showWelcome === false) return;
  await welcomeShown.setValue(true);
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
