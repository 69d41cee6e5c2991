// The sign-in screen sends people back where they came from via `?returnTo=`. That value arrives in a URL
// anyone can craft, so only paths inside this app are followed: `//evil.example` or `/\evil.example`
// would be read by the browser as another host, and `https://…` or `javascript:` obviously are not ours.

export const RETURN_TO_PARAM = 'returnTo';

function hasControlOrBackslash(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

export function safeReturnPath(candidate: string | null | undefined, fallback: string): string {
  if (!candidate) return fallback;
  if (!candidate.startsWith('/')) return fallback;
  if (candidate.startsWith('//')) return fallback;
  // URL parsers read a backslash as a slash and drop tabs and newlines, so `/\host` or `/\t/host` become `//host`.
  if (hasControlOrBackslash(candidate)) return fallback;
  try {
    const base = 'http://switchboard.invalid';
    const url = new URL(candidate, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** Builds `/sign-in?returnTo=…` for the page the person was trying to open. */
export function signInPathFor(returnTo: string, signInPath = '/sign-in'): string {
  const safe = safeReturnPath(returnTo, '/');
  if (safe === '/' || safe === signInPath) return signInPath;
  return `${signInPath}?${new URLSearchParams({ [RETURN_TO_PARAM]: safe }).toString()}`;
}
