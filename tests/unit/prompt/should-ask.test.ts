import { describe, expect, it } from 'vitest';
import { cachedVerdict } from '../../../lib/content/verdicts';
import { shouldAsk } from '../../../lib/prompt/should-ask';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import type { ActionKind } from '../../../lib/sites/types';
import type { Verdict } from '../../../lib/store/types';

const match = (kind: ActionKind) => kind;

describe('the synchronous decision', () => {
  it('combines the verdicts of all keys of one person; a client key wins', () => {
    const cache = new Map<string, Verdict>([
      ['fb:a', 'not-client'],
      ['fb:id:1', 'client'],
      ['fb:b', 'unknown'],
    ]);
    expect(cachedVerdict(cache, ['fb:a', 'fb:id:1'])).toBe('client');
    expect(cachedVerdict(cache, ['fb:a', 'fb:b'])).toBe('not-client');
    expect(cachedVerdict(cache, ['fb:b'])).toBe('unknown');
    expect(cachedVerdict(cache, ['fb:b', 'fb:never-asked'])).toBeUndefined();
    expect(cachedVerdict(cache, [])).toBeUndefined();
  });

  it('stops everyone not answered; lets "not a client" through; respects "off" per action', () => {
    expect(shouldAsk(DEFAULT_SETTINGS, match('add-friend'), undefined)).toBe(true);
    expect(shouldAsk(DEFAULT_SETTINGS, match('add-friend'), 'unknown')).toBe(true);
    expect(shouldAsk(DEFAULT_SETTINGS, match('follow'), 'client')).toBe(true);
    expect(shouldAsk(DEFAULT_SETTINGS, match('message'), 'not-client')).toBe(false);
    const off = {
      ...DEFAULT_SETTINGS,
      promptMode: { ...DEFAULT_SETTINGS.promptMode, follow: 'off' as const },
    };
    expect(shouldAsk(off, match('follow-back'), 'client')).toBe(false);
    expect(shouldAsk(off, match('confirm-request'), undefined)).toBe(true);
  });

  it('known clients only: stops clients and the not-yet-known, lets known others through', () => {
    const scope = { ...DEFAULT_SETTINGS, promptScope: 'clients-only' as const };
    expect(shouldAsk(scope, match('add-friend'), 'client')).toBe(true);
    expect(shouldAsk(scope, match('add-friend'), undefined)).toBe(true);
    expect(shouldAsk(scope, match('add-friend'), 'unknown')).toBe(false);
  });

  it('sending in an open thread: only outside working hours, the same for a client and anyone else', () => {
    const monday10 = new Date('2026-11-23T10:00:00');
    const monday22 = new Date('2026-11-23T22:00:00');
    expect(shouldAsk(DEFAULT_SETTINGS, match('send-message'), 'client', monday22)).toBe(true);
    expect(shouldAsk(DEFAULT_SETTINGS, match('send-message'), 'unknown', monday22)).toBe(true);
    expect(shouldAsk(DEFAULT_SETTINGS, match('send-message'), undefined, monday22)).toBe(true);
    expect(shouldAsk(DEFAULT_SETTINGS, match('send-message'), 'not-client', monday22)).toBe(false);
    expect(shouldAsk(DEFAULT_SETTINGS, match('send-message'), 'client', monday10)).toBe(false);
    expect(shouldAsk(DEFAULT_SETTINGS, match('send-message'), 'unknown', monday10)).toBe(false);
  });
});
