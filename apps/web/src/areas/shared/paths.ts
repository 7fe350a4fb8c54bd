/** Where to go after signing in: only same-app paths, never another origin (no open redirect). */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next === '/signin' || next.startsWith('/signin?') || next.startsWith('/signin/')) return fallback;
  if (next.startsWith('/register') || next.startsWith('/api/')) return fallback;
  return next;
}

export function signInPath(returnTo: string): string {
  const next = safeNextPath(returnTo, '');
  return next && next !== '/' ? `/signin?next=${encodeURIComponent(next)}` : '/signin';
}
