import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { EXAM_ROOM_PATH_PREFIX } from '@exam/platform';

export interface NginxEdge {
  readonly port: number;
  stop(): Promise<void>;
}

/** The binary Debian's nginx-light installs (scripts/lib/install.sh, ensure_nginx). */
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

/** A free port on loopback (bound and released; the bench is alone on the machine). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * The ingress of the k8s manifests, as the bench can run it: nginx (what ingress-nginx runs) with the
 * Ingress's two rules (a k8s `Prefix` path matches the prefix itself and everything under it), the exam room
 * straight to exam and everything else to the gateway. As ingress-nginx
 * with `use-forwarded-headers: false`, it overwrites X-Forwarded-For with the peer's address, caps bodies at
 * 1 MiB and keeps connections to its upstreams alive. One process (`master_process off`), so the CPU meter
 * finds all of it under one pid.
 */
export async function startNginxEdge(options: {
  readonly examPort: number;
  readonly gatewayPort: number;
  readonly dir: string;
  /** In the config file's name, so this run's nginx is told apart from any other. */
  readonly runId: string;
}): Promise<NginxEdge> {
  if (NGINX === undefined)
    throw new Error(
      'nginx is not installed: run `npm run bench` (it installs nginx-light) or apt-get install nginx-light',
    );
  mkdirSync(join(options.dir, 'logs'), { recursive: true });
  const port = await freePort();
  const upstream = (name: string, upstreamPort: number) =>
    `upstream ${name} { server 127.0.0.1:${upstreamPort}; keepalive 128; }`;
  const proxy = (name: string) => `
      proxy_pass http://${name};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering on;`;
  const config = join(options.dir, `bench-edge-${options.runId}.conf`);
  writeFileSync(
    config,
    `master_process off;
daemon off;
worker_processes 1;
error_log ${join(options.dir, 'logs', 'error.log')} warn;
pid ${join(options.dir, 'nginx.pid')};
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${join(options.dir, 'body')};
  proxy_temp_path ${join(options.dir, 'proxy')};
  fastcgi_temp_path ${join(options.dir, 'fastcgi')};
  uwsgi_temp_path ${join(options.dir, 'uwsgi')};
  scgi_temp_path ${join(options.dir, 'scgi')};
  client_max_body_size 1m;
  keepalive_requests 100000;
  ${upstream('exam_room', options.examPort)}
  ${upstream('gateway', options.gatewayPort)}
  server {
    listen 127.0.0.1:${port};
    location = ${EXAM_ROOM_PATH_PREFIX} {${proxy('exam_room')}
    }
    location ${EXAM_ROOM_PATH_PREFIX}/ {${proxy('exam_room')}
    }
    location / {${proxy('gateway')}
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ['-p', options.dir, '-c', config], { stdio: 'inherit' });
  await waitForPort(port, child);
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGQUIT');
      }),
  };
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      fetch(`http://127.0.0.1:${port}/health/live`)
        .then(() => {
          resolve(true);
        })
        .catch(() => {
          resolve(false);
        });
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}`);
}
