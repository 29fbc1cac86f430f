import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../lib/browser';
import { MESSAGES, type Handlers, type MessageName } from '../../lib/messaging';
import { createRouter } from '../../lib/background/router';

const identity = { extensionId: 'ours', extensionOrigin: 'chrome-extension://ours/' };

/** Every handler a spy answering "handled", so a test can see which ran. */
function spies() {
  return Object.fromEntries(
    (Object.keys(MESSAGES) as MessageName[]).map((name) => [name, vi.fn(async () => 'handled')]),
  ) as unknown as Record<MessageName, ReturnType<typeof vi.fn>> & Handlers;
}

function setup() {
  const handlers = spies();
  return { handlers, route: createRouter(handlers, identity) };
}

const noHandlerRan = (handlers: ReturnType<typeof spies>) =>
  (Object.keys(MESSAGES) as MessageName[]).every((name) => handlers[name].mock.calls.length === 0);

const status = {
  site: 'facebook',
  url: 'https://www.facebook.com/jane.doe',
  pageKind: 'profile',
  profileKey: 'fb:jane.doe',
  profileOwner: 'other',
  diagnostics: { lang: 'en', checks: [{ id: 'profile-controls', found: true }] },
};
const envelope = (name: string, payload: unknown) => ({ clearline: 1, name, payload });

const contentSender: Runtime.MessageSender = {
  id: 'ours',
  url: 'https://www.facebook.com/jane.doe',
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  frameId: 0,
};
const pageSender: Runtime.MessageSender = { id: 'ours', url: 'chrome-extension://ours/popup.html' };

