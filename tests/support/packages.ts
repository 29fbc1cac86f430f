// Checks for the packaging tests, written apart from scripts/packaging.mjs so that a mistake
// there is not repeated here.
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

/** The extension id of a PEM key file: sha256 of its DER SubjectPublicKeyInfo, 32 hex digits as a-p. */
export function idOfKeyFile(path: string): string {
  const der = createPublicKey(readFileSync(path)).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (digit) => 'abcdefghijklmnop'[parseInt(digit, 16)]!);
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

/** Parses an XML document strictly (an error is thrown, not recovered from). */
export function parseXml(xml: string): XmlElement {
  // happy-dom's parser lets a bare & through; an XML parser in a browser does not.
  const bare = xml.match(/&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/);
  if (bare) throw new Error(`not well-formed XML: a bare & at ${bare.index}`);
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  const walk = (element: Element): XmlElement => ({
    name: element.tagName,
    attributes: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
    children: [...element.children].map(walk),
  });
  const root = walk(doc.documentElement as unknown as Element);
  void window.happyDOM.close();
  return root;
}
