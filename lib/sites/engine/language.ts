// The page's language from its own words, for a page whose <html> names none
// (Facebook often omits lang=; issue 16, real pages saved 2022-2026). Without it
// a Portuguese "Seguir" would be read as the Spanish one by chance. Only the
// navigation, header and action-bar labels are read: a few dozen short texts,
// never the posts, and never a name kept.

/** What the words say: a language the tables cover, 'other' (one they do not), or null (no decision). */
export type WordsLanguage = 'en' | 'es' | 'other' | null;

// Words the sites' navigation and action bars show, each in one language only (a
// word two languages share, such as "Seguir", "Amigos", "Enviar", or the French
// "Messages" and "Notifications", decides nothing and is left out). Sources: the sites' own menus and buttons as the
// label tables list them (lib/sites/*/actions.ts, posts.ts, profile-owner.ts,
// 2026-11), and the common words of each language (articles, "your", "more");
// the Portuguese, French, German and Italian words are inferred (2026-12), from
// no capture: they are there so that such a page is "not recognized".
const WORDS: Readonly<Record<'en' | 'es' | 'pt' | 'fr' | 'de' | 'it', string>> = {
  en: `home search create more like comment share friends friend add follow followers following
    posts post settings see all your you and the of profile explore about edit stories send
    requests groups`,
  es: `inicio buscar búsqueda notificaciones notificación mensajes mensaje crear más gusta
    compartir agregar añadir seguidos siguiendo publicaciones publicación configuración menú
    tus el los las del con historia información opciones solicitudes`,
  pt: `início pesquisar notificações mensagens mensagem criar mais curtir compartilhar adicionar
    seguindo publicações configurações você seu sua seus não do da dos das com história
    informações opções página inicial`,
  fr: `accueil rechercher suivre ajouter partager paramètres abonnés amis ami vos votre plus
    j'aime commenter envoyer`,
  de: `startseite suchen folgen hinzufügen teilen einstellungen abonnenten freunde freund
    nachricht kommentieren gefällt mehr`,
  it: `cerca notifiche messaggio messaggi segui condividi aggiungi amici impostazioni altro
    commenta`,
};

const LANGUAGE_OF_WORD: ReadonlyMap<string, keyof typeof WORDS> = new Map(
  (Object.entries(WORDS) as [keyof typeof WORDS, string][]).flatMap(([language, words]) =>
    words
      .trim()
      .split(/\s+/)
      .map((w) => [w, language] as const),
  ),
);

// A letter of a script other than Latin (Han, Cyrillic, Arabic, Hangul, ...): a
// page in such a language is none Clearline reads, whatever English bits it shows.
const NOT_LATIN = /(?!\p{Script=Latin})\p{L}/u;

// Where the site's own words are: navigation, the top bar, a profile header and
// its action bar. Not the feed: posts are in any language.
const LABELLED = [
  'nav [aria-label]',
  '[role="navigation"] [aria-label]',
  '[role="banner"] [aria-label]',
  'header button',
  'header [role="button"]',
  '[role="main"] [role="button"][aria-label]',
  'main [role="button"][aria-label]',
].join(', ');
// Enough words to decide; a page shows its menu first.
const MAX_ELEMENTS = 40;
const MAX_TEXT = 60;
// A decision needs this many distinct words of one language, and more than any other has.
const MIN_WORDS = 2;

function labelOf(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria !== null && aria.trim() !== '') return aria;
  const text = el.textContent ?? '';
  return text.length > MAX_TEXT ? '' : text;
}

/**
 * Counts distinct words of each language in the labels; the language with at
 * least MIN_WORDS and more than every other wins. Any other language (or script)
 * winning is 'other'; a tie or too few words is null.
 */
export function languageOfLabels(labels: readonly string[]): WordsLanguage {
  const seen = new Set<string>();
  const counts = { en: 0, es: 0, other: 0 };
  for (const label of labels) {
    if (NOT_LATIN.test(label)) {
      counts.other += 1;
      continue;
    }
    for (const word of label
      .normalize('NFC')
      .toLowerCase()
      .split(/[^\p{L}']+/u)) {
      const language = LANGUAGE_OF_WORD.get(word);
      if (!language || seen.has(word)) continue;
      seen.add(word);
      if (language === 'en' || language === 'es') counts[language] += 1;
      else counts.other += 1;
    }
  }
  const ranked = (['en', 'es', 'other'] as const)
    .map((language) => [language, counts[language]] as const)
    .sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < MIN_WORDS || first[1] === second?.[1]) return null;
  return first[0];
}

/** The language the page's navigation and header labels are in (see languageOfLabels). */
export function languageOfWords(doc: Document): WordsLanguage {
  const labels: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(LABELLED))) {
    if (labels.length >= MAX_ELEMENTS) break;
    const label = labelOf(el);
    if (label.trim() !== '') labels.push(label);
  }
  return languageOfLabels(labels);
}

interface Reading {
  readonly first: Element | null;
  readonly at: number;
  readonly language: WordsLanguage;
}
const READINGS = new WeakMap<Document, Reading>();
// An undecided page (still rendering its menu) is read again after this long.
const UNDECIDED_FOR_MS = 1_000;

/**
 * languageOfWords, remembered per document: this runs on every press and hover.
 * A decided language holds while the page's top element stays (a single-page app
 * keeps it; a new page replaces it).
 */
export function pageWordsLanguage(doc: Document): WordsLanguage {
  const first = doc.body?.firstElementChild ?? null;
  const now = Date.now();
  const last = READINGS.get(doc);
  if (last && last.first === first && (last.language !== null || now - last.at < UNDECIDED_FOR_MS))
    return last.language;
  const language = languageOfWords(doc);
  READINGS.set(doc, { first, at: now, language });
  return language;
}
