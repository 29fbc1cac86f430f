// @vitest-environment happy-dom
// Issue 16 point 4: no silent miss. A button Clearline does not understand in an
// action bar it knows is told, with names hidden; a bar of known buttons says
// nothing. Every practice and real page is checked.
import { describe, expect, it } from 'vitest';
import { unrecognizedControls, wordShape } from '../../../lib/sites/engine/action-bar';
import { facebook } from '../../../lib/sites/facebook';
import { instagram } from '../../../lib/sites/instagram';
import type { SiteAdapter } from '../../../lib/sites/types';
import { page, ROUTES } from './actions-support';

function unrecognizedOn(adapter: SiteAdapter, doc: Document, url: URL) {
  if (!adapter.actionBar) throw new Error('no action bar tables');
  return unrecognizedControls(adapter, adapter.actionBar, doc, url);
}

function parsed(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('pages whose action bars hold only known buttons say nothing', () => {
  const pages = ROUTES.filter(
    (r) => /(facebook|instagram)\//.test(r.file) && !r.file.includes('unknown-button'),
  );
  it.each(pages)('$file', ({ file, url }) => {
    const adapter = new URL(url).hostname.includes('instagram') ? instagram : facebook;
    const { doc } = page(file);
    expect(unrecognizedOn(adapter, doc, new URL(url))).toEqual([]);
  });
});

describe('a button no table holds, in a known action bar, is told with names hidden', () => {
  it("Instagram's Spanish header: an unknown message wording beside Seguir", () => {
    const { doc, url } = page('practice/instagram/profile-unknown-button-es.html');
    expect(unrecognizedOn(instagram, doc, url)).toEqual([
      { role: 'button', words: 'Enviar un mensaje …' },
    ]);
  });

  it("Facebook's English profile with no lang=: the person's name is hidden", () => {
    const { doc, url } = page('practice/facebook/profile-unknown-button.html');
    const found = unrecognizedOn(facebook, doc, url);
    expect(found).toEqual([{ role: 'button', words: 'Send … a … message' }]);
    expect(JSON.stringify(found)).not.toContain('Jordan');
  });

  it('a header with no covered action but a bar-only button ("Siguiendo") is a known bar', () => {
    const doc = parsed(`<!doctype html><html lang="es"><body><main><header><section><div>
      <div role="button" tabindex="0">Siguiendo</div>
      <div role="button" tabindex="0">Escribir al perfil</div>
      <div role="button" tabindex="0"><svg aria-label="Opciones" role="img"></svg></div>
      </div></section></header></main></body></html>`);
    const url = new URL('https://www.instagram.com/lucia.mendez.demo/');
    expect(unrecognizedOn(instagram, doc, url)).toEqual([{ role: 'button', words: '… al perfil' }]);
  });

  it('a hover card (a dialog) with Add friend and an unknown button', () => {
    const doc = parsed(`<!doctype html><html lang="en"><body><div role="dialog"><div>
      <a href="https://www.facebook.com/jordan.blake.demo">Jordan Blake Demo</a><div>
      <div role="button" aria-label="Add friend"></div>
      <div role="button" aria-label="Wave at Jordan"></div>
      <div role="button" aria-label="More"></div></div></div></div></body></html>`);
    const url = new URL('https://www.facebook.com/');
    expect(unrecognizedOn(facebook, doc, url)).toEqual([{ role: 'button', words: '…' }]);
  });

  it('a card outside any dialog (People You May Know on the home feed) with an unknown button', () => {
    const doc = parsed(`<!doctype html><html lang="en"><body><div role="main"><div role="feed">
      <div aria-label="People You May Know"><div>
      <a href="https://www.facebook.com/jordan.blake.demo">Jordan Blake Demo</a><div>
      <div role="button" aria-label="Add friend"></div>
      <div role="button" aria-label="Send Jordan a wave"></div>
      <div role="button" aria-label="Remove"></div></div></div></div></div></div></body></html>`);
    const url = new URL('https://www.facebook.com/');
    expect(unrecognizedOn(facebook, doc, url)).toEqual([{ role: 'button', words: 'Send … a …' }]);
  });

  it('known other buttons (Like, Comment, More, Following, "…" menus) are no miss', () => {
    const doc = parsed(`<!doctype html><html lang="en"><body><div role="main"><div>
      <div role="button" aria-label="Add friend"></div><div role="button" aria-label="Following"></div>
      <div role="button" aria-label="See options"></div><div role="button" aria-label="More"></div>
      <div role="button" aria-label="Like"></div><div role="button" aria-label="Comment"></div>
      <div role="button" aria-label="Actions for this post"></div>
      <div role="button"></div></div></div></body></html>`);
    const url = new URL('https://www.facebook.com/jordan.blake.demo');
    expect(unrecognizedOn(facebook, doc, url)).toEqual([]);
  });

  it('a page with no known action bar says nothing, whatever its buttons', () => {
    const doc = parsed(`<!doctype html><html lang="en"><body><div role="main"><div>
      <div role="button" aria-label="Wave"></div><div role="button" aria-label="Poke"></div>
      </div></div></body></html>`);
    expect(
      unrecognizedOn(facebook, doc, new URL('https://www.facebook.com/jordan.blake.demo')),
    ).toEqual([]);
  });
});

describe('word shapes keep only the words of the tables', () => {
  const vocabulary = new Set(['enviar', 'un', 'mensaje', 'add', 'as', 'a', 'friend']);
  it.each([
    ['Enviar un mensaje privado', 'Enviar un mensaje …'],
    ['Add Jane Demo as a friend', 'Add … as a friend'],
    ['272 mil seguidores', '…'],
    ['alex.rivera.demo', '…'],
    ['Enviar, un mensaje.', 'Enviar un mensaje'],
  ])('"%s" is "%s"', (label, shape) => {
    expect(wordShape(label, vocabulary)).toBe(shape);
  });
});
