// Records every network request made by any of Clearline's own contexts: the
// service worker (each time it starts) and every extension page. Loading the
// extension's own files (chrome-extension://) is not the network.
import type { Browser, Target } from 'puppeteer-core';

export interface NetworkWatch {
  /** "context-url -> request-url" for every request that would leave the device. */
  requests: string[];
  /** How many extension contexts were watched, so a test can tell the watch worked. */
  watched: Set<string>;
}

const LOCAL = /^(chrome-extension|data|blob|about|devtools):/;

export async function watchExtensionNetwork(
  browser: Browser,
  extensionId: string,
): Promise<NetworkWatch> {
  const watch: NetworkWatch = { requests: [], watched: new Set() };
  const origin = `chrome-extension://${extensionId}/`;
  const attach = async (target: Target) => {
    if (!target.url().startsWith(origin)) return;
    try {
      const session = await target.createCDPSession();
      session.on('Network.requestWillBeSent', (event) => {
        if (!LOCAL.test(event.request.url))
          watch.requests.push(`${target.url()} -> ${event.request.url}`);
      });
      await session.send('Network.enable');
      watch.watched.add(`${target.type()} ${target.url()}`);
    } catch {
      // The target closed before we could attach: it had no time to make requests.
    }
  };
  browser.on('targetcreated', (target: Target) => void attach(target));
  browser.on('targetchanged', (target: Target) => void attach(target));
  await Promise.all(browser.targets().map(attach));
  return watch;
}
