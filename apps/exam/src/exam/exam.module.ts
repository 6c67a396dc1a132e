import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { BankModule } from '../bank/bank.module';
import { PaperModule } from '../paper/paper.module';
import { ExamEntity } from './exam.entity';
import { ExamRepository } from './exam.repository';
import { ExamAccommodationEntity } from './exam-accommodation.entity';
import { ExamCatalogueController, ExamsController } from './exams.controller';
import { ExamsService } from './exams.service';

@Module({
  imports: [TypeOrmModule.forFeature([ExamEntity, ExamAccommodationEntity]), BankModule, PaperModule],
  controllers: [ExamsController, ExamCatalogueController],
  providers: [ExamRepository, ExamsService],
  exports: [ExamRepository, ExamsService],
})
export class ExamFeatureModule {}
