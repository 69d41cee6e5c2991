// Whether a notification's link is the page on screen: a mention in the chat room the user is reading, say.
// Such a toast would cover the page to point at what the page already shows; the bell still counts it.

/** True when `link` (an in-app path with an optional query) names the page at `location`, in any query order. */
export function linkIsShownHere(link: string | null | undefined, location: { pathname: string; search: string }): boolean {
  if (!link) return false;
  const target = new URL(link, 'http://app.invalid');
  if (target.pathname !== location.pathname) return false;
  const sorted = (search: string) => {
    const params = new URLSearchParams(search);
    params.sort();
    return params.toString();
  };
  return sorted(target.search) === sorted(location.search);
}
