// Hash routes, so any static host serves every screen from one index.html.

export type Route =
  | { name: 'home' }
  | { name: 'which-track' }
  | { name: 'custom' }
  | { name: 'loop'; sessionId: string }
  | { name: 'review'; sessionId: string }
  | { name: 'history' }
  | { name: 'settings' }
  | { name: 'practice' }
  | { name: 'practice-kind'; kind: string }
  /** fresh: start a new session even if one for this template is in progress. */
  | { name: 'practice-template'; kind: string; templateId: string; fresh?: boolean }
  | { name: 'not-found'; path: string };

const SEGMENT = /^[A-Za-z0-9_-]+$/;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.some((p) => p === null || !SEGMENT.test(p))) return { name: 'not-found', path };
  const [a, b, c, d, ...rest] = parts as string[];
  if (rest.length) return { name: 'not-found', path };
  if (d !== undefined) {
    return a === 'practice' && b && c && d === 'new'
      ? { name: 'practice-template', kind: b, templateId: c, fresh: true }
      : { name: 'not-found', path };
  }
  if (!a) return { name: 'home' };
  if (a === 'which-track' && !b) return { name: 'which-track' };
  if (a === 'custom' && !b) return { name: 'custom' };
  if (a === 'history' && !b) return { name: 'history' };
  if (a === 'settings' && !b) return { name: 'settings' };
  if (a === 'loop' && b && !c) return { name: 'loop', sessionId: b };
  if (a === 'review' && b && !c) return { name: 'review', sessionId: b };
  if (a === 'practice') {
    if (!b) return { name: 'practice' };
    if (!c) return { name: 'practice-kind', kind: b };
    return { name: 'practice-template', kind: b, templateId: c };
  }
  return { name: 'not-found', path };
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'which-track':
      return '#/which-track';
    case 'custom':
      return '#/custom';
    case 'history':
      return '#/history';
    case 'settings':
      return '#/settings';
    case 'loop':
      return `#/loop/${route.sessionId}`;
    case 'review':
      return `#/review/${route.sessionId}`;
    case 'practice':
      return '#/practice';
    case 'practice-kind':
      return `#/practice/${route.kind}`;
    case 'practice-template':
      return `#/practice/${route.kind}/${route.templateId}${route.fresh ? '/new' : ''}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

export function navigate(route: Route, { replace = false } = {}): void {
  const h = href(route);
  if (replace) window.location.replace(h);
  else window.location.hash = h;
}
