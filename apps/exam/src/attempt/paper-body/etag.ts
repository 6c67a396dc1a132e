/**
 * If-None-Match against one entity tag, by the weak comparison RFC 9110 § 13.1.2 asks for: a list of tags, each
 * possibly weak (`W/"…"`), or `*` for any current representation.
 */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    if (tag === '*') return true;
    return (tag.startsWith('W/') ? tag.slice(2) : tag) === etag;
  });
}
