// Creates a public room and opens it. Names follow the contract's pattern; a taken name (409) is said plainly.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ROOM_NAME_PATTERN } from '../../../../server/contract/chat';
import { isApiError } from '../../../shared/api/api-error';
import { describeError } from '../../../shared/api/describe-error';
import { TextField } from '../../../shared/components/text-field';
import { useCreateRoom } from '../api/create-room';

const namePattern = new RegExp(ROOM_NAME_PATTERN);

export function NewRoomForm() {
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const create = useCreateRoom();
  const navigate = useNavigate();
  const error = invalid
    ? 'Use 2–32 lower-case letters, digits or "-", not starting with "-".'
    : isApiError(create.error, 'conflict')
      ? `A room named "${name}" already exists.`
      : create.error
        ? describeError(create.error)
        : undefined;

  return (
    <form
      className="chat-side-form"
      aria-label="New room"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = name.trim().toLowerCase();
        if (!namePattern.test(clean)) return setInvalid(true);
        create.mutate(clean, {
          onSuccess: (room) => {
            setName('');
            void navigate(`/chat?room=${room.id}`);
          },
        });
      }}
    >
      <h2 className="chat-rooms-heading">New room</h2>
      <TextField
        label="Room name"
        value={name}
        error={error}
        autoComplete="off"
        onChange={(e) => {
          setName(e.target.value);
          setInvalid(false);
          create.reset();
        }}
      />
      <button type="submit" className="button button-small" disabled={create.isPending}>
        Create room
      </button>
    </form>
  );
}
