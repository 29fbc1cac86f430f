// The practice site of a test build. Production builds and unit tests have none;
// a build made with CLEARLINE_TEST_SITE=<folder> (tests/unit/test-site-build.test.ts)
// resolves this module to that folder's site.ts instead (wxt.config.ts).
import type { SiteInfo } from './registry';

export const testBuildSite: SiteInfo | null = null;
