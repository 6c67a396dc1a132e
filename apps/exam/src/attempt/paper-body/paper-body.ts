import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { serializeMaskedJson } from '@exam/platform';

import type { ContentCoding } from './content-coding';

/** Brotli quality 1 and gzip level 4: a paper's JSON shrinks about sevenfold at a fraction of a millisecond. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } };
const GZIP = { level: 4 };

export interface MaskingReport {
  (paths: readonly string[]): void;
}

/**
 * A paper as a response body, serialized once and compressed once per coding asked for: a paper never changes
 * once its attempt started, so a hall of candidates fetching theirs (and every reload) costs the service and
 * the edge a copy of bytes, not a serialization and a 14 kB transfer each. The masking safety net every JSON
 * response passes through runs here, once, on the text (a question's stem is the institution's text, and an ID
 * number typed into one is masked like anywhere else); `onLeak` hears the paths it masked.
 */
export class PaperBody {
  private json?: Buffer;
  private readonly encoded = new Map<Exclude<ContentCoding, 'identity'>, Buffer>();

  constructor(
    private readonly paper: unknown,
    private readonly onLeak: MaskingReport,
  ) {}

  in(coding: ContentCoding): Buffer {
    const json = this.plain();
    if (coding === 'identity') return json;
    let body = this.encoded.get(coding);
    if (body === undefined) {
      body = coding === 'br' ? brotliCompressSync(json, BROTLI) : gzipSync(json, GZIP);
      this.encoded.set(coding, body);
    }
    return body;
  }

  private plain(): Buffer {
    if (this.json === undefined) {
      const { json, leaks } = serializeMaskedJson(this.paper);
      if (leaks.length > 0) this.onLeak(leaks.map((leak) => leak.path));
      this.json = Buffer.from(json ?? 'null', 'utf8');
    }
    return this.json;
  }
}
