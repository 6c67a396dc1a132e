import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PRODUCT_KINDS = ['course', 'material'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Something an institution sells (a course, study material), priced in integer fen by its staff. */
@Entity({ name: 'payment_products' })
export class ProductEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: ProductKind;
  @Column({ type: 'varchar', length: 120 }) title!: string;
  @Column({ type: 'varchar', length: 2000 }) description!: string;
  @Column({ name: 'price_fen', type: 'int', unsigned: true }) priceFen!: number;
  @Column({ type: 'char', length: 3 }) currency!: 'CNY';
  /** Materials are shipped: an order for one needs a delivery contact. */
  @Column({ name: 'requires_shipping', type: 'boolean' }) requiresShipping!: boolean;
  /** Listed products can be bought; unlisted ones stay for the orders that name them. */
  @Column({ type: 'boolean' }) listed!: boolean;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
