// @vitest-environment happy-dom
// Issue 16 point 4: a page whose markup names no language is judged by its own
// navigation and header words; a language Clearline does not cover is "not
// recognized" rather than matched by chance; no decision reads both, as before.
import { describe, expect, it } from 'vitest';
import { localesOf } from '../../../lib/sites/engine/labels';
import { languageOfLabels, languageOfWords } from '../../../lib/sites/engine/language';
import { readDiagnostics } from '../../../lib/diagnostics';
import { facebook } from '../../../lib/sites/facebook';
import { page } from './actions-support';

function noLang(nav: readonly string[], header = ''): Document {
  const links = nav.map((l) => `<a href="/" aria-label="${l}"></a>`).join('');
  return new DOMParser().parseFromString(
    `<!doctype html><html><body><div role="navigation">${links}</div>
    <div role="main">${header}<div id="target" role="button">Seguir</div></div></body></html>`,
    'text/html',
  );
}

const target = (doc: Document) => doc.querySelector('#target') as Element;

describe('the page language from its words, when lang= is missing', () => {
  it('English words: en', () => {
    const doc = noLang(['Home', 'Search Facebook', 'Your profile', 'Create', 'Settings']);
    expect(languageOfWords(doc)).toBe('en');
    expect(localesOf(target(doc))).toEqual(['en']);
  });

  it('Spanish words: es', () => {
    const doc = noLang(['Inicio', 'Buscar en Facebook', 'Notificaciones', 'Mensajes', 'Crear']);
    expect(languageOfWords(doc)).toBe('es');
    expect(localesOf(target(doc))).toEqual(['es']);
  });

  it('Portuguese words: not recognized (no locale), so "Seguir" is not Spanish by chance', () => {
    const doc = noLang(['Página inicial', 'Pesquisar', 'Notificações', 'Mensagens', 'Criar']);
    expect(languageOfWords(doc)).toBe('other');
    expect(localesOf(target(doc))).toEqual([]);
    expect(facebook.actionAt(target(doc))).toBeNull();
  });

  it('Traditional Chinese and Russian labels: not recognized', () => {
    expect(languageOfLabels(['首頁', '搜尋', '通知', 'Facebook'])).toBe('other');
    expect(languageOfLabels(['Главная', 'Поиск', 'Уведомления'])).toBe('other');
  });

  it('no words, or too few to decide: both locales, as before', () => {
    const doc = noLang([]);
    expect(languageOfWords(doc)).toBeNull();
    expect(localesOf(target(doc))).toEqual(['en', 'es']);
    expect(languageOfLabels(['Facebook', 'Messenger', 'Reels'])).toBeNull();
    expect(languageOfLabels(['Home', 'Inicio'])).toBeNull();
  });

  it('a declared lang= still wins over the words', () => {
    const doc = noLang(['Home', 'Search', 'Create', 'Settings']);
    doc.documentElement.setAttribute('lang', 'es');
    expect(localesOf(target(doc))).toEqual(['es']);
  });

  it('the diagnostics read the words too: a Portuguese page without lang= fails the language check', () => {
    const pt = noLang(['Página inicial', 'Pesquisar', 'Notificações', 'Mensagens']);
    expect(readDiagnostics(pt, 'home', 'unknown').checks).toEqual([
      { id: 'language', found: false },
    ]);
    const en = noLang(['Home', 'Search', 'Create', 'Settings']);
    expect(readDiagnostics(en, 'home', 'unknown').checks).toEqual([
      { id: 'language', found: true },
    ]);
    expect(readDiagnostics(noLang([]), 'home', 'unknown').checks).toEqual([]);
  });

  it('the practice profile without lang= is read as English', () => {
    const { doc } = page('practice/facebook/profile-unknown-button.html');
    expect(languageOfWords(doc)).toBe('en');
  });
});
