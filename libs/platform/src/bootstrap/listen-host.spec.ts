import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

import { BaseServiceEnv } from '../config/base-service.env';
import { ConfigValidationError, loadConfig } from '../config/load-config';
import { startServiceApp } from './create-service-app';

@Module({})
class EmptyModule {}

/** An address of this machine that other machines reach it by (not loopback), when there is one. */
function networkAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('service listen address', () => {
  const apps: NestFastifyApplication[] = [];

  async function start(host?: string): Promise<number> {
    const app = await NestFactory.create<NestFastifyApplication>(EmptyModule, new FastifyAdapter(), {
      logger: false,
    });
    apps.push(app);
    return startServiceApp(app, 0, ...(host === undefined ? [] : [host]));
  }

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  it('should default LISTEN_HOST to loopback and accept 0.0.0.0 when configured', () => {
    expect(loadConfig(BaseServiceEnv, { DATABASE_NAME: 'exam_x' }).LISTEN_HOST).toBe('127.0.0.1');
    expect(loadConfig(BaseServiceEnv, { DATABASE_NAME: 'exam_x', LISTEN_HOST: '0.0.0.0' }).LISTEN_HOST).toBe(
      '0.0.0.0',
    );
  });

  it('should refuse a LISTEN_HOST that is not an IP address, naming the variable', () => {
    expect(() => loadConfig(BaseServiceEnv, { DATABASE_NAME: 'exam_x', LISTEN_HOST: 'everywhere' })).toThrow(
      ConfigValidationError,
    );
    expect(() => loadConfig(BaseServiceEnv, { DATABASE_NAME: 'exam_x', LISTEN_HOST: 'everywhere' })).toThrow(
      /LISTEN_HOST/,
    );
  });

  it('should bind to loopback only by default, unreachable from the network', async () => {
    const port = await start();

    expect(await canConnect('127.0.0.1', port)).toBe(true);
    const outside = networkAddress();
    if (outside === undefined) {
      process.stdout.write(
        'listen-host.spec: no non-loopback IPv4 interface here; reachability not checked\n',
      );
      return;
    }
    expect(await canConnect(outside, port)).toBe(false);
  });

  it('should be reachable from the network when told to bind 0.0.0.0', async () => {
    const outside = networkAddress();
    const port = await start('0.0.0.0');

    expect(await canConnect(outside ?? '127.0.0.1', port)).toBe(true);
  });
});
