// Town Square's addresses: /, /@<name>, /settings, /post/<id>, /inbox[/<name>],
// /search, /requests.
import { hostsFrom, pageKindOf, pathSegments } from '../../../lib/sites/engine/urls';
import type { PageKind, ProfileKey, SiteAdapter } from '../../../lib/sites/types';
import { townsquareSite } from './site';

const HOSTS = hostsFrom(townsquareSite.hosts);
const HANDLE = /^@([a-z0-9_]{2,30})$/;

export function isTownSquareUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname);
}

function first(url: URL): string | undefined {
  return isTownSquareUrl(url) ? (pathSegments(url)[0] ?? '') : undefined;
}

export const detectors = {
  home: (url) => first(url) === '',
  profile: (url) => HANDLE.test(first(url) ?? ''),
  settings: (url) => first(url) === 'settings',
  post: (url) => first(url) === 'post' && pathSegments(url).length === 2,
  messages: (url) => first(url) === 'inbox',
  search: (url) => first(url) === 'search',
  'friend-requests': (url) => first(url) === 'requests',
} as const satisfies SiteAdapter['detectors'];

export function pageKind(url: URL): PageKind {
  return pageKindOf(detectors, url);
}

export function profileKeyFromUrl(url: URL): ProfileKey | null {
  const handle = HANDLE.exec(first(url) ?? '')?.[1];
  // Its prefix is no coach's site, so not in ProfileKey's type: the registry knows it at run time.
  return handle ? (`ts:${handle}` as ProfileKey) : null;
}

export function isMessageThread(url: URL): boolean {
  return first(url) === 'inbox' && pathSegments(url).length === 2;
}
