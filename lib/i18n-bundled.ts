// Both catalogs, bundled and registered at once: for the background (a service
// worker cannot import a chunk on demand) and the unit tests. Extension pages
// load only their own language's catalog (loadLocale in lib/i18n.ts).
import en from '../public/_locales/en/messages.json';
import es from '../public/_locales/es/messages.json';
import { provideCatalog } from './i18n';

provideCatalog('en', en);
provideCatalog('es', es);