describe('message router', () => {
  it('delivers a valid content-script report with its tab', async () => {
    const { handlers, route } = setup();
    expect(await route(envelope('reportPageStatus', status), contentSender)).toEqual({
      ok: true,
      value: 'handled',
    });
    expect(handlers.reportPageStatus).toHaveBeenCalledWith(status, {
      tabId: 7,
      frameId: 0,
      senderUrl: contentSender.url,
    });
  });

  it('passes on which frame of the tab asked (a same-origin frame runs the prompt too)', async () => {
    const { handlers, route } = setup();
    await route(envelope('reportPageStatus', status), { ...contentSender, frameId: 3 });
    expect(handlers.reportPageStatus).toHaveBeenCalledWith(status, {
      tabId: 7,
      frameId: 3,
      senderUrl: contentSender.url,
    });
  });

  it('accepts our prompt frame, loaded through a dynamic extension URL', async () => {
    const { handlers, route } = setup();
    const frame = {
      ...pageSender,
      url: 'chrome-extension://dynamicid123/prompt.html#nonce',
      tab: contentSender.tab,
    };
    expect(await route(envelope('getPageStatus', { tabId: 7 }), frame)).toEqual({
      ok: true,
      value: 'handled',
    });
    expect(handlers.getPageStatus).toHaveBeenCalledOnce();
  });

  it('delivers a privileged request from an extension page', async () => {
    const { handlers, route } = setup();
    expect(await route(envelope('getPageStatus', { tabId: 7 }), pageSender)).toEqual({
      ok: true,
      value: 'handled',
    });
    expect(handlers.getPageStatus).toHaveBeenCalledOnce();
  });

  const forged: [string, unknown, Runtime.MessageSender, RegExp][] = [
    [
      'another extension',
      envelope('getPageStatus', { tabId: 1 }),
      { ...pageSender, id: 'evil' },
      /not Clearline/,
    ],
    [
      'a sender with no id',
      envelope('reportPageStatus', status),
      { ...contentSender, id: undefined },
      /not Clearline/,
    ],
    [
      'a content script asking a privileged question',
      envelope('getPageStatus', { tabId: 1 }),
      contentSender,
      /only Clearline pages/,
    ],
    [
      'an extension page posing as a content script',
      envelope('reportPageStatus', status),
      pageSender,
      /page tab|covered site/,
    ],
    [
      'a content script on an uncovered site',
      envelope('reportPageStatus', status),
      { ...contentSender, url: 'https://evil.example/' },
      /covered site/,
    ],
    [
      'a lookalike host',
      envelope('reportPageStatus', status),
      { ...contentSender, url: 'https://www.facebook.com.evil.example/' },
      /covered site/,
    ],
    [
      'no tab',
      envelope('reportPageStatus', status),
      { ...contentSender, tab: undefined },
      /page tab/,
    ],
  ];
  for (const [name, message, sender, reason] of forged) {
    it(`refuses ${name}`, async () => {
      const { handlers, route } = setup();
      const reply = await route(message, sender);
      expect(reply.ok).toBe(false);
      expect(reply.ok === false && reply.error).toMatch(reason);
      expect(noHandlerRan(handlers)).toBe(true);
    });
  }

  const malformed: [string, unknown][] = [
    ['null', null],
    ['a string', 'reportPageStatus'],
    ['no marker', { name: 'reportPageStatus', payload: status }],
    ['an unknown name', envelope('eraseEverything', {})],
    ['an inherited name', envelope('toString', {})],
    ['a missing payload', envelope('reportPageStatus', undefined)],
    ['a wrong site', envelope('reportPageStatus', { ...status, site: 'myspace' })],
    ['an extra field', envelope('reportPageStatus', { ...status, label: 'Jane, client' })],
    [
      'a profile key with markup',
      envelope('reportPageStatus', { ...status, profileKey: 'fb:<img src=x>' }),
    ],
    [
      'a huge profile key',
      envelope('reportPageStatus', { ...status, profileKey: `fb:${'a'.repeat(5000)}` }),
    ],
    ['a negative tab id', envelope('getPageStatus', { tabId: -1 })],
    ['a fractional tab id', envelope('getPageStatus', { tabId: 1.5 })],
    ['a string tab id', envelope('getPageStatus', { tabId: '1' })],
  ];
  for (const [name, message] of malformed) {
    it(`refuses a malformed message: ${name}`, async () => {
      const { handlers, route } = setup();
      const sender =
        (message as { name?: string } | null)?.name === 'getPageStatus'
          ? pageSender
          : contentSender;
      const reply = await route(message, sender);
      expect(reply.ok).toBe(false);
      expect(noHandlerRan(handlers)).toBe(true);
    });
  }

  it('turns a handler failure into a refusal with its reason', async () => {
    const handlers = spies();
    handlers.reportPageStatus.mockRejectedValue(new Error('storage is full'));
    const route = createRouter(handlers, identity);
    expect(await route(envelope('reportPageStatus', status), contentSender)).toEqual({
      ok: false,
      error: 'storage is full',
    });
  });

  const privileged: [string, unknown][] = [
    ['the client list', envelope('listClients', {})],
    ['the "not a client" answers', envelope('listDecisions', {})],
    ['an export', envelope('exportBackup', { passphrase: 'correct horse battery' })],
    [
      'an import',
      envelope('importBackup', { contents: '{}', passphrase: 'correct horse battery' }),
    ],
    ['erase all', envelope('eraseAll', { confirmation: 'ERASE' })],
    ['an unlock', envelope('unlock', { passphrase: 'guess-guess' })],
    [
      'a new client',
      envelope('addClient', {
        profileUrl: 'https://www.facebook.com/x.y.z.w',
        label: '',
        note: '',
        dischargedOn: null,
      }),
    ],
  ];
  for (const [name, message] of privileged) {
    it(`refuses ${name} to a content script, and grants it to an extension page`, async () => {
      const { handlers, route } = setup();
      const refused = await route(message, contentSender);
      expect(refused).toEqual({ ok: false, error: 'only Clearline pages may ask this' });
      expect(noHandlerRan(handlers)).toBe(true);
      expect(await route(message, pageSender)).toEqual({ ok: true, value: 'handled' });
    });
  }

  it('gives a content script a verdict for up to four profile keys, and no more', async () => {
    const { handlers, route } = setup();
    const keys = ['fb:jane.doe', 'fb:id:100012345678901'];
    expect(await route(envelope('getVerdict', { keys }), contentSender)).toEqual({
      ok: true,
      value: 'handled',
    });
    expect((await route(envelope('getVerdict', { keys: [] }), contentSender)).ok).toBe(false);
    expect(
      (await route(envelope('getVerdict', { keys: Array(5).fill('fb:jane.doe') }), contentSender))
        .ok,
    ).toBe(false);
    expect(
      (
        await route(
          envelope('getVerdict', { keys: ['https://www.facebook.com/jane.doe'] }),
          contentSender,
        )
      ).ok,
    ).toBe(false);
    expect(handlers.getVerdict).toHaveBeenCalledOnce();
  });
});
