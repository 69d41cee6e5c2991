import { describeError } from '../../../shared/api/describe-error';
import { useLogout } from '../api/logout';

export function SignOutButton() {
  const logoutMutation = useLogout();

  return (
    <div className="sign-out">
      <button
        type="button"
        className="button"
        onClick={() => logoutMutation.mutate()}
        disabled={logoutMutation.isPending}
      >
        {logoutMutation.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {logoutMutation.isError && (
        <p className="inline-error" role="alert">
          {describeError(logoutMutation.error)}
        </p>
      )}
    </div>
  );
}
