/**
 * Where a checkout sends the person: only an http(s) address is followed or linked (a provider's answer is
 * still data from outside the app); a `weixin://` code is only ever drawn as a QR code.
 */
export function navigableUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
