export class SessionResponseDto {
  sessionId!: string;
  /** Stored masked, e.g. 203.0.113.*. */
  maskedIp!: string;
  /** Not resolved yet: needs an offline IP-region database adapter. */
  region!: string | null;
  userAgent!: string;
  deviceId!: string | null;
  createdAt!: string;
  lastUsedAt!: string;
  current!: boolean;
}
