import { randomUUID } from 'node:crypto';

import type { PaymentStaffActionKind } from '@exam/contracts';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { CURRENCY } from '../order/domain/money';
import { StaffActionRecorder } from '../staff-audit/staff-action-recorder.service';
import type { CreateProductDto, UpdateProductDto } from './dto/product.dto';
import { ProductEntity } from './product.entity';
import { ProductNotFoundError } from './product.errors';
import { ProductRepository } from './product.repository';

/**
 * An institution's catalogue: staff list, price and unlist products; candidates see the listed ones. Each staff
 * change commits with its audit event (the price it sets, nothing of the title or description).
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductRepository,
    private readonly staffActions: StaffActionRecorder,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  create(institutionId: string, staffId: string, input: CreateProductDto): Promise<ProductEntity> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const product = await this.products.save(
        tx,
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
      await this.audit(tx, product, staffId, 'product_created');
      return product;
    });
  }

  list(institutionId: string, listedOnly: boolean): Promise<ProductEntity[]> {
    return this.products.list(institutionId, listedOnly);
  }

  async get(institutionId: string, productId: string): Promise<ProductEntity> {
    const product = await this.products.findOfInstitution(institutionId, productId);
    if (product === null) throw new ProductNotFoundError();
    return product;
  }

  update(
    institutionId: string,
    productId: string,
    staffId: string,
    input: UpdateProductDto,
  ): Promise<ProductEntity> {
    return this.change(institutionId, productId, staffId, input, 'product_updated');
  }

  /** Products are unlisted, never deleted: orders keep naming them. */
  async unlist(institutionId: string, productId: string, staffId: string): Promise<void> {
    await this.change(institutionId, productId, staffId, { listed: false }, 'product_unlisted');
  }

  private change(
    institutionId: string,
    productId: string,
    staffId: string,
    input: UpdateProductDto,
    action: PaymentStaffActionKind,
  ): Promise<ProductEntity> {
    return this.dataSource.transaction(async (tx) => {
      const product = await this.products.findOfInstitution(institutionId, productId, tx);
      if (product === null) throw new ProductNotFoundError();
      Object.assign(product, {
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.priceFen === undefined ? {} : { priceFen: input.priceFen }),
        ...(input.requiresShipping === undefined ? {} : { requiresShipping: input.requiresShipping }),
        ...(input.listed === undefined ? {} : { listed: input.listed }),
        updatedAt: this.clock.now(),
      });
      const saved = await this.products.save(tx, product);
      await this.audit(tx, saved, staffId, action);
      return saved;
    });
  }

  private audit(
    tx: EntityManager,
    product: ProductEntity,
    staffId: string,
    action: PaymentStaffActionKind,
  ): Promise<void> {
    return this.staffActions.record(tx, {
      action,
      institutionId: product.institutionId,
      staffUserId: staffId,
      subjectId: product.id,
      amountFen: product.priceFen,
    });
  }
}
