// Unit tests run outside any extension: webextension-polyfill would refuse to
// load, so its import resolves here, to WXT's in-memory fake of the same API.
import { fakeBrowser } from 'wxt/testing/fake-browser';

export default fakeBrowser;
