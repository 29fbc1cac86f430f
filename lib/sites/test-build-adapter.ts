// The adapter of a test build's practice site: see ./test-build-site.ts. In a
// test build this module is that folder's index.ts.
import type { SiteAdapter } from './types';

export const testBuildAdapter: SiteAdapter | null = null;
