import { randomUUID } from 'node:crypto';

import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

import type { AuthoritySimEnv } from './config/authority-sim.env';
import { decideLiveness, LIVENESS_MODEL_VERSION, parseLivenessCheck } from './liveness-check';
import { FixedWindowRateLimiter } from './rate-limiter';
import { ReferencePhotos } from './registry/reference-photos';
import { PersonRegistry } from './registry/registry';
import { canonicalString, isFresh, sign, SIGNATURE_HEADERS, signatureMatches } from './signing';
import { decide, isBillable, type VerificationRecord, type VerificationRequest } from './verification';

export const PROVIDER_NAME = 'authority-sim';
export const LIVENESS_CHECK_PATH = '/liveness/v1/checks';
const SLOW_PERSON_DELAY_MS = 5_000;
const MAX_REMEMBERED = 100_000;

export interface AuthorityServerOptions {
  readonly now?: () => Date;
  /** The photos the register holds (default: loaded from AUTHORITY_REFERENCE_PHOTOS_DIR, or none). */
  readonly photos?: ReferencePhotos;
  /** Where notifications go; tests replace it to observe deliveries. */
  readonly deliver?: (url: string, body: string, headers: Record<string, string>) => Promise<void>;
}

interface RawBodyRequest extends FastifyRequest {
  rawBody?: string;
}

function header(request: FastifyRequest, name: string): string {
  const value = request.headers[name];
  return typeof value === 'string' ? value : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** One capture as the real services accept it (they ask for a few hundred kB at most). */
export const MAX_FACE_IMAGE_BYTES = 512 * 1024;
const MAX_FACE_IMAGE_BASE64 = Math.ceil(MAX_FACE_IMAGE_BYTES / 3) * 4;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function isPngOrJpeg(image: Buffer): boolean {
  const jpeg = image.length > 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff;
  return jpeg || image.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC);
}

/** Field-by-field check of the request body; returns the problem or the typed request. */
export function parseVerificationRequest(body: unknown): VerificationRequest | string {
  if (!isRecord(body)) return 'body must be a JSON object';
  const { requestId, name, idNumber, document, face, callbackUrl } = body;
  if (typeof requestId !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(requestId))
    return 'requestId must be 8-64 letters, digits or dashes';
  if (typeof name !== 'string' || name.length < 1 || name.length > 80)
    return 'name must be a string of 1-80 characters';
  if (typeof idNumber !== 'string' || !/^\d{17}[\dX]$/.test(idNumber))
    return 'idNumber must be 18 characters, 17 digits and a digit or X';
  let parsedDocument: VerificationRequest['document'];
  if (document !== undefined) {
    if (!isRecord(document) || typeof document.validFrom !== 'string' || !DATE.test(document.validFrom)) {
      return 'document.validFrom must be YYYY-MM-DD';
    }
    if (
      typeof document.validTo !== 'string' ||
      (document.validTo !== 'long-term' && !DATE.test(document.validTo))
    ) {
      return 'document.validTo must be YYYY-MM-DD or long-term';
    }
    parsedDocument = { validFrom: document.validFrom, validTo: document.validTo };
  }
  let parsedFace: VerificationRequest['face'];
  if (face !== undefined) {
    if (
      !isRecord(face) ||
      typeof face.image !== 'string' ||
      face.image.length === 0 ||
      face.image.length > MAX_FACE_IMAGE_BASE64 ||
      !BASE64.test(face.image)
    ) {
      return `face.image must be a base64 PNG or JPEG of at most ${MAX_FACE_IMAGE_BYTES} bytes`;
    }
    const image = Buffer.from(face.image, 'base64');
    if (!isPngOrJpeg(image)) return 'face.image must be a PNG or JPEG';
    parsedFace = { image };
  }
  if (
    callbackUrl !== undefined &&
    (typeof callbackUrl !== 'string' || !/^https?:\/\/\S+$/.test(callbackUrl))
  ) {
    return 'callbackUrl must be an http(s) URL';
  }
  return {
    requestId,
    name,
    idNumber,
    ...(parsedDocument === undefined ? {} : { document: parsedDocument }),
    ...(parsedFace === undefined ? {} : { face: parsedFace }),
    ...(typeof callbackUrl === 'string' ? { callbackUrl } : {}),
  };
}

