import type { DataSource } from 'typeorm';
import { BadInputError, refusal } from '@pass/kit';
import type { FunderKind } from './funder.entity';
import { RegisterFunderErrorCode, type RegisterFunderPayload } from './funder.inputs';
import { funderStore } from './funder.store';

export async function registerFunder(db: DataSource, input: { name: string; kind: FunderKind }): Promise<RegisterFunderPayload> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new BadInputError('a funder needs a name of 1 to 200 characters', 'name');
  if (await funderStore.nameTaken(db, name)) {
    return { funder: null, error: refusal(RegisterFunderErrorCode.FUNDER_NAME_TAKEN, `a funder named ${name} already exists`) };
  }
  return { funder: await funderStore.insert(db, { name, kind: input.kind }), error: null };
}
