import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, User } from '../../../../server/contract/auth';
import { api } from '../../../shared/api/api-client';
import { authKeys } from './auth-keys';

export const login = (credentials: LoginRequest): Promise<User> => api.post<User>('/api/auth/login', credentials);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // The variables include the password: do not keep them around once nobody is watching.
    gcTime: 0,
    // The response is the signed-in user, so `me` is set directly instead of being fetched again.
    onSuccess: (user) => queryClient.setQueryData(authKeys.me(), user),
  });
}
