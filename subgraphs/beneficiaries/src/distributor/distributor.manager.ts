import type { DataSource } from 'typeorm';
import { BadInputError, publish } from '@pass/kit';
import { Topics, type DistributorRegistered } from '@pass/contracts';
import { findCommune } from '@pass/contracts/territory';
import { Distributor, type DistributorKind } from './distributor.entity';

export async function registerDistributor(
  db: DataSource,
  input: { name: string; kind: DistributorKind; inseeCode: string },
): Promise<Distributor> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new BadInputError('a distributor needs a name of 1 to 200 characters', 'name');
  if (!findCommune(input.inseeCode)) throw new BadInputError(`unknown commune INSEE code ${input.inseeCode}`, 'inseeCode');
  const repo = db.getRepository(Distributor);
  if (await repo.existsBy({ name })) throw new BadInputError(`a distributor named ${name} already exists`, 'name');
  return db.transaction(async (tx) => {
    const saved = await tx.getRepository(Distributor).save(repo.create({ name, kind: input.kind, inseeCode: input.inseeCode }));
    const fact: DistributorRegistered = { distributorId: saved.id, name: saved.name };
    await publish(tx, [{ topic: Topics.distributorRegistered, payload: fact }]);
    return saved;
  });
}
