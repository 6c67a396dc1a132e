import { createValidationPipe } from '@exam/platform';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

class AnswerDto {
  @IsString() @Length(1, 64) questionId!: string;
  @IsString() @Length(0, 2000) answer!: string;
  @IsInt() @Min(0) @Max(100_000) elapsedMs!: number;
}

@Controller()
class BenchController {
  @Get('exam')
  exam(): { id: string; title: string; questions: { id: string; text: string }[] } {
    return {
      id: 'e1',
      title: 'Mock exam',
      questions: Array.from({ length: 20 }, (_, i) => ({
        id: `q${i}`,
        text: `Question number ${i} about something`,
      })),
    };
  }

  @Post('answers')
  answer(@Body() dto: AnswerDto): { saved: true; questionId: string } {
    return { saved: true, questionId: dto.questionId };
  }
}

@Module({ controllers: [BenchController] })
class BenchModule {}

/** Same Nest app on either adapter, so the adapter is the only difference measured. */
async function main(): Promise<void> {
  const kind = process.argv[2];
  const adapter = kind === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  const app = await NestFactory.create(BenchModule, adapter, { logger: false });
  app.useGlobalPipes(createValidationPipe());
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as import('node:http').Server).address();
  if (typeof address === 'object' && address !== null) process.send?.({ port: address.port });
}

void main();
