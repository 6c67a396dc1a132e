import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';

import { InstitutionEntity } from './institution.entity';

/** Persistence of institutions (tenants). */
@Injectable()
export class InstitutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<InstitutionEntity | null> {
    return this.dataSource.getRepository(InstitutionEntity).findOneBy({ id });
  }

  async lockById(tx: EntityManager, id: string): Promise<InstitutionEntity | null> {
    return tx.findOne(InstitutionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(tx: EntityManager, institution: InstitutionEntity): Promise<void> {
    await tx.save(institution);
  }

  /** Ids and names only (no contact or invoice data). */
  async namesOf(tx: EntityManager, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return tx.find(InstitutionEntity, { where: { id: In([...ids]) }, select: { id: true, name: true } });
  }
}
