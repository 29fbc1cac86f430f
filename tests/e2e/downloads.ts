import { join } from 'node:path';
import type { Browser, CDPSession } from 'puppeteer-core';

export interface Download {
  /** The name the extension gave the file. */
  name: string;
  /** Where the finished file is (named by its download id, so no two collide). */
  path: string;
}

/**
 * Catches the browser's downloads into `dir` and reports each only once Chromium says it is
 * complete: a file read while still being written is cut short.
 */
export async function catchDownloads(browser: Browser, dir: string) {
  const session: CDPSession = await browser.target().createCDPSession();
  const names = new Map<string, string>();
  const done: Download[] = [];
  session.on('Browser.downloadWillBegin', (event) => {
    names.set(event.guid, event.suggestedFilename);
  });
  session.on('Browser.downloadProgress', (event) => {
    if (event.state !== 'completed') return;
    done.push({ name: names.get(event.guid) ?? event.guid, path: join(dir, event.guid) });
  });
  await session.send('Browser.setDownloadBehavior', {
    behavior: 'allowAndName',
    downloadPath: dir,
    eventsEnabled: true,
  });
  return {
    /** Waits until `count` downloads have finished, and gives them in order. */
    async finished(count: number, timeout = 30_000): Promise<Download[]> {
      const deadline = Date.now() + timeout;
      while (done.length < count) {
        if (Date.now() > deadline)
          throw new Error(`${done.length} of ${count} downloads finished in ${timeout} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return done.slice(0, count);
    },
    async stop(): Promise<void> {
      await session.detach();
    },
  };
}
