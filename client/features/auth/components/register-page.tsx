// Registration signs the new account in, so the guest-only route guard moves on exactly as after sign-in.
import { Link } from 'react-router';
import { useRegister } from '../api/register';
import { useReturnToLink } from '../hooks/use-return-to-link';
import { AuthLayout } from './auth-layout';
import { CredentialsForm } from './credentials-form';

export function RegisterPage() {
  const registerMutation = useRegister();
  const signInLink = useReturnToLink('/sign-in');

  return (
    <AuthLayout
      title="Create your account"
      footer={
        <>
          Already have an account? <Link to={signInLink}>Sign in instead</Link>
        </>
      }
    >
      <CredentialsForm mode="register" submit={registerMutation.mutateAsync} isPending={registerMutation.isPending} />
    </AuthLayout>
  );
}
