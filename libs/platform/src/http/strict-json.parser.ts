import type { FastifyInstance } from 'fastify';

import { assertJsonDepth, assertWellFormedStrings } from './strict-json';

/** A request whose body parser kept the body text as received. */
export interface RawBodyCarrier {
  rawBody?: string;
}

/** The body exactly as received (before JSON parsing), or undefined when none was kept. */
export function rawBodyOf(request: object): string | undefined {
  return (request as RawBodyCarrier).rawBody;
}

/**
 * Replaces the JSON body parser of a service: the depth is checked on the text before parsing, Fastify's own
 * parser (with prototype-poisoning protection) parses, and strings are checked for malformed Unicode. Each
 * refusal is a 400 with the shared error body; without this, a 10 KB body of `[` overflowed the validation
 * pipe's stack and a lone surrogate broke a validator, both as 500s.
 */
export function registerStrictJsonParser(fastify: FastifyInstance, bodyLimit: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      // Kept for routes that verify a signature over the exact bytes (payment provider callbacks).
      (request as RawBodyCarrier).rawBody = text;
      try {
        assertJsonDepth(text);
      } catch (error: unknown) {
        done(error as Error, undefined);
        return;
      }
      const parse = parseJson as (
        request: unknown,
        body: string,
        done: (error: Error | null, value?: unknown) => void,
      ) => void;
      parse(request, text, (error, value) => {
        if (error !== null) {
          done(error, undefined);
          return;
        }
        try {
          assertWellFormedStrings(value);
          done(null, value);
        } catch (refusal: unknown) {
          done(refusal as Error, undefined);
        }
      });
    },
  );
}
