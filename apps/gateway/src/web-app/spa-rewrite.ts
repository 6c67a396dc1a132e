/**
 * The web app is a single-page app: a deep link such as `/my/exams/42` or a reload inside the exam room must
 * answer its index.html, while API, health and asset paths keep their own answers (an unknown API path stays a
 * JSON 404). Decided from the URL and the Accept header only, before routing.
 */
export function spaRewrite(url: string, accept: string | undefined, method: string): string {
  if (method !== 'GET' && method !== 'HEAD') return url;
  const path = url.split('?', 1)[0] ?? url;
  if (path === '/' || path.startsWith('/api/') || path === '/api' || path.startsWith('/health')) return url;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  if (lastSegment.includes('.')) return url; // a file: /assets/index-abc.js, /favicon.svg
  if (accept === undefined || !accept.includes('text/html')) return url;
  return '/index.html';
}
