import type { DataSource } from 'typeorm';
import { BadInputError, publish, refusal } from '@pass/kit';
import { Topics, type DistributorRegistered } from '@pass/contracts';
import { findCommune } from '@pass/contracts/territory';
import type { DistributorKind } from './distributor.entity';
import { RegisterDistributorErrorCode, type RegisterDistributorPayload } from './distributor.inputs';
import { distributorStore } from './distributor.store';

export async function registerDistributor(
  db: DataSource,
  input: { name: string; kind: DistributorKind; inseeCode: string },
): Promise<RegisterDistributorPayload> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new BadInputError('a distributor needs a name of 1 to 200 characters', 'name');
  if (!findCommune(input.inseeCode)) {
    return { distributor: null, error: refusal(RegisterDistributorErrorCode.UNKNOWN_COMMUNE, `unknown commune INSEE code ${input.inseeCode}`) };
  }
  if (await distributorStore.nameTaken(db, name)) {
    return { distributor: null, error: refusal(RegisterDistributorErrorCode.DISTRIBUTOR_NAME_TAKEN, `a distributor named ${name} already exists`) };
  }
  const distributor = await db.transaction(async (tx) => {
    const saved = await distributorStore.insert(tx, { name, kind: input.kind, inseeCode: input.inseeCode });
    const fact: DistributorRegistered = { distributorId: saved.id, name: saved.name };
    await publish(tx, [{ topic: Topics.distributorRegistered, payload: fact }]);
    return saved;
  });
  return { distributor, error: null };
}
