import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, ServerError, type TypedDocumentNode } from '@apollo/client/core';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import { Role } from '@pass/access';
import { documentHash } from '@pass/gateway';
import { operationsDir, partnerOperations, persistedDocuments, typedOperations } from '@pass/clients';
import { startTestHub, type TestHub } from '@pass/test-kit';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hash GraphQL Code Generator embedded in a typed document. */
const embeddedHash = (document: unknown) => (document as { __meta__?: { hash?: string } }).__meta__?.hash;

describe('persisted operations in production mode', () => {
  let hub: TestHub;
  let funder: string;
  let coordinator: string;
  const registered = partnerOperations().find((o) => o.name === 'coordinator-programme')!;

  beforeAll(async () => {
    hub = await startTestHub({ demo: true, persistedOnly: true });
    funder = await hub.tokenFor({ role: Role.FUNDER, organisationId: hub.demo!.funders.cso });
    coordinator = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'cso-team', programmeIds: [hub.demo!.programmes.cso] });
  });
  afterAll(() => hub?.close());

  const post = (token: string, body: unknown) =>
    fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

  /** Apollo Client as a partner frontend would set it up; every request body it sends is kept. */
  function apolloClient(token: string, options: { persisted: boolean }) {
    const sent: Record<string, unknown>[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const http = new HttpLink({ uri: hub.gatewayUrl, headers: { authorization: `Bearer ${token}` }, fetch: recordingFetch });
    // The generated documents carry their registered hash; a document without one (not generated)
    // falls back to the SHA-256 of its printed text, as automatic persisted queries do.
    const persisted = new PersistedQueryLink({ generateHash: (document) => embeddedHash(document) ?? sha256(print(document)) });
    const client = new ApolloClient({ link: options.persisted ? ApolloLink.from([persisted, http]) : http, cache: new InMemoryCache() });
    return { client, sent };
  }

  test('the registered operations are those GraphQL Code Generator wrote from the .graphql files under clients/operations', () => {
    const files = readdirSync(operationsDir).filter((f) => f.endsWith('.graphql')).sort().map((f) => f.replace(/\.graphql$/, ''));
    expect(partnerOperations().map((o) => o.name)).toEqual(files);
    expect(files).toEqual(expect.arrayContaining(['coordinator-programme', 'distributor-books', 'funder-programme', 'venue-sessions']));
    const manifest = persistedDocuments();
    const typed = typedOperations as unknown as Record<string, TypedDocumentNode | undefined>;
    const generated = partnerOperations().map((operation) => {
      const definition = parse(operation.document).definitions[0] as OperationDefinitionNode;
      return typed[`${definition.name!.value}Document`]!;
    });
    expect(generated.map(embeddedHash).sort()).toEqual(Object.keys(manifest).sort());
    // Each file, each typed document as a client prints it, and its manifest entry share one hash.
    for (const [i, operation] of partnerOperations().entries()) {
      const hash = embeddedHash(generated[i])!;
      expect(documentHash(operation.document)).toBe(hash);
      expect(documentHash(print(generated[i]!))).toBe(hash);
      expect(sha256(manifest[hash]!)).toBe(hash);
    }
  });

  test('Apollo Client sends a registered operation by its hash alone, and it runs', async () => {
    const { client, sent } = apolloClient(coordinator, { persisted: true });
    const { data } = await client.query({ query: typedOperations.CoordinatorProgrammeDocument, variables: { programmeId: hub.demo!.programmes.cso }, fetchPolicy: 'no-cache' });
    expect(data?.programme.name).toBe('Pass numérique Creil Sud Oise');
    expect(data?.programme.vouchersRedeemed).toBe(25);
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toHaveProperty('query');
    expect(sent[0]!.extensions).toMatchObject({ persistedQuery: { version: 1, sha256Hash: embeddedHash(typedOperations.CoordinatorProgrammeDocument) } });
  });

  test('Apollo Client sends a registered operation as the full text it prints, and it runs', async () => {
    const { client, sent } = apolloClient(funder, { persisted: false });
    const { data } = await client.query({ query: typedOperations.FunderProgrammesDocument, variables: { funderId: hub.demo!.funders.cso }, fetchPolicy: 'no-cache' });
    expect(data?.funder.programmes.map((p) => p.name)).toContain('Pass numérique Creil Sud Oise');
    expect(sent).toHaveLength(1);
    const text = sent[0]!.query as string;
    // Not the file's text nor the manifest's: the client's own printing, with `__typename`s.
    expect(text).not.toBe(partnerOperations().find((o) => o.name === 'funder-programme')!.document);
    expect(Object.values(persistedDocuments())).not.toContain(text);
    expect(text).toContain('__typename');
  });

  test('Apollo Client with an unregistered document: not found by hash, then refused as text (403 PERSISTED_OPERATION_REQUIRED)', async () => {
    const { client, sent } = apolloClient(funder, { persisted: true });
    const unregistered: TypedDocumentNode<{ programmes: { id: string; name: string }[] }> = parse('query Everything { programmes { id name } }');
    const failure = await client.query({ query: unregistered, fetchPolicy: 'no-cache' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(ServerError);
    expect((failure as ServerError).statusCode).toBe(403);
    expect(JSON.parse((failure as ServerError).bodyText).errors[0].extensions.code).toBe('PERSISTED_OPERATION_REQUIRED');
    // The persisted-query link tried the hash first, then the text with it.
    expect(sent.map((body) => typeof body.query)).toEqual(['undefined', 'string']);
  });

  test('an unregistered operation from a partner role is refused with 403', async () => {
    const response = await post(funder, { query: '{ programmes { id name } }' });
    expect(response.status).toBe(403);
    expect((await response.json()).errors[0].extensions.code).toBe('PERSISTED_OPERATION_REQUIRED');
  });

  test('a registered document with one more field is another document, refused', async () => {
    const response = await post(coordinator, { query: registered.document.replace('territory', 'territory validUntil'), variables: { programmeId: hub.demo!.programmes.cso } });
    expect(response.status).toBe(403);
  });

  test('the same refusal over GET', async () => {
    const response = await fetch(`${hub.gatewayUrl}?query=${encodeURIComponent('{ programmes { id } }')}`, {
      headers: { authorization: `Bearer ${funder}`, 'apollo-require-preflight': '1' },
    });
    expect(response.status).toBe(403);
  });

  test('the file text (comments included), the hash alone, and the hash as a document id all run the registered operation', async () => {
    const variables = { programmeId: hub.demo!.programmes.cso };
    const hash = documentHash(registered.document)!;
    const byText = await post(funder, { query: registered.document, variables });
    expect(byText.status).toBe(200);
    const byHash = await post(funder, { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(byHash.status).toBe(200);
    const byPrefixedHash = await post(funder, { variables, extensions: { persistedQuery: { version: 1, sha256Hash: `sha256:${hash}` } } });
    expect(byPrefixedHash.status).toBe(200);
    const [a, b, c] = [await byText.json(), await byHash.json(), await byPrefixedHash.json()];
    expect(a.data.programme.name).toBe('Pass numérique Creil Sud Oise');
    // The registered form adds `__typename`s; otherwise the answers are the same.
    const { __typename, ...withoutTypename } = b.data.programme;
    expect(__typename).toBe('Programme');
    expect(withoutTypename.vouchersRedeemed).toBe(a.data.programme.vouchersRedeemed);
    expect(withoutTypename.name).toBe(a.data.programme.name);
    expect(c).toEqual(b);
  });

  test('an unknown hash, or a text that does not match its hash, is a 400', async () => {
    const unknown = await post(funder, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const mismatch = await post(funder, { query: '{ programmes { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(registered.document) } } });
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  test('an analyst may still run ad hoc queries', async () => {
    const response = await post(await hub.tokenFor({ role: Role.ANALYST }), { query: '{ programmes { name } }' });
    expect(response.status).toBe(200);
    expect((await response.json()).data.programmes).toHaveLength(4);
  });
});
