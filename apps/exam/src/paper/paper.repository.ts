import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { PaperEntity } from './paper.entity';

@Injectable()
export class PaperRepository {
  constructor(@InjectRepository(PaperEntity) private readonly papers: Repository<PaperEntity>) {}

  findOfInstitution(institutionId: string, paperId: string): Promise<PaperEntity | null> {
    return this.papers.findOne({ where: { id: paperId, institutionId } });
  }

  listOfInstitution(institutionId: string): Promise<PaperEntity[]> {
    return this.papers.find({ where: { institutionId }, order: { createdAt: 'ASC' }, take: 500 });
  }

  async save(paper: PaperEntity): Promise<void> {
    await this.papers.save(paper);
  }

  async delete(paperId: string): Promise<void> {
    await this.papers.delete({ id: paperId });
  }
}