async function postJson(url: string, body: string, headers: Record<string, string>): Promise<void> {
  await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    signal: AbortSignal.timeout(5_000),
  });
}

/**
 * The local real-name authority: name + ID number check against a seeded register, document validity, and a
 * face comparison of the submitted capture against the register photo (recognised by content hash, see
 * ReferencePhotos). See CONTRACT.md for the wire format.
 */
export function buildAuthorityServer(
  env: AuthoritySimEnv,
  options: AuthorityServerOptions = {},
): FastifyInstance {
  const now = options.now ?? ((): Date => new Date());
  const deliver = options.deliver ?? postJson;
  const registry = new PersonRegistry(env.AUTHORITY_GENERATED_PERSONS);
  const photos =
    options.photos ??
    (env.AUTHORITY_REFERENCE_PHOTOS_DIR === ''
      ? ReferencePhotos.empty()
      : ReferencePhotos.load(env.AUTHORITY_REFERENCE_PHOTOS_DIR));
  const limiter = new FixedWindowRateLimiter(env.AUTHORITY_RATE_LIMIT_PER_MINUTE);
  const byId = new Map<string, VerificationRecord>();
  const byRequestId = new Map<string, VerificationRecord>();
  const seenNonces = new Map<string, number>();

  const app = Fastify({ logger: env.LOG_LEVEL === 'debug', bodyLimit: 1024 * 1024 });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    (request as RawBodyRequest).rawBody = body as string;
    try {
      done(null, body === '' ? undefined : (JSON.parse(body as string) as unknown));
    } catch {
      done(null, Symbol.for('invalid-json'));
    }
  });

  const refuse = (reply: FastifyReply, status: number, error: string, message: string): FastifyReply =>
    reply.status(status).send({ error, message });

  /** Signed, fresh, not replayed, and within the client's quota. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const appId = header(request, SIGNATURE_HEADERS.appId);
    const timestamp = header(request, SIGNATURE_HEADERS.timestamp);
    const nonce = header(request, SIGNATURE_HEADERS.nonce);
    const nowMs = now().getTime();
    const canonical = canonicalString(
      request.method,
      request.url,
      timestamp,
      nonce,
      (request as RawBodyRequest).rawBody ?? '',
    );
    if (
      appId !== env.AUTHORITY_APP_ID ||
      !signatureMatches(env.AUTHORITY_HMAC_SECRET, canonical, header(request, SIGNATURE_HEADERS.signature))
    ) {
      await refuse(reply, 401, 'unauthorized', 'unknown app id or bad signature');
      return false;
    }
    if (
      !isFresh(timestamp, nowMs, env.AUTHORITY_SIGNATURE_TOLERANCE_SECONDS) ||
      !/^[A-Za-z0-9-]{8,64}$/.test(nonce)
    ) {
      await refuse(reply, 401, 'stale_request', 'timestamp outside the accepted window or nonce malformed');
      return false;
    }
    if (seenNonces.has(nonce)) {
      await refuse(reply, 401, 'replayed_request', 'nonce already used');
      return false;
    }
    if (seenNonces.size > MAX_REMEMBERED) {
      for (const [key, at] of seenNonces)
        if (nowMs - at > env.AUTHORITY_SIGNATURE_TOLERANCE_SECONDS * 2000) seenNonces.delete(key);
    }
    seenNonces.set(nonce, nowMs);
    const retryAfter = limiter.take(appId, nowMs);
    if (retryAfter !== undefined) {
      await reply
        .header('retry-after', String(retryAfter))
        .status(429)
        .send({ error: 'rate_limited', message: 'quota per minute exhausted' });
      return false;
    }
    return true;
  }

  function notify(record: VerificationRecord, callbackUrl: string): void {
    const body = JSON.stringify({
      event: 'verification.completed',
      verificationId: record.verificationId,
      requestId: record.requestId,
      result: record.result,
    });
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const nonce = randomUUID();
    const path = new URL(callbackUrl).pathname;
    const signature = sign(env.AUTHORITY_HMAC_SECRET, canonicalString('POST', path, timestamp, nonce, body));
    const headers = {
      [SIGNATURE_HEADERS.appId]: env.AUTHORITY_APP_ID,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: signature,
    };
    // Best effort with one retry, as the real services do; the client must confirm by query anyway.
    deliver(callbackUrl, body, headers).catch(() =>
      deliver(callbackUrl, body, headers).catch(() => undefined),
    );
  }

  app.get('/health/live', (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/health/ready', (_request, reply) => reply.send({ status: 'ok' }));

  app.post('/v1/verifications', async (request, reply) => {
    if (!(await authenticate(request, reply))) return reply;
    const parsed = parseVerificationRequest(request.body);
    if (typeof parsed === 'string') return refuse(reply, 400, 'invalid_request', parsed);
    const previous = byRequestId.get(parsed.requestId);
    if (previous !== undefined) return previous;
    const person = registry.find(parsed.idNumber);
    if (person?.behaviour === 'upstream_error')
      return refuse(reply, 503, 'upstream_unavailable', 'the population register did not answer');
    // The real services also cap checks per ID number per day; this person is always over that cap.
    if (person?.behaviour === 'person_quota_exceeded') {
      return reply
        .header('retry-after', '3600')
        .status(429)
        .send({ error: 'rate_limited', message: 'daily checks for this ID number exhausted' });
    }
    if (person?.behaviour === 'slow')
      await new Promise((resolve) => setTimeout(resolve, SLOW_PERSON_DELAY_MS));
    const checkedAt = now();
    const decision = decide(
      person,
      parsed,
      checkedAt.toISOString().slice(0, 10),
      env.AUTHORITY_FACE_THRESHOLD,
      photos,
    );
    const record: VerificationRecord = {
      verificationId: randomUUID(),
      requestId: parsed.requestId,
      result: decision.result,
      billable: isBillable(decision.result),
      score: decision.score,
      threshold: parsed.face === undefined ? null : env.AUTHORITY_FACE_THRESHOLD,
      provider: PROVIDER_NAME,
      modelVersion: parsed.face === undefined ? null : env.AUTHORITY_MODEL_VERSION,
      checkedAt: checkedAt.toISOString(),
    };
    if (byId.size > MAX_REMEMBERED) {
      byId.clear();
      byRequestId.clear();
    }
    byId.set(record.verificationId, record);
    byRequestId.set(record.requestId, record);
    if (parsed.callbackUrl !== undefined) notify(record, parsed.callbackUrl);
    return record;
  });

  // Three camera frames in base64 exceed the 1 MiB limit of the other routes.
  app.post(LIVENESS_CHECK_PATH, { bodyLimit: 4 * 1024 * 1024 }, async (request, reply) => {
    if (!(await authenticate(request, reply))) return reply;
    const parsed = parseLivenessCheck(request.body, MAX_FACE_IMAGE_BYTES);
    if (typeof parsed === 'string') return refuse(reply, 400, 'invalid_request', parsed);
    return {
      checkId: parsed.checkId,
      ...decideLiveness(parsed),
      provider: PROVIDER_NAME,
      modelVersion: LIVENESS_MODEL_VERSION,
    };
  });

  app.get<{ Params: { verificationId: string } }>(
    '/v1/verifications/:verificationId',
    async (request, reply) => {
      if (!(await authenticate(request, reply))) return reply;
      const record = byId.get(request.params.verificationId);
      if (record === undefined) return refuse(reply, 404, 'not_found', 'no such verification');
      return record;
    },
  );

  app.setErrorHandler(async (error: { statusCode?: number }, _request, reply) => {
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 500;
    return refuse(
      reply,
      status,
      status === 500 ? 'internal' : 'invalid_request',
      status === 500 ? 'internal error' : 'malformed request',
    );
  });

  return app;
}
