import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { CURRENCY } from '../order/domain/money';
import type { CreateProductDto, UpdateProductDto } from './dto/product.dto';
import { ProductEntity } from './product.entity';
import { ProductNotFoundError } from './product.errors';
import { ProductRepository } from './product.repository';

/** An institution's catalogue: staff list, price and unlist products; candidates see the listed ones. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductRepository,
    private readonly clock: Clock,
  ) {}

  create(institutionId: string, input: CreateProductDto): Promise<ProductEntity> {
    const now = this.clock.now();
    return this.products.save(
      Object.assign(new ProductEntity(), {
        id: randomUUID(),
        institutionId,
        kind: input.kind,
        title: input.title,
        description: input.description ?? '',
        priceFen: input.priceFen,
        currency: CURRENCY,
        requiresShipping: input.requiresShipping ?? input.kind === 'material',
        listed: input.listed ?? true,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  list(institutionId: string, listedOnly: boolean): Promise<ProductEntity[]> {
    return this.products.list(institutionId, listedOnly);
  }

  async get(institutionId: string, productId: string): Promise<ProductEntity> {
    const product = await this.products.findOfInstitution(institutionId, productId);
    if (product === null) throw new ProductNotFoundError();
    return product;
  }

  async update(institutionId: string, productId: string, input: UpdateProductDto): Promise<ProductEntity> {
    const product = await this.get(institutionId, productId);
    Object.assign(product, {
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.priceFen === undefined ? {} : { priceFen: input.priceFen }),
      ...(input.requiresShipping === undefined ? {} : { requiresShipping: input.requiresShipping }),
      ...(input.listed === undefined ? {} : { listed: input.listed }),
      updatedAt: this.clock.now(),
    });
    return this.products.save(product);
  }

  /** Products are unlisted, never deleted: orders keep naming them. */
  async unlist(institutionId: string, productId: string): Promise<void> {
    await this.update(institutionId, productId, { listed: false });
  }
}
