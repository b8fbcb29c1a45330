import { useEffect, useState } from 'react';
import { http } from './api';

export interface LocalSignIn {
  token: string;
  identity: string;
  name: string;
  roles: string[];
}

/**
 * The loopback demo sign-in every local staff page starts with (it also sets the media cookie
 * the players need): the signed-in user, or the error that stopped it.
 */
export function useLocalSignIn(role: 'agent' | 'supervisor', fetchImpl?: typeof fetch): { me: LocalSignIn | null; error: string | null } {
  const [me, setMe] = useState<LocalSignIn | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    http(null, fetchImpl)
      .post<LocalSignIn>('/api/local/sign-in', { role })
      .then(setMe)
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, [role, fetchImpl]);
  return { me, error };
}
