import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import { Role } from '@pass/access';
import { readSupergraph } from '@pass/schema';
import { startTestHub, type TestHub } from '@pass/test-kit';

describe('audit log', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  test('every mutation is appended with who, what, when and which record, and the operator can read it', async () => {
    const created = await hub.graphql('mutation { registerFunder(input: { name: "Département de l\'Oise", kind: DEPARTMENT }) { funder { id } } }');
    const funderId = created.body.data.registerFunder.funder.id;
    const { body } = await hub.graphql('query { auditLog(first: 10) { nodes { seq at subgraph organisationId role action recordType recordId } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.auditLog.nodes[0]).toMatchObject({
      subgraph: 'programmes',
      organisationId: 'operator',
      role: 'operator',
      action: 'mutation:registerFunder',
      recordId: funderId,
    });
    expect(Date.now() - new Date(body.data.auditLog.nodes[0].at).getTime()).toBeLessThan(60_000);
  });

  test('it pages back through every entry, newest first, each once', async () => {
    for (const name of ['Région Hauts-de-France', 'Métropole de Lille', 'Ville de Creil']) {
      expect((await hub.graphql(`mutation { registerFunder(input: { name: "${name}", kind: REGION }) { funder { id } } }`)).body.errors).toBeUndefined();
    }
    const query = 'query($after: String) { auditLog(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { seq action } } } }';
    const seen: { seq: string; action: string }[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(1000);
      const { body } = await hub.graphql(query, { after });
      expect(body.errors).toBeUndefined();
      const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { cursor: string; node: { seq: string; action: string } }[] } =
        body.data.auditLog;
      totalCount = page.totalCount;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      after = page.pageInfo.endCursor;
    }
    // Reading the log is not audited, so the count holds still while the pages are read.
    expect(seen).toHaveLength(totalCount);
    const seqs = seen.map((e) => BigInt(e.seq));
    expect(seqs.every((seq, i) => i === 0 || seq < seqs[i - 1]!)).toBe(true);
    expect(seen.slice(0, 3).map((e) => e.action)).toEqual(['mutation:registerFunder', 'mutation:registerFunder', 'mutation:registerFunder']);
  });

  test('a cursor of another list, or none at all, is refused naming the argument', async () => {
    const booksCursor = Buffer.from(JSON.stringify(['v1', 'books', 'VK3MQ-9TZ2X-HA4K']), 'utf8').toString('base64url');
    for (const after of [booksCursor, 'not-a-cursor']) {
      const { body } = await hub.graphql('query($after: String) { auditLog(after: $after) { totalCount } }', { after });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  test('only the operator reads it', async () => {
    const { body } = await hub.graphqlAs(await hub.tokenFor({ role: Role.ANALYST }), 'query { auditLog { nodes { seq } } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('the log cannot be changed, even by a subgraph with SQL access', async () => {
    // The append-only triggers are the subject: only SQL on the table can try what they refuse.
    const db = hub.subgraphs.programmes.dataSource;
    await expect(db.query(`update audit.entry set role = 'nobody'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from audit.entry`)).rejects.toThrow(/append-only/);
    await expect(db.query(`truncate audit.entry`)).rejects.toThrow(/append-only/);
  });

  test('the API offers no way to change it: no mutation names or returns the audit log', () => {
    const mutation = parse(readSupergraph()).definitions.find(
      (d): d is ObjectTypeDefinitionNode => d.kind === 'ObjectTypeDefinition' && d.name.value === 'Mutation',
    )!;
    const touching = mutation.fields!.filter((f) => /audit/i.test(f.name.value) || /Audit/.test(JSON.stringify(f.type)));
    expect(mutation.fields!.length).toBeGreaterThan(10);
    expect(touching.map((f) => f.name.value)).toEqual([]);
  });
});
