import { NavLink } from 'react-router';

const links = [
  { to: '/data', label: 'Data' },
  { to: '/notifications', label: 'Notifications' },
  { to: '/chat', label: 'Chat' },
  { to: '/lab', label: 'Lab' },
] as const;

/** NavLink marks the active page with aria-current="page"; the stylesheet keys off that, not a class. */
export function MainNav() {
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {links.map(({ to, label }) => (
          <li key={to}>
            <NavLink to={to}>{label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
