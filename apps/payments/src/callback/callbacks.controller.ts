import { Public, rawBodyOf } from '@exam/platform';
import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { ALIPAY_NOTIFY_ACK, ALIPAY_NOTIFY_NACK } from '../provider/alipay/alipay.protocol';
import { CallbacksService } from './callbacks.service';

function formOf(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * The providers' asynchronous notifications. Public (the providers hold no platform token): each is trusted
 * only after its signature and timestamp verify, and answered exactly as its provider expects.
 */
@Controller('callbacks')
@Public()
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  /** WeChat Pay v3: 204 without a body when handled; a 4xx error body (it delivers again) when refused. */
  @Post('wechat')
  @HttpCode(204)
  async wechat(@Req() request: FastifyRequest): Promise<void> {
    await this.callbacks.receiveOrRefuse('wechat', {
      headers: request.headers,
      body: rawBodyOf(request) ?? '',
      form: {},
    });
  }

  /** Alipay: the exact body `success` when handled, anything else (`failure`) to be notified again. */
  @Post('alipay')
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  async alipay(@Req() request: FastifyRequest, @Body() body: unknown): Promise<string> {
    const verdict = await this.callbacks.receive('alipay', {
      headers: request.headers,
      body: rawBodyOf(request) ?? '',
      form: formOf(body),
    });
    return verdict.accepted ? ALIPAY_NOTIFY_ACK : ALIPAY_NOTIFY_NACK;
  }
}
