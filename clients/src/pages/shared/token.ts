/**
 * The partner token, kept for the browser tab only (sessionStorage: closing the tab signs out,
 * and another site cannot read it). The pages read its claims only to know who is signed in
 * and what to offer; the gateway verifies it on every request.
 */
const KEY = 'pass-numerique.token';

export interface TokenClaims {
  organisationId: string;
  role: string;
  programmeIds: string[];
  expiresAt: number | null;
}

export function readClaims(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    if (typeof json.sub !== 'string' || typeof json.role !== 'string') return null;
    return {
      organisationId: json.sub,
      role: json.role,
      programmeIds: Array.isArray(json.programmes) ? json.programmes.map(String) : [],
      expiresAt: typeof json.exp === 'number' ? json.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}

export const savedToken = (): string | null => sessionStorage.getItem(KEY);
export const saveToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);
