import { useEffect, useSyncExternalStore } from 'react';
import { chatConnection, type ChatConnectionState } from '../api/chat-connection';

/** Holds the /chat socket open while the calling component is mounted. */
export function useChatConnectionHold(): void {
  useEffect(() => chatConnection.acquire(), []);
}

export function useChatConnectionState(): ChatConnectionState {
  return useSyncExternalStore(chatConnection.subscribe, chatConnection.getState, chatConnection.getState);
}
