/**
 * GraphQL over HTTP for the pages: every request carries the token and names a registered
 * operation by its hash, so the pages work when the gateway accepts persisted operations only.
 * Failures become an ApiError with a French message fit for the screen: never a stack, never
 * the raw answer (those go to the console for whoever debugs).
 */
export interface Operation {
  text: string;
  hash: string;
}

export type ApiFailure = 'auth' | 'forbidden' | 'network' | 'busy' | 'server';

const MESSAGES: Record<ApiFailure, string> = {
  auth: 'Jeton refusé ou expiré : reconnectez-vous avec un jeton valide.',
  forbidden: "Ce jeton n'a pas accès à ces données.",
  network: 'Le service ne répond pas. Vérifiez la connexion puis réessayez.',
  busy: 'Trop de demandes en peu de temps : patientez quelques secondes puis réessayez.',
  server: 'Le service a rencontré une erreur. Réessayez dans un instant.',
};

export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(MESSAGES[failure]);
  }
}

interface Answer<T> {
  data?: T;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

async function post<T>(token: string, body: unknown): Promise<{ status: number; answer: Answer<T> }> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network');
  }
  let answer: Answer<T> = {};
  try {
    answer = (await response.json()) as Answer<T>;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  return { status: response.status, answer };
}

export async function request<T>(token: string, operation: Operation, variables: Record<string, unknown> = {}): Promise<T> {
  const persisted = { persistedQuery: { version: 1, sha256Hash: operation.hash } };
  let { status, answer } = await post<T>(token, { variables, extensions: persisted });
  // A gateway that does not know the hash still accepts the registered text itself.
  if (answer.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
    ({ status, answer } = await post<T>(token, { query: operation.text, variables }));
  }
  if (status === 401) throw new ApiError('auth');
  if (status === 429) throw new ApiError('busy');
  const codes = (answer.errors ?? []).map((e) => e.extensions?.code);
  if (status >= 500 || !answer.data || codes.length > 0) {
    if (answer.errors) console.warn('GraphQL errors', answer.errors);
    if (codes.includes('FORBIDDEN')) throw new ApiError('forbidden');
    if (codes.includes('UNAUTHENTICATED')) throw new ApiError('auth');
    throw new ApiError('server');
  }
  return answer.data;
}
