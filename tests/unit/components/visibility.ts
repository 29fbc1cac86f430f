// A stand-in for Chromium's IntersectionObserver v2 in component tests: the
// prompt page's frame is "seen whole" unless a test says the page covers it.
import { vi } from 'vitest';

const observers = new Set<FakeObserver>();
let seenWhole = true;

class FakeObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    observers.add(this);
    this.target = target;
    queueMicrotask(() => this.report());
  }
  disconnect() {
    observers.delete(this);
  }
  unobserve() {
    observers.delete(this);
  }
  takeRecords() {
    return [];
  }
  private target: Element | null = null;
  report() {
    const entry = { target: this.target, isIntersecting: true, isVisible: seenWhole };
    this.callback([entry as unknown as IntersectionObserverEntry], this as never);
  }
}

/** Installs the stand-in: every frame is seen whole at first. */
export function installVisibility(): void {
  seenWhole = true;
  observers.clear();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
}

/** The host page covers (false) or uncovers (true) the prompt's frame. */
export function setSeenWhole(value: boolean): void {
  seenWhole = value;
  for (const observer of observers) observer.report();
}
