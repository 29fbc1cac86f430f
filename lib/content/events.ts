/** The element an event is really aimed at: inside an open shadow root, not its host. */
export function eventElement(event: Event): Element | null {
  for (const node of event.composedPath()) if (node instanceof Element) return node;
  return event.target instanceof Element ? event.target : null;
}

/** Keeps an event from the page: no default action, no page listener after ours. */
export function block(event: Event): void {
  if (event.cancelable) event.preventDefault();
  event.stopImmediatePropagation();
}
