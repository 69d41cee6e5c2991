// Opens the direct room with a user, created on first use.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../../shared/api/describe-error';
import { TextField } from '../../../shared/components/text-field';
import { useOpenDirectRoom } from '../api/open-direct-room';

export function DirectMessageForm() {
  const [username, setUsername] = useState('');
  const open = useOpenDirectRoom();
  const navigate = useNavigate();
  return (
    <form
      className="chat-side-form"
      aria-label="Direct message"
      onSubmit={(e) => {
        e.preventDefault();
        const name = username.trim();
        if (!name) return;
        open.mutate(name, {
          onSuccess: (room) => {
            setUsername('');
            void navigate(`/chat?room=${room.id}`);
          },
        });
      }}
    >
      <h2 className="chat-rooms-heading">Direct message</h2>
      <TextField
        label="Username"
        value={username}
        error={open.error ? describeError(open.error) : undefined}
        autoComplete="off"
        onChange={(e) => {
          setUsername(e.target.value);
          open.reset();
        }}
      />
      <button type="submit" className="button button-small" disabled={open.isPending || !username.trim()}>
        Open conversation
      </button>
    </form>
  );
}
