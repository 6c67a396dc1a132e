import { Controller, Get, Header, INestApplication, Logger, Module, Redirect } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { MaskingInterceptor } from './masking.interceptor';
import { Sensitive } from './sensitive.decorator';

const ID = '11010519491231002X';

class CandidateDto {
  @Sensitive('idNumber') idNumber = ID;
  @Sensitive('name') name = '张小明';
  note = 'call 13812345678';
}

@Controller('candidates')
class CandidatesController {
  @Get()
  list(): CandidateDto[] {
    return [new CandidateDto()];
  }

  @Get('text')
  text(): string {
    return `id ${ID}`;
  }

  @Get('csv')
  @Header('Content-Type', 'text/csv')
  csv(): string {
    return `name,id\n张小明,${ID}`;
  }

  @Get('away')
  @Redirect('https://example.com', 302)
  away(): { url: string } {
    return { url: 'https://example.com/next' };
  }
}

@Module({
  controllers: [CandidatesController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: MaskingInterceptor }],
})
class AppModule {}

describe(`${MaskingInterceptor.name} in a running app`, () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterAll(() => {
    jest.restoreAllMocks();
  });

  describe('on Fastify', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
      app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });

    afterAll(async () => {
      await app.close();
    });

    it('should send masked JSON with a JSON content type', async () => {
      const response = await app.inject({ method: 'GET', url: '/candidates' });

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.json()).toEqual([
        { idNumber: '1****************X', name: '**明', note: 'call 138****5678' },
      ]);
      expect(response.body).not.toContain(ID);
    });

    it('should mask a string response and keep its type', async () => {
      const response = await app.inject({ method: 'GET', url: '/candidates/text' });

      expect(response.body).toBe('id 1****************X');
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
    });

    it('should keep a declared content type', async () => {
      const response = await app.inject({ method: 'GET', url: '/candidates/csv' });

      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.body).toBe('name,id\n张小明,1****************X');
    });

    it('should leave dynamic redirects working', async () => {
      const response = await app.inject({ method: 'GET', url: '/candidates/away' });

      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('https://example.com/next');
    });
  });

  describe('on Express', () => {
    let app: INestApplication;

    beforeAll(async () => {
      const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
      app = moduleRef.createNestApplication({ logger: false });
      await app.init();
    });

    afterAll(async () => {
      await app.close();
    });

    it('should send masked JSON with a JSON content type', async () => {
      const response = await request(app.getHttpServer() as Parameters<typeof request>[0]).get('/candidates');

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.body).toEqual([
        { idNumber: '1****************X', name: '**明', note: 'call 138****5678' },
      ]);
    });

    it('should leave dynamic redirects working', async () => {
      const response = await request(app.getHttpServer() as Parameters<typeof request>[0]).get(
        '/candidates/away',
      );

      expect(response.status).toBe(302);
      expect(response.headers.location).toBe('https://example.com/next');
    });
  });
});
