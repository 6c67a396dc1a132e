import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** Alipay's notifications are small forms; anything larger is not one. */
const FORM_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Alipay posts its asynchronous notifications as `application/x-www-form-urlencoded`, which no other route
 * of the platform takes: this service alone parses such bodies (into plain string fields, duplicates
 * refused) and keeps the text as received.
 */
@Injectable()
export class FormBodyParser implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('application/x-www-form-urlencoded')) return;
    fastify.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES },
      (request, body, done) => {
        const text = typeof body === 'string' ? body : body.toString('utf8');
        (request as { rawBody?: string }).rawBody = text;
        const fields: Record<string, string> = {};
        for (const [name, value] of new URLSearchParams(text)) {
          if (Object.hasOwn(fields, name)) {
            done(
              Object.assign(new Error(`form field ${name.slice(0, 40)} appears twice`), { statusCode: 400 }),
            );
            return;
          }
          fields[name] = value;
        }
        done(null, fields);
      },
    );
  }
}
