import { type EventEnvelope, EventEnvelopeDto, type TopicName, TopicRegistry } from '@exam/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export type ParseResult =
  { readonly ok: true; readonly envelope: EventEnvelope } | { readonly ok: false; readonly reason: string };

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`),
      ...flatten(e.children ?? [], path),
    ];
  });
}

/**
 * Validates a consumed message: JSON, envelope shape, topic/type agreement, known version,
 * and the payload against the topic's contract class (unknown fields rejected).
 */
export function parseEnvelope(topic: TopicName, raw: Buffer | null): ParseResult {
  if (raw === null) return { ok: false, reason: 'EVENT.EMPTY: message has no value' };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, reason: 'EVENT.NOT_JSON: message value is not valid JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'EVENT.NOT_OBJECT: message value is not a JSON object' };
  }
  const envelope = plainToInstance(EventEnvelopeDto, json);
  const envelopeErrors = flatten(validateSync(envelope, { whitelist: true, forbidNonWhitelisted: true }));
  if (envelopeErrors.length > 0)
    return { ok: false, reason: `EVENT.BAD_ENVELOPE: ${envelopeErrors.join('; ')}` };
  if (envelope.type !== topic) {
    return { ok: false, reason: `EVENT.WRONG_TYPE: envelope type ${envelope.type} on topic ${topic}` };
  }
  const contract = TopicRegistry[topic];
  if (envelope.version !== contract.version) {
    return {
      ok: false,
      reason: `EVENT.UNSUPPORTED_VERSION: version ${envelope.version}, expected ${contract.version}`,
    };
  }
  const payload: object = plainToInstance(contract.payload as new () => object, envelope.payload);
  const payloadErrors = flatten(
    validateSync(payload, { whitelist: true, forbidNonWhitelisted: true }),
    'payload',
  );
  if (payloadErrors.length > 0)
    return { ok: false, reason: `EVENT.BAD_PAYLOAD: ${payloadErrors.join('; ')}` };
  const parsedEnvelope = {
    id: envelope.id,
    type: topic,
    version: envelope.version,
    occurredAt: envelope.occurredAt,
    producer: envelope.producer,
    subjectId: envelope.subjectId,
    traceId: envelope.traceId,
    payload,
  };
  return { ok: true, envelope: parsedEnvelope as EventEnvelope };
}
