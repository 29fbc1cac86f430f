import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../lib/browser';
import { createRouter, type Handlers } from '../../lib/messaging';

const identity = { extensionId: 'ours', extensionOrigin: 'chrome-extension://ours/' };

function setup() {
  const handlers = {
    reportPageStatus: vi.fn(async () => ({ recorded: true as const })),
    getPageStatus: vi.fn(async () => null),
  } satisfies Handlers;
  return { handlers, route: createRouter(handlers, identity) };
}

const status = {
  site: 'facebook',
  url: 'https://www.facebook.com/jane.doe',
  pageKind: 'profile',
  profileKey: 'fb:jane.doe',
  profileOwner: 'other',
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
      value: { recorded: true },
    });
    expect(handlers.reportPageStatus).toHaveBeenCalledWith(status, {
      tabId: 7,
      senderUrl: contentSender.url,
    });
  });

  it('delivers a privileged request from an extension page', async () => {
    const { handlers, route } = setup();
    expect(await route(envelope('getPageStatus', { tabId: 7 }), pageSender)).toEqual({
      ok: true,
      value: null,
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
      'a page origin that only starts like ours',
      envelope('getPageStatus', { tabId: 1 }),
      { ...pageSender, url: 'chrome-extension://ours-not/popup.html' },
      /only Clearline pages/,
    ],
    [
      'a subframe',
      envelope('reportPageStatus', status),
      { ...contentSender, frameId: 3 },
      /page tab/,
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
      expect(handlers.reportPageStatus).not.toHaveBeenCalled();
      expect(handlers.getPageStatus).not.toHaveBeenCalled();
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
      expect(handlers.reportPageStatus).not.toHaveBeenCalled();
      expect(handlers.getPageStatus).not.toHaveBeenCalled();
    });
  }

  it('turns a handler failure into a refusal with its reason', async () => {
    const route = createRouter(
      {
        reportPageStatus: async () => {
          throw new Error('storage is full');
        },
        getPageStatus: async () => null,
      },
      identity,
    );
    expect(await route(envelope('reportPageStatus', status), contentSender)).toEqual({
      ok: false,
      error: 'storage is full',
    });
  });
});
