import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <article className="page">
      <title>Page not found · Switchboard</title>
      <header className="page-header">
        <h1>Page not found</h1>
      </header>
      <section className="card">
        <p>
          There is no page at <code>{pathname}</code>. It may have moved, or the address may be mistyped.
        </p>
        <p>
          <Link to="/data">Go to Data</Link>
        </p>
      </section>
    </article>
  );
}
