import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { createServerMetrics } from './metrics';
import { observeHttp } from './http';
import { requestIdFrom } from './request-id';

describe('request ids', () => {
  test.each(['5f0c2b8e-3c1a-4e55-9a39-7d1c2f0b9e11', 'partner.app:42', 'A'.repeat(128)])('%s is kept', (id) => {
    expect(requestIdFrom(id)).toBe(id);
  });
  test.each(['', 'two words', 'A'.repeat(129), '-leading-dash', 'semi;colon', 'é'])('%j is replaced', (id) => {
    expect(requestIdFrom(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

/** A log destination that keeps each line written to it, parsed. */
function capturedLines(): { lines: Record<string, any>[]; sink: Writable } {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, sink };
}

describe('the access log', () => {
  test('one line per request with its id, method, path and status; no headers, no query string; probes are quiet', async () => {
    const { lines, sink } = capturedLines();
    const app = express();
    app.use(observeHttp({ logger: pino({ level: 'info' }, sink), metrics: createServerMetrics('test'), part: 'test' }));
    app.get('/graphql', (_req, res) => {
      res.status(401).json({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
    });
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const answer = await fetch(`${base}/graphql?query=${encodeURIComponent('{ beneficiary(id: "x") { pseudonym } }')}`, {
        headers: { authorization: 'Bearer secret-token', 'x-request-id': 'req-1' },
      });
      expect(answer.headers.get('x-request-id')).toBe('req-1');
      await fetch(`${base}/healthz`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ level: 30, req: { id: 'req-1', method: 'GET', path: '/graphql' }, res: { statusCode: 401 } });
    expect(typeof line!.ms).toBe('number');
    expect(JSON.stringify(line)).not.toMatch(/secret-token|beneficiary|authorization/);
  });

  test('the line is the one pino-http wrote: fields in order, messages; at level error only a 5xx is written', async () => {
    const served = async (level: string) => {
      const { lines, sink } = capturedLines();
      const app = express();
      app.use(observeHttp({ logger: pino({ name: 'part', level }, sink), metrics: createServerMetrics('test'), part: 'test' }));
      app.get('/graphql', (req, res) => {
        res.status(Number(req.query.status)).json({});
      });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        for (const [id, status] of [['ok-1', 200], ['down-1', 503]] as const) await fetch(`${base}/graphql?status=${status}`, { headers: { 'x-request-id': id } });
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
      return lines.map(({ time, pid, hostname, ms, ...rest }) => {
        expect([typeof time, typeof pid, typeof hostname, typeof ms]).toEqual(['number', 'number', 'string', 'number']);
        return JSON.stringify(rest.err ? { ...rest, err: { ...rest.err, stack: rest.err.stack.split('\n')[0] } } : rest);
      });
    };
    const ok = '{"level":30,"name":"part","req":{"id":"ok-1","method":"GET","path":"/graphql"},"res":{"statusCode":200},"msg":"request completed"}';
    const down =
      '{"level":50,"name":"part","req":{"id":"down-1","method":"GET","path":"/graphql"},"res":{"statusCode":503},"err":{"type":"Error","message":"failed with status code 503","stack":"Error: failed with status code 503"},"msg":"request errored"}';
    expect(await served('info')).toEqual([ok, down]);
    expect(await served('error')).toEqual([down]);
  });
});
