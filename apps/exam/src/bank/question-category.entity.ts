import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A node of a bank's category tree (`parentId` null at the roots). */
@Entity({ name: 'question_categories' })
export class QuestionCategoryEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'bank_id', type: 'char', length: 36 }) bankId!: string;
  @Column({ name: 'parent_id', type: 'char', length: 36, nullable: true }) parentId!: string | null;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
