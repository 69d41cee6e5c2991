import type { ReactNode } from 'react';

interface PlaceholderPageProps {
  title: string;
  children: ReactNode;
}

/** A page whose feature is not built yet. It says what is coming and shows no invented data. */
export function PlaceholderPage({ title, children }: PlaceholderPageProps) {
  return (
    <article className="page">
      <title>{`${title} · Switchboard`}</title>
      <header className="page-header">
        <h1>{title}</h1>
        <span className="badge badge-muted">Coming soon</span>
      </header>
      <section className="card placeholder-card">{children}</section>
    </article>
  );
}
