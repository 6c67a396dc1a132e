/** The content codings a paper is sent in, best first. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

const PREFERRED: readonly Exclude<ContentCoding, 'identity'>[] = ['br', 'gzip'];

/**
 * The coding to answer an `Accept-Encoding` header with (RFC 9110 § 12.5.3): brotli, then gzip, when the client
 * accepts it with a quality above zero (directly or through `*`), else the body as it is. No header means
 * identity: a client that says nothing is not sent bytes it may not decode.
 */
export function chooseContentCoding(acceptEncoding: string | undefined): ContentCoding {
  if (acceptEncoding === undefined || acceptEncoding.trim() === '') return 'identity';
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    if (name === '') continue;
    const q = params.find((param) => param.toLowerCase().startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    quality.set(name.toLowerCase(), Number.isFinite(value) ? value : 0);
  }
  const wildcard = quality.get('*');
  for (const coding of PREFERRED) {
    const q = quality.get(coding) ?? wildcard ?? 0;
    if (q > 0) return coding;
  }
  return 'identity';
}
