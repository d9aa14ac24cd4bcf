import type { DataSource } from 'typeorm';
import { BadInputError } from '@pass/kit';
import { Funder, type FunderKind } from './funder.entity';

export async function registerFunder(db: DataSource, input: { name: string; kind: FunderKind }): Promise<Funder> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new BadInputError('a funder needs a name of 1 to 200 characters', 'name');
  const repo = db.getRepository(Funder);
  if (await repo.existsBy({ name })) throw new BadInputError(`a funder named ${name} already exists`, 'name');
  return repo.save(repo.create({ name, kind: input.kind }));
}
