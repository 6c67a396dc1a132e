import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { BanksController } from './banks.controller';
import { BanksService } from './banks.service';
import { QuestionEntity } from './question.entity';
import { QuestionRepository } from './question.repository';
import { QuestionBankEntity } from './question-bank.entity';
import { QuestionBankRepository } from './question-bank.repository';
import { QuestionCategoryEntity } from './question-category.entity';
import { QuestionImportService } from './question-import.service';
import { QuestionTagEntity } from './question-tag.entity';
import { QuestionVersionEntity } from './question-version.entity';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      QuestionBankEntity,
      QuestionCategoryEntity,
      QuestionTagEntity,
      QuestionEntity,
      QuestionVersionEntity,
    ]),
  ],
  controllers: [BanksController, QuestionsController],
  providers: [
    QuestionBankRepository,
    QuestionRepository,
    BanksService,
    QuestionsService,
    QuestionImportService,
  ],
  exports: [BanksService, QuestionRepository, QuestionBankRepository],
})
export class BankModule {}
