import { api } from '../../api/http';

/** One of my sessions (a device signed in), as `GET me/sessions` gives it: the IP masked, a coarse region. */
export interface SessionInfo {
  sessionId: string;
  maskedIp: string;
  region: string | null;
  userAgent: string;
  deviceId: string | null;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

export type ContactKind = 'phone' | 'email';

export interface ContactChangeStarted {
  kind: ContactKind;
  channel: 'sms' | 'email';
  /** Where the code went, masked. */
  phone?: string;
  email?: string;
  codeExpiresInSeconds: number;
}

export interface ContactChanged {
  kind: ContactKind;
  phone?: string;
  email?: string;
  endedSessions: number;
}

export const accountKeys = { sessions: ['account', 'sessions'] as const };

export const accountApi = {
  sessions: async () => (await api<{ sessions: SessionInfo[] }>('/accounts/me/sessions')).sessions,
  endSession: (sessionId: string) =>
    api<undefined>(`/accounts/me/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }),
  /** Ends every session, this one included. */
  changePassword: (currentPassword: string, newPassword: string) =>
    api<undefined>('/accounts/me/password', { body: { currentPassword, newPassword } }),
  startContactChange: (kind: ContactKind, value: string, currentPassword: string) =>
    api<ContactChangeStarted>('/accounts/me/contact-changes', { body: { [kind]: value, currentPassword } }),
  /** Ends every other session; this one stays signed in. */
  confirmContactChange: (code: string) =>
    api<ContactChanged>('/accounts/me/contact-changes/confirm', { body: { code } }),
};
