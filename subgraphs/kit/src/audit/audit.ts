import type { ApolloServerPlugin } from '@apollo/server';
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
        const entries: AuditAction[] = [...((contextValue.audit as AuditTrailState | undefined)?.reads ?? new Map<string, string>()).entries()].map(([key, recordType]) => ({
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
          await appendAuditEntries(dataSource, subgraph, caller, entries);
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
