import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of an order, priced by the server when the order was created. */
@Entity({ name: 'payment_order_items' })
export class OrderItemEntity {
  @PrimaryColumn({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @PrimaryColumn({ name: 'line_no', type: 'smallint', unsigned: true }) lineNo!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: 'exam_fee' | 'course' | 'material';
  /** The product or the exam registration the line pays for. */
  @Column({ name: 'ref_id', type: 'char', length: 36 }) refId!: string;
  @Column({ type: 'varchar', length: 120 }) title!: string;
  @Column({ name: 'unit_price_fen', type: 'int', unsigned: true }) unitPriceFen!: number;
  @Column({ type: 'int', unsigned: true }) quantity!: number;
  @Column({ name: 'amount_fen', type: 'int', unsigned: true }) amountFen!: number;
}
