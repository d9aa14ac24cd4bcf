import type { ApolloServer, BaseContext } from '@apollo/server';
import type express from 'express';
import type { Caller } from '@pass/access';
import type { OperationManifest } from '../persisted-operations';
import { REPORTS, reportCsv, reportNamed } from './reports';

/** HTTP status of a report whose operation answered with this GraphQL error code. */
const STATUS_OF: Record<string, number> = { FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, UNAUTHENTICATED: 401 };

const fail = (res: express.Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

export interface ReportRouteOptions<Context extends BaseContext> {
  /** The same authentication and rate limit as /graphql; sets `res.locals.caller`. */
  authenticate: express.RequestHandler;
  apollo: ApolloServer<Context>;
  operations: OperationManifest;
  /** The context /graphql gives the caller: the subgraphs see the same signed caller. */
  contextFor(req: express.Request, caller: Caller): Promise<Context>;
}

/**
 * `GET /reports/<name>.csv?…` with the caller's Bearer token: runs the report's registered
 * operation through this gateway's own pipeline as that caller — the subgraphs apply the same
 * row rules as to any query, so a report shows exactly what the caller may read in GraphQL —
 * and sends the answer as spreadsheet CSV. Not a door to the database: a caller refused a field
 * in GraphQL is refused its report (403), an unknown id is a 404.
 */
export function mountReports<Context extends BaseContext>(app: express.Express, options: ReportRouteOptions<Context>): void {
  const registered = new Map(Object.values(options.operations).map((o) => [o.name, o.document]));
  app.get('/reports/:file', options.authenticate, async (req, res) => {
    const file = String(req.params.file);
    const report = file.endsWith('.csv') ? reportNamed(file.slice(0, -'.csv'.length)) : undefined;
    if (!report) {
      fail(res, 404, 'REPORT_NOT_FOUND', `no report ${file}: the reports are ${REPORTS.map((r) => `${r.name}.csv`).join(', ')}`);
      return;
    }
    const variables: Record<string, string> = {};
    for (const parameter of report.parameters) {
      const value = req.query[parameter.name];
      if (typeof value !== 'string' || !parameter.pattern.test(value)) {
        fail(res, 400, 'BAD_USER_INPUT', `${parameter.name} must be ${parameter.expected}`);
        return;
      }
      variables[parameter.name] = value;
    }
    const document = registered.get(report.operationName);
    if (!document) {
      fail(res, 500, 'REPORT_NOT_REGISTERED', `the operation ${report.operationName} is not registered: run npm run compose`);
      return;
    }
    const caller = res.locals.caller as Caller;
    const answer = await options.apollo.executeOperation(
      { query: document, variables, operationName: report.operationName },
      { contextValue: await options.contextFor(req, caller) },
    );
    if (answer.body.kind !== 'single') {
      fail(res, 500, 'INTERNAL_SERVER_ERROR', 'unexpected incremental answer');
      return;
    }
    const { data, errors } = answer.body.singleResult;
    if (errors?.length || !data) {
      const code = String(errors?.[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      fail(res, STATUS_OF[code] ?? 500, code, errors?.[0]?.message ?? 'no data');
      return;
    }
    const table = report.toTable(data, variables);
    if (!table) {
      fail(res, 404, 'NOT_FOUND', `nothing to report for ${Object.entries(variables).map(([k, v]) => `${k}=${v}`).join(', ')}`);
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${table.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(reportCsv(table));
  });
}
