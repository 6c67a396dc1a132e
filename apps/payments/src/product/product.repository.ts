import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { ProductEntity } from './product.entity';

/** An institution's products. */
@Injectable()
export class ProductRepository {
  constructor(@InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>) {}

  save(tx: EntityManager, product: ProductEntity): Promise<ProductEntity> {
    return tx.getRepository(ProductEntity).save(product);
  }

  findOfInstitution(institutionId: string, id: string, tx?: EntityManager): Promise<ProductEntity | null> {
    const products = tx === undefined ? this.products : tx.getRepository(ProductEntity);
    return products.findOneBy({ id, institutionId });
  }

  findById(id: string): Promise<ProductEntity | null> {
    return this.products.findOneBy({ id });
  }

  list(institutionId: string, listedOnly: boolean): Promise<ProductEntity[]> {
    return this.products.find({
      where: listedOnly ? { institutionId, listed: true } : { institutionId },
      order: { createdAt: 'ASC' },
      take: 500,
    });
  }
}
