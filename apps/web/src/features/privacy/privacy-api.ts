import { api } from '../../api/http';

/** The optional purposes a person may allow or refuse (accounts' CONSENT_PURPOSES), in the order shown. */
export const CONSENT_PURPOSES = [
  'face_biometrics',
  'location',
  'marketing',
  'cross_border_transfer',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface Consent {
  purpose: ConsentPurpose;
  granted: boolean;
  policyVersion: string | null;
  updatedAt: string | null;
}

export interface PolicyVersion {
  version: string;
  effectiveAt: string;
  materialChange: boolean;
  text?: string;
}

/** The parts of `GET me/data-export` this app shows; phone, email and name arrive masked. */
export interface PersonalDataExport {
  exportedAt: string;
  profile: {
    username: string | null;
    nickname: string;
    phone: string | null;
    email: string | null;
    fullName: string | null;
    status: string;
    createdAt: string;
  };
  consentHistory: unknown[];
  policyAcceptances: { version: string; acceptedAt: string }[];
  sessions: unknown[];
  memberships: { institutionId: string; institutionName: string; role: string }[];
  verificationCodes: unknown[];
  pendingContactChange: { kind: 'phone' | 'email'; phone?: string; email?: string } | null;
  personalDataReveals: unknown[];
  privacyRequests: unknown[];
}

export interface ErasureCompleted {
  requestId: string;
  erasedAt: string;
  /** Other services erase what they hold by then. */
  deadline: string;
  endedSessions: number;
}

export interface RealNameSummary {
  maskedName: string;
  maskedIdNumber: string;
  verifiedAt: string;
}

export const privacyKeys = {
  dataExport: ['privacy', 'data-export'] as const,
  consents: ['privacy', 'consents'] as const,
  policyCurrent: ['privacy-policy', 'current'] as const,
  policyVersions: ['privacy-policy', 'versions'] as const,
  policyVersion: (version: string) => ['privacy-policy', 'version', version] as const,
};

export const privacyApi = {
  dataExport: () => api<PersonalDataExport>('/accounts/me/data-export'),
  /** The same document unmasked, after the password: returned at once, delivered as a file by the page. */
  fullDataExport: (currentPassword: string) =>
    api<{ revealedAt: string; data: unknown }>('/accounts/me/data-export/full', {
      body: { currentPassword },
    }),
  consents: async () => (await api<{ consents: Consent[] }>('/accounts/me/consents')).consents,
  setConsent: (purpose: ConsentPurpose, granted: boolean) =>
    api<Consent>(`/accounts/me/consents/${purpose}`, { method: 'PUT', body: { granted } }),
  erase: (currentPassword: string) =>
    api<ErasureCompleted>('/accounts/me/erasure', { body: { currentPassword } }),
  currentPolicy: () => api<PolicyVersion>('/accounts/privacy-policy', { anonymous: true }),
  policyVersions: async () =>
    (await api<{ versions: PolicyVersion[] }>('/accounts/privacy-policy/versions', { anonymous: true }))
      .versions,
  policyVersion: (version: string) =>
    api<PolicyVersion>(`/accounts/privacy-policy/versions/${encodeURIComponent(version)}`, {
      anonymous: true,
    }),
  acceptPolicy: (version: string) => api<undefined>('/accounts/me/policy-acceptances', { body: { version } }),
  realName: () => api<RealNameSummary>('/identity/real-name/me'),
  examRegistrations: async () => (await api<{ items: unknown[] }>('/exam/me/registrations')).items.length,
  paymentOrders: async () => (await api<{ items: unknown[] }>('/payments/me/orders')).items.length,
  signInRecords: () =>
    api<{ attemptedAt: string; ip: string; outcome: string }[]>('/audit/me/login-decisions'),
};
