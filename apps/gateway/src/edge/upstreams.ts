import type { GatewayEnv } from '../config/gateway.env';

export const UPSTREAM_SERVICES = ['accounts', 'identity', 'exam', 'payments', 'audit'] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

export function upstreamUrl(env: GatewayEnv, service: UpstreamService): string {
  switch (service) {
    case 'accounts':
      return env.ACCOUNTS_URL;
    case 'identity':
      return env.IDENTITY_URL;
    case 'exam':
      return env.EXAM_URL;
    case 'payments':
      return env.PAYMENTS_URL;
    case 'audit':
      return env.AUDIT_URL;
  }
}
