// Form state for sign-in and registration: client checks first, then the server's problem, mapped onto
// the fields it names. Focus moves to the first field that needs attention so keyboard users land on it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Credentials } from '../../../../server/contract/auth';
import { ApiError } from '../../../shared/api/api-error';
import { describeError } from '../../../shared/api/describe-error';
import { fieldErrorsFromProblem } from '../../../shared/api/field-errors';
import {
  CREDENTIAL_FIELDS,
  firstInvalidField,
  normalizeUsername,
  validateCredentials,
  type CredentialErrors,
  type CredentialField,
  type CredentialsMode,
  type CredentialValues,
} from '../components/credentials-validation';

function serverFieldErrors(error: unknown): CredentialErrors {
  if (!(error instanceof ApiError)) return {};
  const byField = fieldErrorsFromProblem(error.problem);
  const errors: CredentialErrors = {};
  for (const field of CREDENTIAL_FIELDS) if (byField[field]) errors[field] = byField[field];
  return errors;
}

/** For answers about one field without naming it: where the person most likely needs to type again. */
function fieldToRevisit(error: unknown): CredentialField | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'username_taken') return 'username';
  if (error.code === 'invalid_credentials') return 'password';
  return undefined;
}

export function useCredentialsForm(mode: CredentialsMode, submit: (credentials: Credentials) => Promise<unknown>) {
  const [values, setValues] = useState<CredentialValues>({ username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<CredentialErrors>({});
  const [formError, setFormError] = useState<string>();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // Focus moves after the render that shows the messages: the alert does not exist before it.
  const [focusRequest, setFocusRequest] = useState<{ target: CredentialField | 'alert' }>();

  useEffect(() => {
    if (!focusRequest) return;
    const targets = { alert: alertRef, username: usernameRef, password: passwordRef };
    targets[focusRequest.target].current?.focus();
  }, [focusRequest]);

  const focusField = (field: CredentialField | undefined) => setFocusRequest({ target: field ?? 'alert' });

  const setValue = (field: CredentialField, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    // Once the person edits a field, its old message no longer describes what is there.
    setFieldErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(undefined);
    const clientErrors = validateCredentials(mode, values);
    setFieldErrors(clientErrors);
    const invalid = firstInvalidField(clientErrors);
    if (invalid) {
      focusField(invalid);
      return;
    }
    try {
      await submit({ username: normalizeUsername(values.username), password: values.password });
    } catch (error) {
      const errors = serverFieldErrors(error);
      setFieldErrors(errors);
      setFormError(describeError(error));
      focusField(firstInvalidField(errors) ?? fieldToRevisit(error));
    }
  };

  return { values, setValue, fieldErrors, formError, usernameRef, passwordRef, alertRef, handleSubmit };
}
