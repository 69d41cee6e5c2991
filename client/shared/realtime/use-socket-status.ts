import { useSyncExternalStore } from 'react';
import { socketConnection, type SocketStatus } from './socket-connection';

export function useSocketStatus(): SocketStatus {
  return useSyncExternalStore(socketConnection.subscribe, socketConnection.getStatus, socketConnection.getStatus);
}
