import { brotliCompressSync, constants } from 'node:zlib';

import Fastify from 'fastify';
import { createPool } from 'mysql2/promise';

/**
 * The baselines of the exam bench: what a bare Fastify route with mysql2 and no framework costs for the same
 * work as exam's hot paths — the autosave's conditional upsert and read-back (the same two statements against
 * the same tables), and serving an already-built paper as cached JSON (compressed once, as exam does). Its own process, like a service.
 */
async function main(): Promise<void> {
  const pool = createPool({
    uri: process.env.BARE_DATABASE_URL,
    connectionLimit: 10,
    dateStrings: false,
  });
  const paper = process.env.BARE_PAPER_JSON ?? '{}';
  // The same representation exam sends a browser (brotli, compressed once), so the ratio compares serving
  // cached bytes with serving cached bytes.
  const paperBr = brotliCompressSync(Buffer.from(paper), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
  const app = Fastify({ logger: false });
  app.put<{
    Params: { attemptId: string; questionId: string };
    Body: { seq: number; idempotencyKey: string; answer: unknown };
  }>('/bare/attempts/:attemptId/answers/:questionId', async (req, reply) => {
    const { attemptId, questionId } = req.params;
    const now = new Date();
    await pool.query(
      `INSERT INTO attempt_answers (attempt_id, question_id, seq, idempotency_key, answer, saved_at)
       SELECT a.id, ?, ?, ?, ?, ? FROM exam_attempts a WHERE a.id = ? AND a.status = 'in_progress'
       ON DUPLICATE KEY UPDATE
         answer = IF(VALUES(seq) > seq, VALUES(answer), answer),
         idempotency_key = IF(VALUES(seq) > seq, VALUES(idempotency_key), idempotency_key),
         saved_at = IF(VALUES(seq) > seq, VALUES(saved_at), saved_at),
         seq = GREATEST(seq, VALUES(seq))`,
      [questionId, req.body.seq, req.body.idempotencyKey, JSON.stringify(req.body.answer), now, attemptId],
    );
    const [rows] = await pool.query(
      'SELECT seq, answer, saved_at FROM attempt_answers WHERE attempt_id = ? AND question_id = ?',
      [attemptId, questionId],
    );
    const held = (rows as { seq: string; answer: unknown; saved_at: Date }[]).at(0);
    void reply.header('content-type', 'application/json');
    return JSON.stringify({
      applied: true,
      questionId,
      held: held ? { seq: Number(held.seq), answer: held.answer } : null,
    });
  });
  app.get('/bare/paper', async (req, reply) => {
    void reply.header('content-type', 'application/json');
    if (!(req.headers['accept-encoding'] ?? '').includes('br')) return paper;
    void reply.header('content-encoding', 'br');
    return paperBr;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address === 'object' && address !== null) process.send?.({ port: address.port });
  // The bench went away (a crash, or it killed this baseline): do not outlive it.
  process.on('disconnect', () => process.exit(0));
}

void main();
