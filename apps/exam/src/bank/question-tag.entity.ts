import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'question_tags' })
export class QuestionTagEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'bank_id', type: 'char', length: 36 }) bankId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
}
