import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Caller } from '@pass/access';
import type { Logger } from '@pass/runtime';
import { appendAuditEntries, type AuditAction } from './audit.store';

/**
 * The audit log: who did or read what, when, on which record. The plugin below decides what a
 * request appends; `audit.store.ts` holds the table and every statement on it.
 */

export interface AuditTrail {
  /** Records that a caller read personal data of this record; written once per request. */
  read(recordType: string, recordId: string): void;
  /**
   * Says that the mutation answered under this response key (its alias, else its name) appended
   * its own entry (`mutationEntry`) in the transaction of its change: the entry commits with the
   * change and costs no statement of its own (issue 12), and the request's end appends none for it.
   */
  appendedOwnEntry(responseKey: string): void;
}

/** The entry a mutation appends itself (AuditTrail.appendedOwnEntry), its record id apart; the columns of `audit.entry`. */
export function mutationEntry(subgraph: string, caller: Caller, mutation: string) {
  return { subgraph, organisation_id: caller.organisationId, role: caller.role, token_id: caller.tokenId, action: `mutation:${mutation}`, record_type: 'Mutation' };
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
      willSendResponse: async ({ contextValue, operation, response }) =>
        appendRequestAudit(subgraph, dataSource, logger, {
          caller: contextValue.caller,
          trail: contextValue.audit as AuditTrailState | undefined,
          operation: operation ?? undefined,
          // null: the answer had no data (its mutations are still recorded); undefined: not a single answer.
          data: response.body.kind === 'single' ? (response.body.singleResult.data ?? null) : undefined,
        }),
    }),
  };
}

/**
 * What the plugin appends at the end of one request, given its caller, its trail, its operation
 * and its answer's data; also called by the subgraph's validated-operations path, which answers
 * outside Apollo Server's pipeline (server/validated-operations.ts). A failed write throws.
 */
export async function appendRequestAudit(
  subgraph: string,
  dataSource: DataSource,
  logger: Logger,
  request: { caller: Caller | undefined; trail: AuditTrailState | undefined; operation: OperationDefinitionNode | undefined; data: Record<string, unknown> | null | undefined },
): Promise<void> {
  const { caller, trail, operation } = request;
  if (!caller) return;
  const entries: AuditAction[] = [...(trail?.reads ?? new Map<string, string>()).entries()].map(([key, recordType]) => ({
    action: 'read',
    recordType,
    recordId: key.slice(recordType.length + 1),
  }));
  if (operation?.operation === 'mutation' && request.data !== undefined) {
    const data = (request.data ?? {}) as Record<string, unknown>;
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== 'Field') continue;
      const key = selection.alias?.value ?? selection.name.value;
      if (trail?.ownEntries.has(key)) continue;
      entries.push({ action: `mutation:${selection.name.value}`, recordType: 'Mutation', recordId: firstId(data[key]) });
    }
  }
  if (entries.length === 0) return;
  try {
    await appendAuditEntries(dataSource, subgraph, caller, entries);
  } catch (err) {
    logger.error({ err }, 'audit log write failed');
    throw err;
  }
}

export interface AuditTrailState extends AuditTrail {
  reads: Map<string, string>;
  /** Response keys of the mutations that appended their own entry. */
  ownEntries: Set<string>;
}

export function newAuditTrail(): AuditTrailState {
  const reads = new Map<string, string>();
  const ownEntries = new Set<string>();
  return {
    reads,
    ownEntries,
    read: (recordType, recordId) => void reads.set(`${recordType}:${recordId}`, recordType),
    appendedOwnEntry: (responseKey) => void ownEntries.add(responseKey),
  };
}
