import { maskSensitiveNumbers } from '@exam/crypto/masking';
import {
  CallHandler,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { REDIRECT_METADATA, RENDER_METADATA, SSE_METADATA } from '@nestjs/common/constants';
import { map, Observable } from 'rxjs';

import { REVEALS_PERSONAL_DATA } from '../reveal/reveals-personal-data.decorator';
import { serializeMaskedJson } from './masked-json';
import { isOpaque, MaskingLeak, maskResponseBody } from './response-masker';

interface HttpRequestLike {
  readonly method?: unknown;
  /** Express. */
  readonly route?: { readonly path?: unknown };
  /** Fastify. */
  readonly routeOptions?: { readonly url?: unknown };
}

/** The subset of Express `Response` and Fastify `Reply` used here; both have these two methods. */
interface HttpResponseLike {
  getHeader?(name: string): unknown;
  header?(name: string, value: string): unknown;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** Warnings are deduplicated per route and field; the cap only bounds memory. */
const MAX_REMEMBERED_LEAKS = 1000;
/** Handlers whose result Nest does not serialize as a JSON body. */
const NON_JSON_HANDLER_METADATA = [SSE_METADATA, REDIRECT_METADATA, RENDER_METADATA];

/**
 * Global interceptor for HTTP responses. It serializes the body itself (so Nest sends the string as is and
 * nothing is serialized twice): @Sensitive DTO fields are masked during that serialization, and as a safety
 * net any unmasked resident ID, mobile or card number in a string is masked too, with a warning naming the
 * route and field (never the value) so the leak gets fixed at the source. Register it as the outermost global
 * interceptor, since it hands a string to whatever runs after it. Non-HTTP contexts pass through.
 */
@Injectable()
export class MaskingInterceptor implements NestInterceptor {
  private readonly logger = new Logger(MaskingInterceptor.name);
  private readonly reported = new Set<string>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const handler = context.getHandler();
    if (Reflect.getMetadata(REVEALS_PERSONAL_DATA, handler) === true) return next.handle();
    const serialize = !NON_JSON_HANDLER_METADATA.some(
      (key) => Reflect.getMetadata(key, handler) !== undefined,
    );
    return next
      .handle()
      .pipe(
        map((body: unknown) => (serialize ? this.transform(body, context) : this.maskObject(body, context))),
      );
  }

  /**
   * The masked response: the JSON text for objects and arrays (with the content type set when a context is
   * given), a masked string for string bodies, anything else unchanged.
   */
  transform(body: unknown, context?: ExecutionContext): unknown {
    if (typeof body === 'string') return this.maskText(body, context);
    if (typeof body !== 'object' || body === null || body instanceof StreamableFile || isOpaque(body))
      return body;
    const response = context?.switchToHttp().getResponse<HttpResponseLike | undefined>();
    const contentType = response?.getHeader?.('content-type');
    if (typeof contentType === 'string' && !contentType.includes('json'))
      return this.maskObject(body, context);
    const { json, leaks } = serializeMaskedJson(body);
    if (leaks.length > 0) this.report(leaks, context);
    if (json === undefined) return body;
    response?.header?.('content-type', JSON_CONTENT_TYPE);
    return json;
  }

  private maskObject(body: unknown, context: ExecutionContext | undefined): unknown {
    const { body: masked, leaks } = maskResponseBody(body);
    if (leaks.length > 0) this.report(leaks, context);
    return masked;
  }

  private maskText(text: string, context: ExecutionContext | undefined): string {
    const masked = maskSensitiveNumbers(text);
    if (masked === undefined) return text;
    this.report([{ path: '$', kinds: masked.kinds }], context);
    return masked.text;
  }

  private report(leaks: readonly MaskingLeak[], context: ExecutionContext | undefined): void {
    const route = context === undefined ? 'unknown route' : describeRoute(context);
    for (const leak of leaks) {
      const key = `${route} ${leak.path} ${leak.kinds.join(',')}`;
      if (this.reported.has(key)) continue;
      if (this.reported.size >= MAX_REMEMBERED_LEAKS) this.reported.clear();
      this.reported.add(key);
      this.logger.warn(
        `MASKING.UNMASKED_VALUE: masked an unmasked ${leak.kinds.join('/')} in the response of ${route} at ` +
          `${leak.path}; mask it at the source with @Sensitive`,
      );
    }
  }
}

/** Method and route pattern only: the concrete URL may itself carry the values being protected. */
function describeRoute(context: ExecutionContext): string {
  const request = context.switchToHttp().getRequest<HttpRequestLike | undefined>();
  const method = typeof request?.method === 'string' ? request.method : 'HTTP';
  const pattern = request?.route?.path ?? request?.routeOptions?.url;
  if (typeof pattern === 'string') return `${method} ${pattern}`;
  return `${method} ${context.getClass().name}.${context.getHandler().name}`;
}
