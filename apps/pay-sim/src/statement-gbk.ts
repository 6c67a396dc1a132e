/**
 * GBK encoding without a package: Node's ICU decodes GBK (TextDecoder), so the encoder is the inverse of the
 * decoder over every two-byte code (lead 0x81-0xFE, trail 0x40-0xFE but 0x7F), built once on first use.
 */
let table: Map<string, number> | undefined;

function gbkTable(): Map<string, number> {
  if (table !== undefined) return table;
  const decoder = new TextDecoder('gbk');
  const built = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1)
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\ufffd' && !built.has(char)) built.set(char, (lead << 8) | trail);
    }
  table = built;
  return built;
}

/** The text in GBK; a character GBK cannot hold becomes `?`, as Windows tools write it. */
export function encodeGbk(text: string): Buffer {
  const codes = gbkTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const gbk = codes.get(char);
    if (gbk === undefined) bytes.push(0x3f);
    else bytes.push(gbk >> 8, gbk & 0xff);
  }
  return Buffer.from(bytes);
}
