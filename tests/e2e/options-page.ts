// The options page (Settings), driven as a coach would: typing into labelled
// fields and clicking buttons. Settings shows one page at a time
// (options.html#clients, #protection...): each helper first opens the page its
// form is on, through the side navigation, as the coach would.
import type { Page } from 'puppeteer-core';

export type SettingsPageName =
  'clients' | 'observations' | 'privacy' | 'prompts' | 'protection' | 'agency' | 'about';

/** Opens one page of Settings with its link in the side navigation (nothing if it is open). */
export async function showSettingsPage(page: Page, name: SettingsPageName) {
  const open = `[data-testid="settings-page"][data-page="${name}"]`;
  await page.waitForSelector('[data-testid="settings-page"]', { timeout: 15_000 });
  if (await page.$(open)) return;
  await page.$eval(`a[data-testid="nav-${name}"]`, (a) => (a as HTMLAnchorElement).click());
  await page.waitForSelector(open, { timeout: 15_000 });
}

async function fill(page: Page, selector: string, text: string) {
  await page.waitForSelector(selector);
  await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
  await page.type(selector, text);
}

/** The rows of the client list, on its page, once the list is shown. */
export async function clientRows(page: Page): Promise<string[]> {
  await showSettingsPage(page, 'clients');
  await page.waitForSelector(
    'ul[data-testid="clients"], [data-testid="clients-empty"], [data-testid="passphrase-required"]',
    { timeout: 15_000 },
  );
  return page.$$eval('li[data-testid="client"]', (items) =>
    items.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
  );
}

async function waitForClientCount(page: Page, count: number) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('li[data-testid="client"]').length === n,
    { timeout: 15_000 },
    count,
  );
}

export async function addClient(
  page: Page,
  client: { url: string; label?: string; note?: string },
) {
  await showSettingsPage(page, 'clients');
  // The list loads with its page: count the rows once it is shown.
  await page.waitForSelector('ul[data-testid="clients"], [data-testid="clients-empty"]', {
    timeout: 15_000,
  });
  const before = (await clientRows(page)).length;
  await fill(page, 'form[data-testid="add-client"] input[name="profileUrl"]', client.url);
  if (client.label)
    await fill(page, 'form[data-testid="add-client"] input[name="label"]', client.label);
  if (client.note)
    await fill(page, 'form[data-testid="add-client"] textarea[name="note"]', client.note);
  await page.click('form[data-testid="add-client"] button[type="submit"]');
  await waitForClientCount(page, before + 1);
}

export async function lockState(page: Page) {
  const el = await page.waitForSelector('[data-testid="lock-state"][data-locked]', {
    timeout: 15_000,
  });
  return el!.evaluate((e) => ({
    locked: e.getAttribute('data-locked') === 'true',
    hasPassphrase: e.getAttribute('data-has-passphrase') === 'true',
  }));
}

export async function waitForLock(page: Page, locked: boolean) {
  await page.waitForSelector(`[data-testid="lock-state"][data-locked="${locked}"]`, {
    timeout: 15_000,
  });
}

export async function setPassphrase(page: Page, passphrase: string) {
  await showSettingsPage(page, 'protection');
  await fill(page, 'form[data-testid="passphrase-form"] input[name="newPassphrase"]', passphrase);
  await fill(
    page,
    'form[data-testid="passphrase-form"] input[name="confirmPassphrase"]',
    passphrase,
  );
  await page.click('form[data-testid="passphrase-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="lock-state"][data-has-passphrase="true"]', {
    timeout: 20_000,
  });
}

export async function lockNow(page: Page) {
  await page.click('[data-testid="lock-state"][data-locked="false"] button[type="button"]');
  await waitForLock(page, true);
}

export async function unlock(page: Page, passphrase: string) {
  await fill(page, '[data-testid="lock-state"] input[name="unlockPassphrase"]', passphrase);
  await page.click('[data-testid="lock-state"] button[type="submit"]');
}

export async function exportBackup(page: Page, passphrase: string) {
  await showSettingsPage(page, 'protection');
  await fill(page, 'form[data-testid="export-backup"] input[name="exportPassphrase"]', passphrase);
  await page.click('form[data-testid="export-backup"] button[type="submit"]');
}

export async function importBackup(page: Page, file: string, passphrase: string) {
  await showSettingsPage(page, 'protection');
  const input = await page.waitForSelector(
    'form[data-testid="import-backup"] input[name="importFile"]',
  );
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
  await fill(page, 'form[data-testid="import-backup"] input[name="importPassphrase"]', passphrase);
  await page.click('form[data-testid="import-backup"] button[type="submit"]');
  await page.click('[data-testid="confirm-import"]');
}

