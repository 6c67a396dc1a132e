import { crc32, inflateRawSync } from 'node:zlib';

import { MAX_STATEMENT_BYTES as MAX_BYTES, StatementFormatError } from '../provider-statement';

export interface ZipFile {
  readonly name: string;
  readonly data: Buffer;
}

/**
 * Reads a zip archive (PKWARE APPNOTE): the end record, the central directory, then each member stored or
 * deflated, its CRC-32 checked. Names without the UTF-8 flag are GBK, as Alipay writes them.
 */
export function readZip(archive: Buffer): ZipFile[] {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt + 22 > archive.length) throw new StatementFormatError('not a zip archive');
  const count = archive.readUInt16LE(endAt + 10);
  let at = archive.readUInt32LE(endAt + 16);
  const gbk = new TextDecoder('gbk');
  const files: ZipFile[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > archive.length || archive.readUInt32LE(at) !== 0x02014b50)
      throw new StatementFormatError('zip central directory is damaged');
    const flags = archive.readUInt16LE(at + 8);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const compressedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const rawName = archive.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & 0x0800) !== 0 ? rawName.toString('utf8') : gbk.decode(rawName);
    at += 46 + nameLength + extraLength + commentLength;
    if ((flags & 0x0001) !== 0) throw new StatementFormatError(`zip member ${name} is encrypted`);
    if (size > MAX_BYTES || compressedSize > MAX_BYTES)
      throw new StatementFormatError(`zip member ${name} is too large`);
    if (localAt + 30 > archive.length || archive.readUInt32LE(localAt) !== 0x04034b50)
      throw new StatementFormatError(`zip member ${name} has no local header`);
    const dataAt = localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    const stored = archive.subarray(dataAt, dataAt + compressedSize);
    if (stored.length !== compressedSize) throw new StatementFormatError(`zip member ${name} is truncated`);
    let data: Buffer;
    if (method === 0) data = Buffer.from(stored);
    else if (method === 8) {
      try {
        data = inflateRawSync(stored, { maxOutputLength: MAX_BYTES });
      } catch {
        throw new StatementFormatError(`zip member ${name} does not inflate`);
      }
    } else throw new StatementFormatError(`zip member ${name} uses compression method ${method}`);
    if (data.length !== size || crc32(data) !== crc)
      throw new StatementFormatError(`zip member ${name} fails its CRC-32`);
    files.push({ name, data });
  }
  return files;
}
