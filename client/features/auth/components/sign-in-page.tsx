// Where the person goes after signing in is decided by the guest-only route guard: as soon as `me` holds
// a user it sends them to their return path, so this page does not navigate itself.
import { Link } from 'react-router';
import { useLogin } from '../api/login';
import { useReturnToLink } from '../hooks/use-return-to-link';
import { AuthLayout } from './auth-layout';
import { CredentialsForm } from './credentials-form';

export function SignInPage() {
  const loginMutation = useLogin();
  const registerLink = useReturnToLink('/register');

  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          New to Switchboard? <Link to={registerLink}>Create an account</Link>
        </>
      }
    >
      <CredentialsForm mode="sign-in" submit={loginMutation.mutateAsync} isPending={loginMutation.isPending} />
    </AuthLayout>
  );
}
