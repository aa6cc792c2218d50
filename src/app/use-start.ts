import { useState } from 'react';
import type { LoopRequest } from '../domain/plan';
import { navigate } from './routes';
import { useApp } from './store-context';

/** Creates a session for a request and opens it; reports a failure instead of throwing. */
export function useStartSession() {
  const newSession = useApp((s) => s.newSession);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async (
    request: LoopRequest,
    opts: { replace?: boolean; startNow?: boolean } = {},
  ) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const id = await newSession(request, { start: opts.startNow });
      navigate({ name: 'loop', sessionId: id }, opts);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { start, error, busy };
}
