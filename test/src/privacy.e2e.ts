import { Role } from '@pass/access';
import { runAnonymisation, runHubCli } from '@pass/clients';
import { startTestHub, type TestHub } from '@pass/test-kit';
import {
  distributorToken,
  gql,
  handOutFreshBook,
  redeem,
  registerDistributor,
  registerVenue,
  scheduleSessions,
  seedSmallProgramme,
  venueToken,
  type FreshBook,
} from './kit/fixtures';

/*
 * Data protection end to end: 12 months after a programme ends the anonymisation job strips every
 * beneficiary's personal data in every subgraph — no table of any schema (the event bus and the
 * audit log included) still holds a personal value afterwards — while every figure the API gives
 * (programme totals, tables by place, venue and distributor, the D-30 report, the ledger) stays
 * the same; a person's access request returns what is held about them, their erasure request
 * strips it, both only through the distributor that registered them.
 */

const year = new Date().getUTCFullYear();
/** The seeded programme ends on 31 December next year: anonymisation is due from 1 January the year after. */
const AFTER_RETENTION = new Date(`${year + 3}-01-02T12:00:00Z`);

/** Free text as venues really type it, against the rule ("never about the person"): exactly what must go. */
const person = (i: number) => ({
  note: `Mme Josiane Quérard-${i} (06 12 34 56 7${i}, josiane.querard${i}@example.org) a bien progressé`,
  skill: `Créer l'adresse josiane.querard${i}@example.org`,
  pixScore: 400 + i,
});

const FIGURES = `query($id: ID!) {
  programme(id: $id) {
    booksIssued booksAllocated booksHandedOut vouchersIssued vouchersRedeemed redeemedAmountCents outstandingAmountCents creditedBackCents
    ledger { orderedCents redeemedCents outstandingCents creditedBackCents balanced }
    redemptionsByDay { day vouchersRedeemed amountCents }
    communes: redemptionsByPlace(level: COMMUNE) { code vouchersRedeemed amountCents suppressed }
    departements: redemptionsByPlace(level: DEPARTEMENT) { code vouchersRedeemed amountCents suppressed }
    venueActivity { venue { id } vouchersRedeemed amountCents }
    distributorActivity { distributor { id } booksAllocated booksHandedOut vouchersRedeemed }
  }
  expiryReport(programmeId: $id) {
    booksIssued booksNotAllocated booksHandedOut booksNeverHandedOut booksStarted vouchersAvailable availableCents
    distributors { distributor { id } booksAllocated booksHandedOut booksNeverHandedOut booksStarted }
  }
}`;

const RECORD_OUTCOME = `mutation ($input: RecordOutcomeInput!) { recordOutcome(input: $input) { outcome { id } error { code } } }`;
const ACCESS = `query($id: ID!) { beneficiaryDataAccess(beneficiaryId: $id) { id erasedAt record vouchersHeld } }`;
const ERASE = `mutation($input: EraseBeneficiaryInput!) { eraseBeneficiary(input: $input) { erasure { id erasedAt erasedNow } error { code } } }`;

interface Hit {
  table: string;
  value: string;
}

/**
 * Every row of every table of every schema of the hub's database, as text (JSON of the row), searched
 * for each value: the list of tables comes from information_schema, so a table added later is searched too.
 */
