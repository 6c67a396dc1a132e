export class SessionResponseDto {
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
