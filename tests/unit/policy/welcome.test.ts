// The welcome page opens once on install, unless the agency's policy skips it.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openWelcomeOnInstall } from '../../../lib/policy/welcome';

const opened = () => vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);

beforeEach(() => fakeBrowser.reset());

describe('welcome page on install', () => {
  it('opens when no policy says otherwise, and only once', async () => {
    const create = opened();
    vi.useFakeTimers();
    const first = openWelcomeOnInstall();
    await vi.advanceTimersByTimeAsync(6_000);
    await first;
    vi.useRealTimers();
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0].url).toMatch(/\/welcome\.html$/);
    await openWelcomeOnInstall();
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('does not open when the policy sets showWelcome: false', async () => {
    const create = opened();
    await fakeBrowser.storage.managed.set({ showWelcome: false });
    await openWelcomeOnInstall();
    expect(create).not.toHaveBeenCalled();
  });

  it('waits for a policy that arrives a few seconds after install', async () => {
    const create = opened();
    vi.useFakeTimers();
    const running = openWelcomeOnInstall();
    await vi.advanceTimersByTimeAsync(2_000);
    await fakeBrowser.storage.managed.set({ showWelcome: false });
    await vi.advanceTimersByTimeAsync(4_000);
    await running;
    vi.useRealTimers();
    expect(create).not.toHaveBeenCalled();
  });
});
