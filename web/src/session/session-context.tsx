import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../api-client/endpoints.js';
import { ApiError, setSessionLostHandler } from '../api-client/http.js';
import type { SessionUser } from '../api-client/types.js';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; user: SessionUser };

interface SessionValue {
  state: SessionState;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    setSessionLostHandler(() => setState({ status: 'anonymous' }));
    api
      .me()
      .then(({ user }) => setState({ status: 'authenticated', user }))
      .catch((error: unknown) => {
        // Anything but "not logged in" is still shown as the login page; the form reports errors.
        if (!(error instanceof ApiError)) console.error(error);
        setState({ status: 'anonymous' });
      });
    return () => setSessionLostHandler(undefined);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const { user } = await api.login(username, password);
    setState({ status: 'authenticated', user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** The logged-in account; only for components rendered behind RequireSession. */
export function useCurrentUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser outside an authenticated route');
  return state.user;
}

export function useCan(permission: SessionUser['permissions'][number]): boolean {
  return useCurrentUser().permissions.includes(permission);
}
