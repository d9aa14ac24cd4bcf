import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A caller's (or a proxy's) request id is kept when it looks like an id: letters, digits and
 * `._:-`, at most 128 characters. Anything else (spaces, control characters, a novel) would end
 * up verbatim in every log line and response header, so a fresh UUID replaces it.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate !== undefined && SANE_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}
