import { api } from '../../../api/http';
import type {
  AccountAction,
  AccountActionReason,
  AccountActionResult,
  AcknowledgeResult,
  Alert,
  AlertDetail,
  AlertPage,
  AppealDecision,
  ChainVerification,
  Checkpoint,
  Incident,
  IncidentInput,
  LoginAppeal,
  LoginAppealDecision,
  LoginAppealPage,
  LogPage,
  RealNameAppeal,
  RealNameAppealStatus,
  RegulatorReport,
  Resolution,
  RiskPolicy,
  RiskThresholds,
  RuleChange,
  StaffPrivacyRequestPage,
} from './types';

/** Every call of the security console: audit, and the staff queues of identity (appeals) and accounts (privacy requests). */
export const securityApi = {
  alerts: (query: URLSearchParams) => api<AlertPage>(`/audit/alerts?${query.toString()}`),
  alert: (id: string) => api<AlertDetail>(`/audit/alerts/${encodeURIComponent(id)}`),
  acknowledge: (alertIds: string[]) =>
    api<AcknowledgeResult>('/audit/alerts/acknowledge', { body: { alertIds } }),
  assign: (id: string, assigneeId: string) =>
    api<Alert>(`/audit/alerts/${encodeURIComponent(id)}/assign`, { body: { assigneeId } }),
  investigate: (id: string) =>
    api<Alert>(`/audit/alerts/${encodeURIComponent(id)}/investigate`, { method: 'POST' }),
  comment: (id: string, body: string) =>
    api<Alert>(`/audit/alerts/${encodeURIComponent(id)}/comments`, { body: { body } }),
  resolve: (id: string, resolution: Resolution, note: string) =>
    api<Alert>(`/audit/alerts/${encodeURIComponent(id)}/resolve`, { body: { resolution, note } }),
  accountAction: (
    userId: string,
    body: { action: AccountAction; reason: AccountActionReason; note: string; alertId?: string },
  ) => api<AccountActionResult>(`/audit/accounts/${encodeURIComponent(userId)}/actions`, { body }),
  log: (query: URLSearchParams) => api<LogPage>(`/audit/log?${query.toString()}`),
  exportLog: (query: URLSearchParams) => api<Blob>(`/audit/log/export?${query.toString()}`, { as: 'blob' }),
  verifyChain: () => api<ChainVerification>('/audit/chain/verify'),
  signCheckpoints: () => api<Checkpoint[]>('/audit/chain/checkpoints', { method: 'POST' }),
  incidents: () => api<Incident[]>('/audit/incidents'),
  incident: (id: string) => api<Incident>(`/audit/incidents/${encodeURIComponent(id)}`),
  recordIncident: (input: IncidentInput) => api<Incident>('/audit/incidents', { body: input }),
  notifyIncident: (id: string, userIds: string[]) =>
    api<Incident>(`/audit/incidents/${encodeURIComponent(id)}/notifications`, { body: { userIds } }),
  regulatorReport: (id: string) =>
    api<RegulatorReport>(`/audit/incidents/${encodeURIComponent(id)}/regulator-report`),
  riskPolicy: () => api<RiskPolicy>('/audit/risk/rules'),
  updateRule: (code: string, change: RuleChange) =>
    api<RiskPolicy>(`/audit/risk/rules/${encodeURIComponent(code)}`, { method: 'PUT', body: change }),
  updateThresholds: (change: Partial<RiskThresholds>) =>
    api<RiskPolicy>('/audit/risk/thresholds', { method: 'PUT', body: change }),
  realNameAppeals: (status?: RealNameAppealStatus) =>
    api<RealNameAppeal[]>(`/identity/real-name/admin/appeals${status ? `?status=${status}` : ''}`),
  realNameAppeal: (id: string) =>
    api<RealNameAppeal>(`/identity/real-name/admin/appeals/${encodeURIComponent(id)}`),
  decideRealNameAppeal: (id: string, decision: AppealDecision, reason: string) =>
    api<RealNameAppeal>(`/identity/real-name/admin/appeals/${encodeURIComponent(id)}/decision`, {
      body: { decision, reason },
    }),
  loginAppeals: (query: URLSearchParams) => api<LoginAppealPage>(`/audit/appeals?${query.toString()}`),
  decideLoginAppeal: (id: string, decision: LoginAppealDecision, reason: string) =>
    api<LoginAppeal>(`/audit/appeals/${encodeURIComponent(id)}/decision`, { body: { decision, reason } }),
  privacyRequests: (query: URLSearchParams) =>
    api<StaffPrivacyRequestPage>(`/accounts/privacy-requests?${query.toString()}`),
};
