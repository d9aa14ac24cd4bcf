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
    const created = await hub.graphql('mutation { registerFunder(name: "Département de l\'Oise", kind: DEPARTMENT) { id } }');
    const funderId = created.body.data.registerFunder.id;
    const { body } = await hub.graphql('query { auditLog(first: 10) { seq at subgraph organisationId role action recordType recordId } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.auditLog[0]).toMatchObject({
      subgraph: 'programmes',
      organisationId: 'operator',
      role: 'operator',
      action: 'mutation:registerFunder',
      recordId: funderId,
    });
    expect(Date.now() - new Date(body.data.auditLog[0].at).getTime()).toBeLessThan(60_000);
  });

  test('only the operator reads it', async () => {
    const { body } = await hub.graphqlAs(await hub.tokenFor({ role: Role.ANALYST }), 'query { auditLog { seq } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('the log cannot be changed, even by a subgraph with SQL access', async () => {
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
