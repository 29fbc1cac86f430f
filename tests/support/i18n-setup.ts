// Unit tests translate synchronously in every locale: register both catalogs.
import '../../lib/i18n-bundled';
