import type { ReactNode } from 'react';

interface AuthLayoutProps {
  title: string;
  children: ReactNode;
  footer: ReactNode;
}

/** The signed-out frame: product name, one card, one way to the other screen. */
export function AuthLayout({ title, children, footer }: AuthLayoutProps) {
  return (
    <main className="auth-layout">
      <title>{`${title} · Switchboard`}</title>
      <div className="auth-card card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark" />
          Switchboard
        </p>
        <h1>{title}</h1>
        {children}
        <p className="auth-footer">{footer}</p>
      </div>
    </main>
  );
}
