import { safeReturnPath } from '../../shared/navigation/safe-return-path';

export const SIGN_IN_PATH = '/sign-in';
export const HOME_PATH = '/data';
const GUEST_PATHS = [SIGN_IN_PATH, '/register'];

/**
 * Where a person goes once signed in: their return path when it is a page of this app, otherwise home.
 * A return path back to a guest-only screen would bounce forever, so it counts as no return path.
 */
export function afterSignInPath(returnTo: string | null): string {
  const path = safeReturnPath(returnTo, HOME_PATH);
  const pathname = path.split(/[?#]/, 1)[0] ?? path;
  return GUEST_PATHS.includes(pathname) ? HOME_PATH : path;
}
