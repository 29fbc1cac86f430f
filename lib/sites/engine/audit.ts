// Reading settings pages, for every site's privacy self-audit reader.
import { normalizeLabel } from './labels';

/** Compared form of a label or value: lower-case, "¿...?" and trailing "..." or ":" dropped. */
export function auditKey(text: string): string {
  return normalizeLabel(text)
    .replace(/[‘’]/g, "'")
    .replace(/^[¿¡]\s*/, '')
    .replace(/\s*(?:\?|…|\.{3}|:)$/, '')
    .trim();
}

/** Non-empty text nodes under `root`, in order, scripts, styles and svg left out. */
export function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if ((n.nodeValue ?? '').trim() !== '' && !n.parentElement?.closest('script, style, svg')) {
      out.push(n as Text);
    }
  }
  return out;
}
