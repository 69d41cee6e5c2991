// Opens (or finds) the direct room with another user by username.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Room } from '../../../../server/contract/chat';
import { api } from '../../../shared/api/api-client';
import { chatKeys } from './chat-keys';
import { addRoom } from './list-rooms';

export const openDirectRoom = (username: string): Promise<Room> => api.post<Room>('/api/rooms/direct', { username });

export function useOpenDirectRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: chatKeys.openDirect(),
    mutationFn: openDirectRoom,
    onSuccess: (room) => addRoom(queryClient, { ...room, member: true, last_read_seq: 0, unread: 0 }),
  });
}
