import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import './graphiql.css';

interface Tab {
  role: string;
  query: string;
  variables: string;
}

/**
 * Kept for the browser session only (sessionStorage): a token is a partner's key, and closing the
 * tab forgets it. It never enters GraphiQL's own header editor, which persists to localStorage.
 */
const TOKEN_KEY = 'pass-hub.graphiql.token';

const graphqlUrl = new URL('/graphql', window.location.href);
const subscriptionUrl = new URL(graphqlUrl);
subscriptionUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';

/** The token's claims, read for display only: the gateway is what verifies it. */
function claimsOf(token: string): { role?: string; sub?: string; exp?: number } | null {
  try {
    const payload = token.split('.')[1] ?? '';
    return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return null;
  }
}

function Page({ tabs }: { tabs: Tab[] }) {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [draft, setDraft] = useState(token);
  const fetcher = useMemo(() => {
    const authorization = token ? `Bearer ${token}` : undefined;
    return createGraphiQLFetcher({
      url: graphqlUrl.href,
      // Subscriptions (graphql-ws) on the same URL; the token goes in the connection's first message.
      subscriptionUrl: subscriptionUrl.href,
      headers: authorization ? { authorization } : {},
      wsConnectionParams: authorization ? { authorization } : {},
    });
  }, [token]);
  const use = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim().replace(/^Bearer\s+/i, '');
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
    setToken(value);
  };
  const forget = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setDraft('');
    setToken('');
  };
  const claims = token ? claimsOf(token) : null;
  const expired = claims?.exp !== undefined && claims.exp * 1000 < Date.now();
  return (
    <div className="hub-page">
      <form className="hub-token" onSubmit={use}>
        <strong>Pass numérique hub</strong>
        <label>
          Bearer token{' '}
          <input
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="a token from .data/demo-tokens.json or `npm run token`"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </label>
        <button type="submit">Use token</button>
        <button type="button" onClick={forget} disabled={!token}>
          Forget
        </button>
        <span className="hub-token-state" data-testid="token-state">
          {!token
            ? 'No token: the hub answers 401 and the schema stays hidden.'
            : claims
              ? `Signed in as ${claims.role ?? '?'} ${claims.sub ?? ''}${expired ? ' (expired)' : ''}`
              : 'This does not look like a token.'}
        </span>
      </form>
      <div className="hub-graphiql">
        <GraphiQL
          fetcher={fetcher}
          // GraphiQL fails on an empty list: without examples it opens its own default tab.
          defaultTabs={tabs.length > 0 ? tabs.map(({ query, variables }) => ({ query, variables })) : undefined}
          isHeadersEditorEnabled={false}
          shouldPersistHeaders={false}
        />
      </div>
    </div>
  );
}

async function main(): Promise<void> {
  let tabs: Tab[] = [];
  try {
    const answer = await fetch(new URL('/graphiql/operations.json', window.location.href));
    if (answer.ok) tabs = (await answer.json()) as Tab[];
  } catch {
    // GraphiQL still works without the examples.
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Page tabs={tabs} />
    </StrictMode>,
  );
}

void main();
