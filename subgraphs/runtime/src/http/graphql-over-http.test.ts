import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Pool } from 'undici';
import { DRAIN_LIMIT_BYTES, bodyLimitBytes, isGraphqlPath, isJsonContentType, readJsonBody, sendRefusal } from './graphql-over-http';

describe('GraphQL over HTTP, what the hot route reads of a request', () => {
  test('body limits read as the parts write them', () => {
    expect(bodyLimitBytes('1mb')).toBe(1024 * 1024);
    expect(bodyLimitBytes('30mb')).toBe(30 * 1024 * 1024);
    expect(bodyLimitBytes('512kb')).toBe(512 * 1024);
    expect(bodyLimitBytes(100)).toBe(100);
    expect(() => bodyLimitBytes('lots')).toThrow(/not a size/);
  });

  test('the /graphql route, with a query string or a subpath, and nothing that merely starts alike', () => {
    for (const url of ['/graphql', '/graphql?query=%7B%7D', '/graphql/']) expect(isGraphqlPath(url)).toBe(true);
    for (const url of ['/graphiql', '/graphqlx', '/', '/metrics', undefined]) expect(isGraphqlPath(url)).toBe(false);
  });

  test('JSON and its +json kinds, with parameters; nothing else', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/graphql-response+json']) expect(isJsonContentType(type)).toBe(true);
    for (const type of ['text/plain', 'application/jsonx', 'multipart/form-data', undefined]) expect(isJsonContentType(type)).toBe(false);
  });
});

describe('a body over the limit', () => {
  const LIMIT = 100 * 1024;
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      const read = await readJsonBody(req, LIMIT);
      if ('refusal' in read) return sendRefusal(res, read.refusal);
      res.end(JSON.stringify({ size: JSON.stringify(read.body).length }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('declared or streamed, the caller finishes its upload and reads the 413; the connection serves the next request', async () => {
    const pool = new Pool(new URL(url).origin, { connections: 1 });
    try {
      const big = JSON.stringify({ query: `{ a } #${'x'.repeat(10 * 1024 * 1024)}` });
      // Sent a piece at a time, as over a real network: the server answers before the upload ends.
      async function* slowly(text: string) {
        for (let at = 0; at < text.length; at += 256 * 1024) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          yield text.slice(at, at + 256 * 1024);
        }
      }
      const declared = await pool.request({
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
        body: Readable.from(slowly(big)),
      });
      expect(declared.statusCode).toBe(413);
      expect((await declared.body.json()) as unknown).toEqual({ errors: [{ message: `request entity too large: ${LIMIT} bytes at most`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      // No content-length: chunks until the limit is passed.
      const streamed = await pool.request({ path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body: Readable.from(slowly(big)) });
      expect(streamed.statusCode).toBe(413);
      await streamed.body.dump();
      const small = await pool.request({ path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ a }' }) });
      expect(small.statusCode).toBe(200);
      expect(await small.body.json()).toEqual({ size: 17 });
    } finally {
      await pool.close();
    }
  });

  test(`a body declared over ${DRAIN_LIMIT_BYTES / 1024 / 1024} MB is refused at once and its connection closed`, async () => {
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    socket.write(`POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${DRAIN_LIMIT_BYTES + 1}\r\n\r\n{"query":`);
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
  });
});
