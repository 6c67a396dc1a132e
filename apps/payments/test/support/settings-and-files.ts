import request from 'supertest';

import type { Caller, Reply } from './payments-bed';

/** PUT with a JSON body (the payment settings), which PaymentsClient does not speak. */
export async function put(url: string, path: string, caller: Caller | null, body: object): Promise<Reply> {
  let req = request(url).put(`/api/payments${path}`);
  if (caller) req = req.set('authorization', `Bearer ${caller.token}`);
  const response = await req.send(body);
  return { status: response.status, body: response.body as Record<string, unknown>, text: response.text };
}

/** A binary download (xlsx): status, headers and the bytes. */
export async function download(
  url: string,
  path: string,
  caller: Caller | null,
): Promise<{ status: number; headers: Record<string, string>; raw: Buffer }> {
  let req = request(url).get(`/api/payments${path}`);
  if (caller) req = req.set('authorization', `Bearer ${caller.token}`);
  const response = await req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => {
      done(null, Buffer.concat(chunks));
    });
  });
  return {
    status: response.status,
    headers: response.headers,
    raw: response.body as Buffer,
  };
}