export async function eraseAll(page: Page) {
  await showSettingsPage(page, 'protection');
  await fill(page, 'form[data-testid="erase-all"] input[name="eraseConfirmation"]', 'ERASE');
  await page.click('form[data-testid="erase-all"] button[type="submit"]');
  await page.waitForSelector('[data-testid="erase-status"]:not(:empty)', { timeout: 15_000 });
  await showSettingsPage(page, 'clients');
  await page.waitForSelector('[data-testid="clients-empty"]', { timeout: 15_000 });
}

const clientRow = (index: number) => `li[data-testid="client"]:nth-of-type(${index + 1})`;

/**
 * Opens the edit form on the client row at `index` and types the changes given,
 * without saving. The tab comes to the front first: Chromium holds input to a
 * background tab, where a click can hang.
 */
export async function startClientEdit(
  page: Page,
  index: number,
  change: { label?: string; note?: string },
) {
  await showSettingsPage(page, 'clients');
  const row = clientRow(index);
  await page.bringToFront();
  await page.click(`${row} ::-p-aria([name="Edit"][role="button"])`);
  if (change.label !== undefined) await fill(page, `${row} input[name="label"]`, change.label);
  if (change.note !== undefined) await fill(page, `${row} textarea[name="note"]`, change.note);
}

/** Saves the open edit form on the row at `index` (as Enter would), in any tab, front or not. */
export async function saveClientEdit(page: Page, index: number) {
  await page.$eval(`${clientRow(index)} form`, (form) => (form as HTMLFormElement).requestSubmit());
}

/** The alert under the row's edit form, once there is one. */
export async function clientEditAlert(page: Page, index: number): Promise<string> {
  await page.waitForFunction(
    (selector) => document.querySelector(selector),
    { timeout: 15_000, polling: 100 }, // polled: the tab may be in the background
    `${clientRow(index)} form [role="alert"]`,
  );
  return page.$eval(`${clientRow(index)} form [role="alert"]`, (el) => el.textContent ?? '');
}

/** What the background holds for the client list, asked from an extension page. */
export async function storedClients(page: Page) {
  return page.evaluate(async () => {
    const reply = (await chrome.runtime.sendMessage({
      clearline: 1,
      name: 'listClients',
      payload: {},
    })) as { ok: boolean; value?: { clients: unknown[] }; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value!.clients as {
      id: string;
      label: string | null;
      note: string | null;
      profileKeys: string[] | null;
    }[];
  });
}

/** The observation log as the coach sees it: the range line, the filter's options, the rows. */
export async function observationLog(page: Page) {
  await showSettingsPage(page, 'observations');
  await page.waitForSelector('[data-testid="observations-range"]:not(:empty)', {
    timeout: 30_000,
  });
  return page.$eval('section[data-testid="observations"]', (section) => ({
    range: section.querySelector('[data-testid="observations-range"]')?.textContent ?? '',
    filters: [...section.querySelectorAll('select[name="observationFilter"] option')].map(
      (o) => o.textContent ?? '',
    ),
    rows: [...section.querySelectorAll('li[data-testid="observation"]')].map((li) => ({
      id: li.getAttribute('data-observation-id') ?? '',
      status: li.getAttribute('data-status'),
      title: li.querySelector('.observation-title')?.textContent ?? '',
    })),
    focused: document.activeElement?.getAttribute('data-observation-id') ?? null,
  }));
}

async function waitForNewRange(page: Page, before: string) {
  await page.waitForFunction(
    (old) => {
      const range = document.querySelector('[data-testid="observations-range"]')?.textContent;
      return range && range !== old && !document.querySelector('ul.observations[aria-busy="true"]');
    },
    { timeout: 30_000 },
    before,
  );
}

/** Clicks "Newer" or "Older" under the log and waits for the new page. */
export async function turnObservationPage(page: Page, which: 'Newer' | 'Older') {
  const { range } = await observationLog(page);
  const button = await page.waitForSelector(
    `nav[data-testid="observation-pages"] ::-p-aria([name="${which}"][role="button"])`,
  );
  await button!.click();
  await waitForNewRange(page, range);
}

/** Picks a filter (its value: all, to-discuss, urgent, closed) and waits for its first page. */
export async function filterObservations(page: Page, value: string) {
  const { range } = await observationLog(page);
  await page.select('select[name="observationFilter"]', value);
  await waitForNewRange(page, range);
}

/** Clicks one of a row's next steps ("Discussed with them"...) and waits for its new status. */
export async function markObservation(page: Page, id: string, step: string, status: string) {
  const row = `li[data-testid="observation"][data-observation-id="${id}"]`;
  const button = await page.waitForSelector(`${row} ::-p-aria([name="${step}"][role="button"])`);
  await button!.click();
  await page.waitForSelector(`${row}[data-status="${status}"]`, { timeout: 15_000 });
}
