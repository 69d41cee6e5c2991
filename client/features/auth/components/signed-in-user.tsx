import type { User } from '../../../../server/contract/auth';

/** The signed-in username, with a badge only for admins: most people need no reminder that they are users. */
export function SignedInUser({ user }: { user: User }) {
  return (
    <p className="signed-in-user">
      <span className="visually-hidden">Signed in as </span>
      <span className="username">{user.username}</span>
      {user.role === 'admin' && <span className="badge">Admin</span>}
    </p>
  );
}
