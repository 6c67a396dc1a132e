import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

import { type LoadResult, runLoad } from './support/load';
import { writeBenchResult } from './support/report';

type AdapterKind = 'express' | 'fastify';

function startServer(kind: AdapterKind): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, 'support', 'adapter-server.ts'), [kind], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      resolve({ child, port: (message as { port: number }).port });
    });
    child.once('exit', (code) => {
      reject(new Error(`${kind} server exited with ${code ?? 'signal'}`));
    });
  });
}

const ROUNDS = 3;
const DURATION_MS = 3000;
const BODY = JSON.stringify({ questionId: 'q7', answer: 'B', elapsedMs: 4200 });

async function measure(kind: AdapterKind): Promise<{ get: LoadResult; post: LoadResult }> {
  const { child, port } = await startServer(kind);
  try {
    await runLoad({ port, method: 'GET', path: '/exam', concurrency: 16, durationMs: 1000 });
    const gets: LoadResult[] = [];
    const posts: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      gets.push(
        await runLoad({ port, method: 'GET', path: '/exam', concurrency: 32, durationMs: DURATION_MS }),
      );
      posts.push(
        await runLoad({
          port,
          method: 'POST',
          path: '/answers',
          body: BODY,
          concurrency: 32,
          durationMs: DURATION_MS,
        }),
      );
    }
    const median = (xs: LoadResult[]): LoadResult => {
      const sorted = [...xs].sort((a, b) => a.perSecond - b.perSecond);
      const middle = sorted.at(Math.floor(sorted.length / 2));
      if (!middle) throw new Error('no rounds measured');
      return middle;
    };
    return { get: median(gets), post: median(posts) };
  } finally {
    child.kill('SIGTERM');
  }
}

/** Same Nest app, same validation pipe, two adapters, medians of three rounds measured in one run. */
async function main(): Promise<void> {
  const express = await measure('express');
  const fastify = await measure('fastify');
  const rows = [
    ['GET /exam (20 questions JSON)', express.get, fastify.get],
    ['POST /answers (validated DTO)', express.post, fastify.post],
  ] as const;
  console.log('\nHTTP adapter (median of 3 × 3 s, 32 keep-alive clients, server in its own process)');
  for (const [label, e, f] of rows) {
    console.log(
      `${label.padEnd(32)} express ${e.perSecond.toFixed(0).padStart(6)} req/s p99 ${e.p99Ms.toFixed(1)} ms | ` +
        `fastify ${f.perSecond.toFixed(0).padStart(6)} req/s p99 ${f.p99Ms.toFixed(1)} ms | fastify/express ${(f.perSecond / e.perSecond).toFixed(2)}×`,
    );
  }
  writeBenchResult('http-adapter', { express, fastify });
}

void main();
