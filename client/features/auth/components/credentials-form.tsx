// Shared by sign-in and registration. Labels and button names are stable on purpose: people and
// end-to-end tests both find the fields by "Username" and "Password".
import type { Credentials } from '../../../../server/contract/auth';
import { PASSWORD_MIN_LENGTH } from '../../../../server/contract/auth';
import { TextField } from '../../../shared/components/text-field';
import { useCredentialsForm } from '../hooks/use-credentials-form';
import type { CredentialsMode } from './credentials-validation';

interface CredentialsFormProps {
  mode: CredentialsMode;
  submit: (credentials: Credentials) => Promise<unknown>;
  isPending: boolean;
}

const copy = {
  'sign-in': { submit: 'Sign in', pending: 'Signing in…', passwordAutocomplete: 'current-password' },
  register: { submit: 'Create account', pending: 'Creating account…', passwordAutocomplete: 'new-password' },
} as const;

export function CredentialsForm({ mode, submit, isPending }: CredentialsFormProps) {
  const { values, setValue, fieldErrors, formError, usernameRef, passwordRef, alertRef, handleSubmit } =
    useCredentialsForm(mode, submit);
  const text = copy[mode];
  const isRegister = mode === 'register';

  return (
    <form className="credentials-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      {formError && (
        <div ref={alertRef} className="form-alert" role="alert" tabIndex={-1}>
          {formError}
        </div>
      )}
      <TextField
        ref={usernameRef}
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={values.username}
        onChange={(event) => setValue('username', event.target.value)}
        error={fieldErrors.username}
        hint={isRegister ? '3–32 characters: letters a–z, digits, “_”, “.” or “-”.' : undefined}
      />
      <TextField
        ref={passwordRef}
        label="Password"
        name="password"
        type="password"
        autoComplete={text.passwordAutocomplete}
        required
        minLength={isRegister ? PASSWORD_MIN_LENGTH : undefined}
        value={values.password}
        onChange={(event) => setValue('password', event.target.value)}
        error={fieldErrors.password}
        hint={isRegister ? `At least ${PASSWORD_MIN_LENGTH} characters.` : undefined}
      />
      <button type="submit" className="button button-primary" disabled={isPending} aria-busy={isPending || undefined}>
        {isPending ? text.pending : text.submit}
      </button>
    </form>
  );
}
