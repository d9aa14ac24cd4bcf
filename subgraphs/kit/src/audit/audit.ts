import { runDdlOnce } from '@pass/runtime';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { Caller } from '@pass/access';
import type { Logger } from '@pass/runtime';

/**
 * The audit log: who did or read what, when, on which record. One append-only table for the
 * hub (like the event log, owned by no subgraph); triggers refuse UPDATE, DELETE and TRUNCATE, so
 * nothing reaching the database through the API can change it.
 */
const AUDIT_DDL = `
  create schema if not exists audit;
  create table if not exists audit.entry (
    seq bigserial primary key,
    at timestamptz not null default now(),
    subgraph text not null,
    organisation_id text not null,
    role text not null,
    token_id text not null,
    action text not null,
    record_type text not null,
    record_id text
  );
  create or replace function audit.refuse_change() returns trigger language plpgsql as $$
    begin raise exception 'the audit log is append-only'; end $$;
  drop trigger if exists entry_append_only on audit.entry;
  create trigger entry_append_only before update or delete on audit.entry
    for each row execute function audit.refuse_change();
  drop trigger if exists entry_no_truncate on audit.entry;
  create trigger entry_no_truncate before truncate on audit.entry
    for each statement execute function audit.refuse_change();
`;

export const ensureAuditLog = (url: string) => runDdlOnce(url, AUDIT_DDL);

export interface AuditTrail {
  /** Records that a caller read personal data of this record; written once per request. */
  read(recordType: string, recordId: string): void;
}

interface AuditEntry {
  action: string;
  recordType: string;
  recordId: string | null;
}

/** The first `id` in a mutation's answer names the record it touched. */
function firstId(value: unknown, depth = 0): string | null {
  if (!value || typeof value !== 'object' || depth > 3) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string') return record.id;
  for (const child of Object.values(record)) {
    const found = firstId(child, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Appends, after each request: one entry per mutation field executed (answered or refused) and
 * one per personal record read. Written by the subgraph that did the work, with the caller the
 * gateway vouched for.
 */
export function auditPlugin(subgraph: string, dataSource: DataSource, logger: Logger): ApolloServerPlugin<{ caller?: Caller; audit?: AuditTrail }> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, operation, response }) => {
        const caller = contextValue.caller;
        if (!caller) return;
        const entries: AuditEntry[] = [...((contextValue.audit as AuditTrailState | undefined)?.reads ?? new Map<string, string>()).entries()].map(([key, recordType]) => ({
          action: 'read',
          recordType,
          recordId: key.slice(recordType.length + 1),
        }));
        if (operation?.operation === 'mutation' && response.body.kind === 'single') {
          const data = (response.body.singleResult.data ?? {}) as Record<string, unknown>;
          for (const selection of operation.selectionSet.selections) {
            if (selection.kind !== 'Field') continue;
            const key = selection.alias?.value ?? selection.name.value;
            entries.push({ action: `mutation:${selection.name.value}`, recordType: 'Mutation', recordId: firstId(data[key]) });
          }
        }
        if (entries.length === 0) return;
        try {
          await dataSource.query(
            `insert into audit.entry (subgraph, organisation_id, role, token_id, action, record_type, record_id)
             select $1, $2, $3, $4, a, t, r from unnest($5::text[], $6::text[], $7::text[]) as e(a, t, r)`,
            [subgraph, caller.organisationId, caller.role, caller.tokenId, entries.map((e) => e.action), entries.map((e) => e.recordType), entries.map((e) => e.recordId)],
          );
        } catch (err) {
          logger.error({ err }, 'audit log write failed');
          throw err;
        }
      },
    }),
  };
}

export interface AuditTrailState extends AuditTrail {
  reads: Map<string, string>;
}

export function newAuditTrail(): AuditTrailState {
  const reads = new Map<string, string>();
  return { reads, read: (recordType, recordId) => void reads.set(`${recordType}:${recordId}`, recordType) };
}
