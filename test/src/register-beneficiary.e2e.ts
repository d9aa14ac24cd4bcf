import { parisYearOf } from '@pass/contracts';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { REGISTER_BENEFICIARY, distributorToken, gql, type PersonInput } from './kit/fixtures';

/*
 * A distributor registers a person for a programme through the gateway: refused with
 * NOT_ELIGIBLE and every reason at once, or registered. The rules on both sides of each boundary
 * are unit-tested in subgraphs/beneficiaries/src/eligibility; this checks they hold end to end.
 */
describe('registerBeneficiary through the gateway', () => {
  let hub: TestHub;
  let youthProgramme: string;
  let distributorId: string;
  const year = parisYearOf(new Date());

  beforeAll(async () => {
    hub = await startTestHub();
    const { registerFunder } = await gql(hub, `mutation { registerFunder(input: { name: "Agglomération Creil Sud Oise", kind: INTERCOMMUNALITY }) { funder { id } } }`);
    youthProgramme = await createProgramme(registerFunder.funder.id, `${year - 1}-01-01`, `${year + 1}-12-31`);
    const { registerDistributor } = await gql(
      hub,
      `mutation { registerDistributor(input: { name: "Mission locale de Creil", kind: MISSION_LOCALE, inseeCode: "60175" }) { distributor { id } } }`,
    );
    distributorId = registerDistributor.distributor.id;
    await hub.catchUp();
  });
  afterAll(() => hub?.close());

  /** The CSO rules: 16 to 25, at most the Bac, job seekers, in the Agglomération Creil Sud Oise. */
  async function createProgramme(funderId: string, validFrom: string, validUntil: string): Promise<string> {
    const { createProgramme } = await gql(hub, `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }`, {
      input: {
        name: `Pass numérique Creil Sud Oise ${validFrom}`,
        territory: ['epci:200068047'],
        eligibility: { minAge: 16, maxAge: 25, maxEducationLevel: 'BAC', statusesAnyOf: ['JOB_SEEKER'] },
        validFrom,
        validUntil,
        budgetCents: 7_850_000,
        shares: [{ funderId, basisPoints: 10000 }],
      },
    });
    return createProgramme.programme.id;
  }

  const eligible: PersonInput = { birthYear: year - 20, inseeCode: '60175', educationLevel: 'BAC', statuses: ['JOB_SEEKER'] };

  async function register(person: Partial<PersonInput>, programmeId = youthProgramme) {
    const data = await gql(
      hub,
      REGISTER_BENEFICIARY,
      { input: { ...eligible, ...person, distributorId, programmeId, consentAt: new Date(Date.now() - 60_000).toISOString() } },
      await distributorToken(hub, distributorId),
    );
    return data.registerBeneficiary as { beneficiary: { id: string; pseudonym: string } | null; error: { code: string; message: string } | null; ineligibilityReasons: string[] };
  }

  /** Every row of the table, whoever registered it: a refusal must store none, which no one caller's view can show. */
  async function beneficiariesStored(): Promise<number> {
    const [{ n }] = await hub.subgraphs.beneficiaries.dataSource.query(`select count(*)::int as n from beneficiary`);
    return n;
  }

  test('refused with NOT_ELIGIBLE and every reason, and nothing is stored', async () => {
    const before = await beneficiariesStored();
    // 26, above the Bac, employed, living in Abancourt (Oise, but outside the agglomeration).
    const answer = await register({ birthYear: year - 26, educationLevel: 'ABOVE_BAC', statuses: ['EMPLOYED'], inseeCode: '60001' });
    expect(answer.beneficiary).toBeNull();
    expect(answer.error?.code).toBe('NOT_ELIGIBLE');
    expect([...answer.ineligibilityReasons].sort()).toEqual(['EDUCATION_TOO_HIGH', 'OUTSIDE_TERRITORY', 'STATUS_NOT_ELIGIBLE', 'TOO_OLD']);
    expect(answer.error?.message).toContain('Pass numérique Creil Sud Oise');
    expect(await beneficiariesStored()).toBe(before);
  });

  test.each([
    ['exactly 16', { birthYear: year - 16 }, []],
    ['15', { birthYear: year - 15 }, ['TOO_YOUNG']],
    ['exactly 25', { birthYear: year - 25 }, []],
    ['26', { birthYear: year - 26 }, ['TOO_OLD']],
    ['birth year not given', { birthYear: null }, ['AGE_UNKNOWN']],
    ['Bac', { educationLevel: 'BAC' }, []],
    ['above the Bac', { educationLevel: 'ABOVE_BAC' }, ['EDUCATION_TOO_HIGH']],
    ['education not given', { educationLevel: null }, ['EDUCATION_UNKNOWN']],
    ['a job seeker who is also a student', { statuses: ['STUDENT', 'JOB_SEEKER'] }, []],
    ['a student only', { statuses: ['STUDENT'] }, ['STATUS_NOT_ELIGIBLE']],
    ['living in Creil (60175)', { inseeCode: '60175' }, []],
    ['living in Abancourt (60001)', { inseeCode: '60001' }, ['OUTSIDE_TERRITORY']],
  ])('%s', async (_who, person, reasons) => {
    const answer = await register(person as Partial<PersonInput>);
    if (reasons.length === 0) {
      expect(answer.error).toBeNull();
      expect(answer.beneficiary?.pseudonym).toMatch(/^P-[0-9A-Z]{10}$/);
    } else {
      expect(answer).toEqual({ beneficiary: null, error: { code: 'NOT_ELIGIBLE', message: expect.any(String) }, ineligibilityReasons: reasons });
    }
  });

  test('a programme whose window has passed or not begun refuses everyone with PROGRAMME_NOT_OPEN', async () => {
    const { funders } = await gql(hub, `{ funders { id } }`);
    const past = await createProgramme(funders[0].id, '2020-01-01', '2020-12-31');
    const future = await createProgramme(funders[0].id, `${year + 2}-01-01`, `${year + 2}-12-31`);
    await hub.catchUp();
    for (const programmeId of [past, future]) {
      expect(await register({}, programmeId)).toMatchObject({ error: { code: 'NOT_ELIGIBLE' }, ineligibilityReasons: ['PROGRAMME_NOT_OPEN'] });
    }
  });

  test('a registered person reaches the vouchers subgraph as eligible for that programme, so a book can be handed to them', async () => {
    const answer = await register({});
    await hub.catchUp();
    // Read in the vouchers subgraph's replica of the person (beneficiary_fact), which no API shows.
    const [fact] = await hub.subgraphs.vouchers.dataSource.query(`select eligible_programme_ids from beneficiary_fact where beneficiary_id = $1`, [
      answer.beneficiary!.id,
    ]);
    expect(fact.eligible_programme_ids).toEqual([youthProgramme]);
  });

  test('registerDistributor refuses a name taken or a commune that does not exist in the payload', async () => {
    const REGISTER = `mutation ($input: RegisterDistributorInput!) { registerDistributor(input: $input) { distributor { id } error { code } } }`;
    const taken = await gql(hub, REGISTER, { input: { name: 'Mission locale de Creil', kind: 'MISSION_LOCALE', inseeCode: '60175' } });
    expect(taken.registerDistributor).toEqual({ distributor: null, error: { code: 'DISTRIBUTOR_NAME_TAKEN' } });
    const nowhere = await gql(hub, REGISTER, { input: { name: 'CCAS de nulle part', kind: 'CCAS', inseeCode: '99999' } });
    expect(nowhere.registerDistributor).toEqual({ distributor: null, error: { code: 'UNKNOWN_COMMUNE' } });
  });
});
