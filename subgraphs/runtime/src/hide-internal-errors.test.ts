import pino from 'pino';
import { hideInternalErrors } from './hide-internal-errors';

const logger = pino({ level: 'silent' });

describe('hideInternalErrors', () => {
  test('a programming error reaches the caller as a bare internal error', () => {
    const formatted = hideInternalErrors({ message: 'relation "voucher" does not exist', path: ['book'] }, new Error('boom'), logger);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['book'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  test("a coded error keeps its message but loses an upstream response's URL and body", () => {
    const formatted = hideInternalErrors(
      { message: 'only the gateway may call this subgraph', extensions: { code: 'UNAUTHENTICATED', response: { url: 'http://127.0.0.1:4004/graphql', body: '…' } } },
      null,
      logger,
    );
    expect(formatted).toEqual({ message: 'only the gateway may call this subgraph', extensions: { code: 'UNAUTHENTICATED' } });
  });
});