async function search(hub: TestHub, values: string[]): Promise<Hit[]> {
  const db = hub.subgraphs.vouchers.dataSource;
  const tables: { schema: string; name: string }[] = await db.query(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const hits: Hit[] = [];
  for (const t of tables) {
    const qualified = `"${t.schema}"."${t.name}"`;
    const rows: { value: string }[] = await db.query(
      `select v as value from unnest($1::text[]) v where exists (select 1 from ${qualified} t where strpos(lower(row_to_json(t)::text), lower(v)) > 0)`,
      [values],
    );
    for (const r of rows) hits.push({ table: `${t.schema}.${t.name}`, value: r.value });
  }
  return hits;
}

describe('data protection', () => {
  let hub: TestHub;
  let programmeId: string;
  let distributorId: string;
  let venueId: string;
  let otherDistributor: string;
  const people: (FreshBook & { pseudonym: string; outcomeId: string })[] = [];

  beforeAll(async () => {
    hub = await startTestHub();
    venueId = await registerVenue(hub, { name: 'EPN Creil centre', address: '1 rue de la République', inseeCode: '60175' });
    const seeded = await seedSmallProgramme(hub, 12, venueId);
    programmeId = seeded.programmeId;
    distributorId = seeded.distributorId;
    otherDistributor = await registerDistributor(hub, { name: 'Mission locale de Creil', kind: 'MISSION_LOCALE', inseeCode: '60175' });
    await hub.catchUp();
    const sessions = await scheduleSessions(hub, venueId, 12);
    const token = await venueToken(hub, venueId);
    for (let i = 0; i < 6; i++) {
      const book = await handOutFreshBook(hub, programmeId, distributorId, { birthYear: year - 19, inseeCode: '60175', educationLevel: 'CAP_BEP', statuses: ['JOB_SEEKER'] });
      // Two vouchers of each book redeemed at two sessions; then the venue records an outcome.
      for (const code of book.voucherCodes.slice(0, 2)) expect((await redeem(hub, token, { voucherCode: code, sessionId: sessions[(i * 2 + book.voucherCodes.indexOf(code)) % 12]! })).error).toBeNull();
      const p = person(i);
      const outcome = (await gql(hub, RECORD_OUTCOME, { input: { bookCode: book.bookCode, venueId, pixScore: p.pixScore, skillsReached: [p.skill, 'Utiliser France Connect'], note: p.note } }, token)).recordOutcome;
      expect(outcome.error).toBeNull();
      // The suite proves no table keeps a personal value: it reads the tables, this pseudonym included.
      const [{ pseudonym }] = await hub.subgraphs.beneficiaries.dataSource.query('select pseudonym from beneficiary where id = $1', [book.beneficiaryId]);
      people.push({ ...book, pseudonym, outcomeId: outcome.outcome.id });
    }
    // The registering distributor reads each person's details once: audit-logged reads of their ids.
    const own = await distributorToken(hub, distributorId);
    for (const p of people) await gql(hub, 'query($id: ID!) { beneficiary(id: $id) { birthYear books { outcomes { note } } } }', { id: p.beneficiaryId }, own);
  });
  afterAll(() => hub?.close());

  const figures = async (token?: string) => gql(hub, FIGURES, { id: programmeId }, token);
  const analyst = () => hub.tokenFor({ role: Role.ANALYST });
  const personalValues = (p: (typeof people)[number], i: number) => [p.pseudonym, person(i).note, person(i).skill, `06 12 34 56 7${i}`, `josiane.querard${i}@example.org`];

  describe('access and erasure requests, through the registering distributor', () => {
    test('an access request returns everything held about the person, across subgraphs; another distributor is refused', async () => {
      const p = people[0]!;
      const access = (await gql(hub, ACCESS, { id: p.beneficiaryId }, await distributorToken(hub, distributorId))).beneficiaryDataAccess;
      expect(access.erasedAt).toBeNull();
      expect(access.record).toMatchObject({ id: p.beneficiaryId, pseudonym: p.pseudonym, birthYear: year - 19, inseeCode: '60175', educationLevel: 'CAP_BEP', statuses: ['JOB_SEEKER'], eligibleFor: [{ programmeId }] });
      expect(access.vouchersHeld.books).toHaveLength(1);
      const [book] = access.vouchersHeld.books;
      expect(book.code).toBe(p.bookCode);
      expect(book.vouchers.filter((v: { redemption: unknown }) => v.redemption !== null)).toHaveLength(2);
      expect(book.outcomes).toEqual([expect.objectContaining({ venueId, pixScore: person(0).pixScore, note: person(0).note, skillsReached: [person(0).skill, 'Utiliser France Connect'] })]);

      const other = await hub.graphqlAs(await distributorToken(hub, otherDistributor), ACCESS, { id: p.beneficiaryId });
      expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(other.body.data?.beneficiaryDataAccess ?? null).toBeNull();
    });

    test('an erasure request by another distributor is refused; by the registering one it strips everything, figures unchanged', async () => {
      const p = people[0]!;
      const before = await figures();
      const beforeAnalyst = await figures(await analyst());
      const refused = await hub.graphqlAs(await distributorToken(hub, otherDistributor), ERASE, { input: { beneficiaryId: p.beneficiaryId, distributorId: otherDistributor } });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const spoofed = await hub.graphqlAs(await distributorToken(hub, otherDistributor), ERASE, { input: { beneficiaryId: p.beneficiaryId, distributorId } });
      expect(spoofed.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await search(hub, [p.pseudonym, person(0).note])).not.toEqual([]);

      const own = await distributorToken(hub, distributorId);
      const erased = (await gql(hub, ERASE, { input: { beneficiaryId: p.beneficiaryId, distributorId } }, own)).eraseBeneficiary.erasure;
      expect(erased).toMatchObject({ id: p.beneficiaryId, erasedNow: true });
      await hub.catchUp();
      expect((await gql(hub, ERASE, { input: { beneficiaryId: p.beneficiaryId, distributorId } }, own)).eraseBeneficiary).toMatchObject({ erasure: { erasedNow: false, erasedAt: erased.erasedAt }, error: null });
      // An id no person ever had is the rules' answer, not an error.
      expect((await gql(hub, ERASE, { input: { beneficiaryId: '00000000-0000-4000-8000-000000000000', distributorId } }, own)).eraseBeneficiary)
        .toEqual({ erasure: null, error: { code: 'BENEFICIARY_NOT_FOUND' } });

      const access = (await gql(hub, ACCESS, { id: p.beneficiaryId }, own)).beneficiaryDataAccess;
      expect(access).toEqual({ id: p.beneficiaryId, erasedAt: erased.erasedAt, record: null, vouchersHeld: { books: [] } });
      expect(await search(hub, personalValues(p, 0))).toEqual([]);
      expect(await figures()).toEqual(before);
      expect(await figures(await analyst())).toEqual(beforeAnalyst);

      // Both requests are in the audit log, under the person's former id only: read in the table,
      // as this suite reads every table (the stored rows are its subject).
      const audit: { action: string; record_type: string; organisation_id: string }[] = await hub.subgraphs.vouchers.dataSource.query(
        `select action, record_type, organisation_id from audit.entry where record_id = $1 order by seq`,
        [p.beneficiaryId],
      );
      expect(audit).toEqual(expect.arrayContaining([
        { action: 'read', record_type: 'BeneficiaryDataAccess', organisation_id: distributorId },
        { action: 'mutation:eraseBeneficiary', record_type: 'Mutation', organisation_id: distributorId },
      ]));
      // The refused attempts are logged too, with no record id: the answer carried none.
      const [{ refusals }] = await hub.subgraphs.vouchers.dataSource.query(
        `select count(*)::int as refusals from audit.entry where action = 'mutation:eraseBeneficiary' and organisation_id = $1`,
        [otherDistributor],
      );
      expect(refusals).toBe(2);
    });
  });

  describe('anonymisation 12 months after the programme ends', () => {
    const dbs = () => ({ programmes: hub.subgraphs.programmes.dataSource, beneficiaries: hub.subgraphs.beneficiaries.dataSource, vouchers: hub.subgraphs.vouchers.dataSource });

    test('is refused for a programme that has not ended 12 months ago, by the job and by the CLI (exit code 4)', async () => {
      await expect(runAnonymisation(dbs(), { programmeId })).rejects.toThrow(`its beneficiaries' data is kept until ${year + 3}-01-01`);
      process.env.DATABASE_URL = (hub.subgraphs.vouchers.dataSource.options as { url?: string }).url as string;
      try {
        const run = await hubCli(['anonymise', '--programme', programmeId]);
        expect(run.code).toBe(4);
        expect(run.stderr).toContain('refused: programme "Pass numérique Creil Sud Oise" ended on');
        const help = await hubCli(['anonymise', '--help']);
        expect(help.code).toBe(0);
        expect(help.stdout).toMatch(/^npm run hub -- anonymise \[--programme <id>\] \[--dry-run\]/);
        expect(help.stdout).toContain('Exit codes:');
        expect(await hubCli(['anonymise', '--programme', 'not-a-uuid'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--programme expects a programme id') });
        expect(await hubCli(['anonymise', '--programme', '00000000-0000-4000-8000-000000000000'])).toMatchObject({ code: 4, stderr: expect.stringContaining('no programme has the id') });
        // Without --programme: nothing is due, nothing changes.
        const all = await hubCli(['anonymise']);
        expect(all).toMatchObject({ code: 0, stdout: expect.stringContaining('nothing to anonymise') });
        expect(all.stdout).toContain(`kept: "Pass numérique Creil Sud Oise" (ended ${year + 1}-12-31, due on ${year + 3}-01-01)`);
      } finally {
        delete process.env.DATABASE_URL;
      }
      expect(await search(hub, [people[1]!.pseudonym])).not.toEqual([]);
    });

    test('strips every personal value from every table of every schema, and changes no figure', async () => {
      const rest = people.slice(1);
      const values = rest.flatMap((p, i) => personalValues(p, i + 1));
      // The values are there to be found before: the search can fail.
      const found = await search(hub, values);
      expect(new Set(found.map((h) => h.table))).toEqual(new Set(['beneficiaries.beneficiary', 'vouchers.outcome']));
      const idsBefore = await search(hub, rest.map((p) => p.beneficiaryId));
      expect(idsBefore.map((h) => h.table)).toEqual(expect.arrayContaining(['audit.entry', 'beneficiaries.beneficiary', 'bus.event', 'vouchers.beneficiary_fact', 'vouchers.book']));
      const before = await figures();
      const beforeAnalyst = await figures(await analyst());

      const dry = await runAnonymisation(dbs(), { dryRun: true, now: AFTER_RETENTION });
      expect(dry).toEqual([{ programmeId, name: 'Pass numérique Creil Sud Oise', beneficiariesErased: 5, booksUnlinked: 5, outcomesStripped: 5, registrationReplicasRemoved: 5 }]);
      expect(await search(hub, values)).toEqual(found);

      const lines: string[] = [];
      const done = await runAnonymisation(dbs(), { programmeId, now: AFTER_RETENTION, log: (line) => lines.push(line) });
      expect(done).toEqual(dry);
      expect(lines[0]).toContain('anonymised: "Pass numérique Creil Sud Oise"');
      await hub.catchUp();

      expect(await search(hub, values)).toEqual([]);
      // The ids remain only where they lead to no one: the append-only audit log, the tombstones
      // (id, distributor, date) and the erasure facts on the bus.
      const idsAfter = await search(hub, rest.map((p) => p.beneficiaryId));
      expect([...new Set(idsAfter.map((h) => h.table))].sort()).toEqual(['audit.entry', 'beneficiaries.erased_beneficiary', 'bus.event']);
      const [{ n }] = await hub.subgraphs.vouchers.dataSource.query(
        `select count(*)::int as n from bus.event where topic <> 'beneficiary.erased' and payload::text like any($1::text[])`,
        [rest.map((p) => `%${p.beneficiaryId}%`)],
      );
      expect(n).toBe(0);
      const [{ left }] = await hub.subgraphs.vouchers.dataSource.query(
        `select count(*)::int as left from outcome where pix_score is not null or skills_reached <> '{}' or note is not null`,
      );
      expect(left).toBe(0);

      expect(await figures()).toEqual(before);
      expect(await figures(await analyst())).toEqual(beforeAnalyst);
      expect(before.programme.ledger.balanced).toBe(true);

      // Idempotent: a second run finds nothing left to strip.
      expect(await runAnonymisation(dbs(), { programmeId, now: AFTER_RETENTION })).toEqual([
        { programmeId, name: 'Pass numérique Creil Sud Oise', beneficiariesErased: 0, booksUnlinked: 0, outcomesStripped: 0, registrationReplicasRemoved: 0 },
      ]);
      // The books stay handed out, no longer linked to anyone.
      const { distributor } = await gql(hub, 'query($id: ID!) { distributor(id: $id) { books(first: 100) { nodes { code state beneficiary { id } } } } }', { id: distributorId });
      const handed = distributor.books.nodes.filter((b: { state: string }) => b.state === 'HANDED_OUT');
      expect(handed).toHaveLength(6);
      expect(handed.every((b: { beneficiary: unknown }) => b.beneficiary === null)).toBe(true);
    });
  });
});

/** Runs the CLI with its standard output and error captured. */
async function hubCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await runHubCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
