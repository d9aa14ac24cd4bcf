import { Role, mintPartnerToken, type Caller, type HubKeys } from '@pass/access';
import type { DemoData } from '../demo/demo-data';

/** One token per demo organisation and role, so every partner query can be tried as its partner. */
export async function demoTokens(keys: HubKeys, demo: DemoData): Promise<{ who: string; role: Role; token: string }[]> {
  const entries: [string, Omit<Caller, 'tokenId'>][] = [
    ['Agglomération Creil Sud Oise (funder)', { organisationId: demo.funders.cso, role: Role.FUNDER, scopes: ['read', 'write'] }],
    ['Pôle emploi Creil / Nogent-sur-Oise (distributor)', { organisationId: demo.distributors.peNogent!, role: Role.DISTRIBUTOR, scopes: ['read', 'write'] }],
    ["Gest'Up (venue)", { organisationId: demo.venues.gestUp!, role: Role.VENUE, scopes: ['read', 'write'] }],
    ['CSO digital policy team (coordinator)', { organisationId: 'coordination-cso', role: Role.COORDINATOR, scopes: ['read', 'write'], programmeIds: [demo.programmes.cso] }],
    ['Programme evaluators (analyst)', { organisationId: 'evaluation', role: Role.ANALYST, scopes: ['read'] }],
    ['Operator', { organisationId: 'operator', role: Role.OPERATOR, scopes: ['read', 'write'] }],
  ];
  return Promise.all(
    entries.map(async ([who, caller]) => ({ who, role: caller.role, token: await mintPartnerToken(keys.partnerSigning, caller, { expiresIn: '30d' }) })),
  );
}
