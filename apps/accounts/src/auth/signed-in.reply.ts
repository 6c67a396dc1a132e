import type { FastifyReply } from 'fastify';

import type { AccountsEnv } from '../config/accounts.env';
import type { RequestClient } from './client-info';
import { deviceCookie, refreshCookie } from './cookies';
import { TokenResponseDto } from './dto/login.dto';
import type { SignedIn } from './sign-in.completer';

export function toTokenResponse(signedIn: SignedIn): TokenResponseDto {
  return Object.assign(new TokenResponseDto(), {
    accessToken: signedIn.accessToken,
    tokenType: 'Bearer' as const,
    expiresIn: signedIn.expiresIn,
    sessionId: signedIn.sessionId,
    userId: signedIn.userId,
    policyAcceptanceRequired: signedIn.policyToAccept,
  });
}

/** Every way of signing in answers alike: access token in the body, refresh token (and a new device id) in cookies. */
export function replySignedIn(
  reply: FastifyReply,
  client: RequestClient,
  signedIn: SignedIn,
  env: AccountsEnv,
  now: Date,
): TokenResponseDto {
  const cookies = [refreshCookie(signedIn.refreshToken, signedIn.sessionExpiresAt, env.COOKIE_SECURE)];
  if (client.newDevice && client.deviceId !== undefined)
    cookies.push(deviceCookie(client.deviceId, env.COOKIE_SECURE, now));
  void reply.header('set-cookie', cookies);
  return toTokenResponse(signedIn);
}
