import React, { type ReactNode } from 'react';

export interface StaffPageProps {
  title: string;
  /** Links to the other staff pages. */
  nav?: { href: string; label: string }[];
  /** The local sign-in's state (useLocalSignIn). */
  signedIn: { me: { name: string } | null; error: string | null };
  /** What the header says once signed in; default "Signed in as <name>". */
  who?: (name: string) => ReactNode;
  pageClass?: string;
  mainClass?: string;
  children: ReactNode;
}

/**
 * The frame of the local staff pages (library, monitor, privacy): a header with the title, the
 * other pages and who is signed in, and the sign-in's failure said once, as an alert.
 */
export function StaffPage({ title, nav, signedIn: { me, error }, who, pageClass = 'library-page', mainClass = 'library-page__main', children }: StaffPageProps) {
  return (
    <div className={pageClass}>
      <header className="topbar">
        <h1>{title}</h1>
        {nav && (
          <nav aria-label="Pages" className="library-page__nav">
            {nav.map((l) => (
              <a key={l.href} href={l.href}>
                {l.label}
              </a>
            ))}
          </nav>
        )}
        <p data-testid="signed-in-as">{me ? (who ? who(me.name) : `Signed in as ${me.name}`) : error ? '' : 'Signing in…'}</p>
      </header>
      <main className={mainClass}>
        {error && (
          <p className="vx-error" role="alert">
            Could not sign in: {error}
          </p>
        )}
        {children}
      </main>
    </div>
  );
}
