// A post's author and address, read once per post (hover, then click): kept while
// the page address and the post's first link are the same (a recycled node has another).
import type { PostInfo, SiteAdapter } from '../sites/types';

export type PostReader = (post: Element) => PostInfo;

export function createPostReader(adapter: SiteAdapter): PostReader {
  const read = new WeakMap<Element, { page: string; first: string | null; info: PostInfo }>();
  return (post) => {
    const page = location.href;
    const first = post.querySelector('a[href]')?.getAttribute('href') ?? null;
    const known = read.get(post);
    if (known && known.page === page && known.first === first) return known.info;
    const info = adapter.postInfo(post, new URL(page));
    read.set(post, { page, first, info });
    return info;
  };
}
