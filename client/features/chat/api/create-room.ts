// Creates a public room (the creator joins it). A taken name is a 409 the form shows as a field error.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Room } from '../../../../server/contract/chat';
import { api } from '../../../shared/api/api-client';
import { chatKeys } from './chat-keys';
import { addRoom } from './list-rooms';

export const createRoom = (name: string): Promise<Room> => api.post<Room>('/api/rooms', { name });

export function useCreateRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: chatKeys.createRoom(),
    mutationFn: createRoom,
    onSuccess: (room) => addRoom(queryClient, { ...room, member: true, last_read_seq: 0, unread: 0 }),
  });
}
