import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { BankModule } from '../bank/bank.module';
import { PaperEntity } from './paper.entity';
import { PaperRepository } from './paper.repository';
import { PapersController } from './papers.controller';
import { PapersService } from './papers.service';

@Module({
  imports: [TypeOrmModule.forFeature([PaperEntity]), BankModule],
  controllers: [PapersController],
  providers: [PaperRepository, PapersService],
  exports: [PapersService],
})
export class PaperModule {}
