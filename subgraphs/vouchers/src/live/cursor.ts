import { BadInputError } from '@pass/kit';

/**
 * A position in the stream of redemptions: the writing transaction's id and the row's sequence
 * number, `<xid>.<seq>`. Clients treat it as opaque text; the order is (xid, seq).
 */
export interface StreamPosition {
  xid: string;
  seq: string;
}

export const formatCursor = (xid: string | number, seq: string | number) => `${xid}.${seq}`;

const CURSOR = /^(\d{1,19})\.(\d{1,19})$/;

export function parseCursor(cursor: string, argument = 'after'): StreamPosition {
  const match = CURSOR.exec(cursor);
  if (!match) throw new BadInputError(`${argument} is not a cursor of this stream`, argument);
  return { xid: match[1]!, seq: match[2]! };
}

/** The very start of the stream: before every redemption. */
export const STREAM_START: StreamPosition = { xid: '0', seq: '0' };
