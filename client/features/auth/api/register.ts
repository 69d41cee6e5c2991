import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Credentials, User } from '../../../../server/contract/auth';
import { api } from '../../../shared/api/api-client';
import { authKeys } from './auth-keys';

/** Creates the account and signs it in: the server sets the session cookie on 201. */
export const register = (credentials: Credentials): Promise<User> => api.post<User>('/api/auth/register', credentials);

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    // The variables include the password: do not keep them around once nobody is watching.
    gcTime: 0,
    onSuccess: (user) => queryClient.setQueryData(authKeys.me(), user),
  });
}
