import { useMe } from '../../features/auth/api/get-me';
import { ChatPage } from '../../features/chat/components/chat-page';

/** Features do not know each other: the app tells the chat page who is signed in (known here: inside the shell). */
export function ChatRoute() {
  const { data: user } = useMe();
  if (!user) return null;
  return <ChatPage me={{ id: user.id, username: user.username, isAdmin: user.role === 'admin' }} />;
}
