import { useSearchParams } from 'react-router';
import { RETURN_TO_PARAM, safeReturnPath } from '../../../shared/navigation/safe-return-path';

/** Links between sign-in and registration keep the page the person was heading for. */
export function useReturnToLink(path: '/sign-in' | '/register'): string {
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get(RETURN_TO_PARAM), '');
  return returnTo ? `${path}?${new URLSearchParams({ [RETURN_TO_PARAM]: returnTo }).toString()}` : path;
}
