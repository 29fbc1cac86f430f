// Page objects for the Firefox end-to-end tests: Firefox ESR with the built
// Firefox MV3 extension, driven over Marionette as a person would (trusted
// clicks and typing), the practice site answered at the real addresses.
import { EXTENSION_BASE, GECKO_ID, findFirefox, launchFirefox } from '../../support/firefox.mjs';
import type { Marionette } from '../../support/marionette.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const SHADOW = 'shadow-6066-11e4-a52e-4f735466cecf';
type Ref = Record<string, string>;
const idOf = (ref: Ref, kind = ELEMENT) => ref[kind] as string;

export const firefoxPath = findFirefox();

/** Says once, plainly, why the Firefox suite is skipped on this machine. */
export function warnIfNoFirefox(): void {
  if (firefoxPath) return;
  console.warn(
    'SKIPPED: the Firefox end-to-end tests need Firefox ESR (apt-get install firefox-esr, ' +
      'or FIREFOX_PATH); .ci/run installs it.',
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FirefoxClearline {
  private constructor(
    readonly marionette: Marionette,
    private readonly closeBrowser: () => Promise<void>,
  ) {}

  static async start(
    options: {
      extension?: boolean;
      extensionDir?: string;
      extraRoutes?: Record<string, string>;
      /** More Firefox preferences (touch events, say). */
      prefs?: Record<string, unknown>;
    } = {},
  ): Promise<FirefoxClearline> {
    const launched = await launchFirefox(options);
    const clearline = new FirefoxClearline(launched.marionette, launched.close);
    await clearline.closeWelcome();
    return clearline;
  }

  close(): Promise<void> {
    return this.closeBrowser();
  }

  send<T = { value: unknown }>(name: string, params: object = {}): Promise<T> {
    return this.marionette.send(name, params) as Promise<T>;
  }

  /** The welcome tab opens by itself after install; tests that are not about it close it. */
  private async closeWelcome(): Promise<void> {
    const deadline = Date.now() + 8_000;
    while (Date.now() < deadline) {
      const handles = (await this.send<string[]>('WebDriver:GetWindowHandles')) as string[];
      for (const handle of handles) {
        await this.send('WebDriver:SwitchToWindow', { handle });
        const { value } = await this.send<{ value: string }>('WebDriver:GetCurrentURL');
        if (value.startsWith(`${EXTENSION_BASE}welcome.html`) && handles.length > 1) {
          await this.send('WebDriver:CloseWindow');
          const rest = (await this.send<string[]>('WebDriver:GetWindowHandles')) as string[];
          await this.send('WebDriver:SwitchToWindow', { handle: rest[0] });
          return;
        }
      }
      await sleep(250);
    }
  }

  /** Opens `url` in a new tab, which becomes the current one; returns its handle. */
  async openTab(url: string): Promise<string> {
    const { handle } = await this.send<{ handle: string }>('WebDriver:NewWindow', {
      type: 'tab',
      focus: true,
    });
    await this.send('WebDriver:SwitchToWindow', { handle, focus: true });
    await this.send('WebDriver:Navigate', { url });
    return handle;
  }

  openExtensionPage(path: string): Promise<string> {
    return this.openTab(EXTENSION_BASE + path);
  }

  async switchTo(handle: string): Promise<void> {
    await this.send('WebDriver:SwitchToWindow', { handle, focus: true });
  }

  async closeTab(): Promise<void> {
    await this.send('WebDriver:CloseWindow');
    const rest = (await this.send<string[]>('WebDriver:GetWindowHandles')) as string[];
    if (rest[0]) await this.send('WebDriver:SwitchToWindow', { handle: rest[0] });
  }

  /** Runs a function body in the current page (it may return a promise), with `args`. */
  async evaluate<T>(body: string, ...args: unknown[]): Promise<T> {
    const { value } = await this.send<{ value: T }>('WebDriver:ExecuteScript', {
      script: body,
      args,
    });
    return value;
  }

  /** Waits until a function body returns a truthy value in the current page. */
  async waitFor<T>(body: string, what: string, timeout = 15_000, ...args: unknown[]): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate<T>(body, ...args).catch(() => undefined);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }

  /** An element by CSS, or by XPath when the selector starts with "//" (a control by its text). */
  async find(selector: string, timeout = 15_000): Promise<Ref> {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        const { value } = await this.send<{ value: Ref }>('WebDriver:FindElement', {
          using: selector.startsWith('//') ? 'xpath' : 'css selector',
          value: selector,
        });
        return value;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`no element ${selector}`, { cause: error });
        await sleep(100);
      }
    }
  }

  /** A trusted click, as a person's: Marionette moves the pointer there and presses. */
  async click(css: string): Promise<void> {
    await this.send('WebDriver:ElementClick', { id: idOf(await this.find(css)) });
  }

  /** A finger's tap (touch pointer actions): Firefox sends pointer, touch and then mouse events. */
  async tap(selector: string): Promise<void> {
    await this.tapElement(await this.find(selector));
  }

  private async tapElement(element: Ref): Promise<void> {
    await this.send('WebDriver:PerformActions', {
      actions: [
        {
          type: 'pointer',
          id: 'finger',
          parameters: { pointerType: 'touch' },
          actions: [
            { type: 'pointerMove', duration: 0, origin: element, x: 0, y: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pause', duration: 50 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.send('WebDriver:ReleaseActions');
  }

  async type(css: string, text: string): Promise<void> {
    const id = idOf(await this.find(css));
    await this.send('WebDriver:ElementClear', { id });
    await this.send('WebDriver:ElementSendKeys', { id, text });
  }

  /** What the site page's own listeners saw (the fixtures' window.__pageSaw). */
  pageSaw(label?: string): Promise<number> {
    return this.evaluate<number>(
      `const saw = window.__pageSaw;
       if (!saw) throw new Error('this page has no click counter');
       return saw.clicks.filter((c) => arguments[0] === null || c.label === arguments[0]).length;`,
      label ?? null,
    );
  }

  /**
   * The prompt the coach sees: a frame in a closed shadow root on the page.
   * Marionette reaches into closed roots, as assistive technology does; the page's
   * own scripts cannot.
   */
  private async visiblePromptFrame(): Promise<Ref | null> {
    const hosts = await this.evaluate<Ref[]>(
      `return [...document.documentElement.children].filter((e) => e.tagName !== 'HEAD' && e.tagName !== 'BODY');`,
    );
    for (const host of hosts) {
      try {
        const { value: root } = await this.send<{ value: Ref }>('WebDriver:GetShadowRoot', {
          id: idOf(host),
        });
        const { value: frame } = await this.send<{ value: Ref }>(
          'WebDriver:FindElementFromShadowRoot',
          { shadowRoot: idOf(root, SHADOW), using: 'css selector', value: 'iframe' },
        );
        const { value: shown } = await this.send<{ value: boolean }>(
          'WebDriver:IsElementDisplayed',
          { id: idOf(frame) },
        );
        if (shown) return frame;
      } catch {
        // not a host of ours, or it went away meanwhile
      }
    }
    return null;
  }

  /** Runs `inside` within the visible prompt frame, then comes back to the page. */
  async inPrompt<T>(inside: () => Promise<T>, timeout = 10_000): Promise<T> {
    const deadline = Date.now() + timeout;
    let frame = await this.visiblePromptFrame();
    while (!frame) {
      if (Date.now() > deadline) throw new Error('the prompt never appeared');
      await sleep(100);
      frame = await this.visiblePromptFrame();
    }
    await this.send('WebDriver:SwitchToFrame', { element: idOf(frame) });
    try {
      return await inside();
    } finally {
      await this.send('WebDriver:SwitchToParentFrame');
    }
  }

  async promptShown(): Promise<boolean> {
    return (await this.visiblePromptFrame()) !== null;
  }

  /** The prompt's button names, once they are rendered. */
  promptButtons(): Promise<string[]> {
    return this.inPrompt(() =>
      this.waitFor<string[]>(
        `const names = [...document.querySelectorAll('button')].map((b) => b.textContent.trim());
         return names.length ? names : null;`,
        'the prompt buttons',
      ),
    );
  }

  promptText(): Promise<string> {
    return this.inPrompt(() =>
      this.waitFor<string>(`return document.body.innerText.trim()`, 'the prompt text'),
    );
  }

  /** Clicks (or taps) a prompt button by its visible name once it accepts presses (it is inert until seen). */
  choose(name: string, how: 'click' | 'tap' = 'click'): Promise<void> {
    return this.inPrompt(async () => {
      await this.waitFor(
        `const b = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === arguments[0]);
         return b && !b.disabled && !b.closest('[inert]') && b.getAttribute('aria-disabled') !== 'true';`,
        `the prompt's "${name}" button`,
        10_000,
        name,
      );
      const button = await this.evaluate<Ref>(
        `return [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === arguments[0]);`,
        name,
      );
      if (how === 'tap') await this.tapElement(button);
      else await this.send('WebDriver:ElementClick', { id: idOf(button) });
    });
  }

  /** Each visible prompt button's box on the screen (the frame's place plus the button's in it). */
  async promptButtonBoxes(): Promise<
    { name: string; x: number; y: number; w: number; h: number }[]
  > {
    const frame = await this.visiblePromptFrame();
    if (!frame) throw new Error('no prompt is shown');
    const at = await this.evaluate<{ x: number; y: number }>(
      `const r = arguments[0].getBoundingClientRect(); return { x: r.x, y: r.y };`,
      frame,
    );
    const inside = await this.inPrompt(() =>
      this.waitFor<{ name: string; x: number; y: number; w: number; h: number }[]>(
        `const all = [...document.querySelectorAll('button')].filter((b) => b.checkVisibility());
         return all.length && all.map((b) => { const r = b.getBoundingClientRect();
           return { name: b.textContent.trim(), x: r.x, y: r.y, w: r.width, h: r.height }; });`,
        'the prompt buttons',
      ),
    );
    return inside.map((b) => ({ ...b, x: b.x + at.x, y: b.y + at.y }));
  }

  async waitForPromptGone(timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (await this.promptShown()) {
      if (Date.now() > deadline) throw new Error('the prompt did not close');
      await sleep(100);
    }
  }

  async expectNoPrompt(wait = 1_000): Promise<void> {
    await sleep(wait);
    if (await this.promptShown()) throw new Error('a prompt appeared');
  }

  /** Runs privileged code in Firefox's own (chrome) context, as about:debugging does. */
  private async inChrome<T>(body: string, ...args: unknown[]): Promise<T> {
    await this.send('Marionette:SetContext', { value: 'chrome' });
    try {
      return await this.evaluate<T>(body, ...args);
    } finally {
      await this.send('Marionette:SetContext', { value: 'content' });
    }
  }

  /** The event page's state: 'running' or 'stopped' (Firefox's own words). */
  eventPageState(): Promise<string> {
    return this.inChrome<string>(
      `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
       return ExtensionParent.GlobalManager.getExtension(arguments[0])?.backgroundState ?? 'not installed';`,
      GECKO_ID,
    );
  }

  /** Stops the event page as Firefox does when it is idle (about:debugging's "Terminate"). */
  stopEventPage(): Promise<string> {
    return this.inChrome<string>(
      `const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
       const extension = ExtensionParent.GlobalManager.getExtension(arguments[0]);
       return extension.terminateBackground().then(() => extension.backgroundState);`,
      GECKO_ID,
    );
  }

  /** The popup as a tab, describing the tab `handle` (found by its address among the tabs). */
  async openPopupFor(url: string): Promise<string> {
    const handle = await this.openExtensionPage('popup.html');
    const tabId = await this.evaluate<number | null>(
      `return browser.tabs.query({}).then(async (tabs) => {
         const self = await browser.tabs.getCurrent();
         const others = tabs.filter((t) => t.id !== self.id);
         return (others.find((t) => t.url === arguments[0]) ?? others.sort((a, b) => b.id - a.id)[0])?.id ?? null;
       });`,
      url,
    );
    if (tabId === null) throw new Error(`no tab shows ${url}`);
    await this.send('WebDriver:Navigate', { url: `${EXTENSION_BASE}popup.html?tabId=${tabId}` });
    return handle;
  }
}
