import type { EntityManager } from 'typeorm';
import { eraseInVouchers } from '../privacy/privacy.manager';
import type { EventHandler } from '@pass/kit';
import {
  Topics,
  type BeneficiaryErased,
  type BeneficiaryRegistered,
  type DistributorRegistered,
  type OrderPaid,
  type ProgrammeDefined,
  type SessionScheduled,
  type VenueDescribed,
  type VenueQualified,
} from '@pass/contracts';
import { beneficiaryFactStore } from './beneficiary-fact.store';
import { distributorFactStore } from './distributor-fact.store';
import { paidOrderStore } from './paid-order.store';
import { programmeFactStore } from './programme-fact.store';
import { sessionFactStore } from './session-fact.store';
import { venueFactStore } from './venue-fact.store';
import { venueQualificationStore } from './venue-qualification.store';

/**
 * The facts this subgraph replicates, each applied idempotently: replaying an event leaves the
 * replica as it was, so a consumer that crashed between apply and offset update is harmless.
 */
export const factHandlers: Record<string, EventHandler> = {
  [Topics.programmeDefined]: async (fact: ProgrammeDefined, db: EntityManager) => {
    await programmeFactStore.upsert(db, fact);
  },
  [Topics.orderPaid]: async (fact: OrderPaid, db: EntityManager) => {
    await paidOrderStore.insert(db, fact);
  },
  [Topics.venueQualified]: async (fact: VenueQualified, db: EntityManager) => {
    if (fact.qualified) await venueQualificationStore.qualify(db, fact.venueId, fact.programmeId);
    else await venueQualificationStore.withdraw(db, fact.venueId, fact.programmeId);
  },
  [Topics.venueDescribed]: async (fact: VenueDescribed, db: EntityManager) => {
    await venueFactStore.upsert(db, fact);
  },
  [Topics.sessionScheduled]: async (fact: SessionScheduled, db: EntityManager) => {
    await sessionFactStore.upsert(db, fact);
  },
  [Topics.distributorRegistered]: async (fact: DistributorRegistered, db: EntityManager) => {
    await distributorFactStore.upsert(db, fact);
  },
  [Topics.beneficiaryRegistered]: async (fact: BeneficiaryRegistered | { redacted: true }, db: EntityManager) => {
    // The publisher redacts the fact when it erases the person: nothing to replicate.
    if ('redacted' in fact) return;
    await beneficiaryFactStore.upsert(db, fact);
  },
  [Topics.beneficiaryErased]: async (fact: BeneficiaryErased, db: EntityManager) => {
    await eraseInVouchers(db, [fact.beneficiaryId], new Date(fact.erasedAt));
  },
};
