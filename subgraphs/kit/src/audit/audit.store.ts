import type { DataSource } from 'typeorm';
import type { Caller } from '@pass/access';
import { runDdlOnce } from '@pass/runtime';
import type { PageRequest, PageRows } from '../pagination/connection';

/**
 * Every statement on the audit log: one append-only table for the hub (like the event log, owned
 * by no subgraph); triggers refuse UPDATE, DELETE and TRUNCATE, so nothing reaching the database
 * through the API can change it.
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

/** What a request did or read, before the caller is added. */
export interface AuditAction {
  action: string;
  recordType: string;
  recordId: string | null;
}

export interface AuditRow {
  seq: string;
  at: Date;
  subgraph: string;
  organisationId: string;
  role: string;
  action: string;
  recordType: string;
  recordId: string | null;
}

/** Appends a request's entries in one statement. */
export async function appendAuditEntries(dataSource: DataSource, subgraph: string, caller: Caller, entries: AuditAction[]): Promise<void> {
  await dataSource.query(
    `insert into audit.entry (subgraph, organisation_id, role, token_id, action, record_type, record_id)
     select $1, $2, $3, $4, a, t, r from unnest($5::text[], $6::text[], $7::text[]) as e(a, t, r)`,
    [subgraph, caller.organisationId, caller.role, caller.tokenId, entries.map((e) => e.action), entries.map((e) => e.recordType), entries.map((e) => e.recordId)],
  );
}

/**
 * One page of the log, newest first: `first + 1` entries before the cursor's sequence number (the
 * primary key's index, walked backwards) and the log's size, in one statement.
 */
export async function auditLogPage(dataSource: DataSource, page: PageRequest): Promise<PageRows<AuditRow>> {
  const [result] = (await dataSource.query(
    `select (select count(*) from audit.entry)::int as "totalCount",
            coalesce((select json_agg(p order by p.seq desc) from (
              select seq, seq::text as "seqText", at, subgraph, organisation_id as "organisationId", role, action,
                     record_type as "recordType", record_id as "recordId"
                from audit.entry where ($2::bigint is null or seq < $2) order by seq desc limit $1) p), '[]'::json) as rows`,
    [page.first + 1, page.afterKey],
  )) as { totalCount: number; rows: (Omit<AuditRow, 'seq' | 'at'> & { seqText: string; at: string })[] }[];
  return {
    totalCount: result!.totalCount,
    rows: result!.rows.map(({ seqText, at, subgraph, organisationId, role, action, recordType, recordId }) => ({
      seq: seqText,
      at: new Date(at),
      subgraph,
      organisationId,
      role,
      action,
      recordType,
      recordId,
    })),
  };
}
