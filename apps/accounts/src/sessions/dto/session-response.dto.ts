import type { SessionEntity } from '../session.entity';

/** What a user sees of one of their sessions (devices); the IP is stored masked only. */
export interface SessionView {
  sessionId: string;
  /** Stored masked, e.g. 203.0.113.*. */
  maskedIp: string;
  /** Province and city of the IP when the session opened or last changed network, e.g. "江苏省 南京市"; null when unknown. */
  region: string | null;
  userAgent: string;
  deviceId: string | null;
  createdAt: string;
  lastUsedAt: string;
}

export function sessionViewOf(session: SessionEntity): SessionView {
  return {
    sessionId: session.id,
    maskedIp: session.maskedIp,
    region: session.region,
    userAgent: session.userAgent,
    deviceId: session.deviceId,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
  };
}

export class SessionResponseDto implements SessionView {
  sessionId!: string;
  /** Stored masked, e.g. 203.0.113.*. */
  maskedIp!: string;
  /** Province and city of the IP when the session opened or last changed network, e.g. "江苏省 南京市"; null when unknown. */
  region!: string | null;
  userAgent!: string;
  deviceId!: string | null;
  createdAt!: string;
  lastUsedAt!: string;
  current!: boolean;
}
