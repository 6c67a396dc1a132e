import type { AlertSeverity } from '@exam/contracts';

export const ALERT_STATUSES = [
  'new',
  'acknowledged',
  'investigating',
  'resolved_true_positive',
  'resolved_false_positive',
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_RESOLUTIONS = ['true_positive', 'false_positive'] as const;
export type AlertResolution = (typeof ALERT_RESOLUTIONS)[number];

/** Time to first acknowledgement per severity; the SLA clock shown to staff. */
export const SLA_MINUTES: { readonly [K in AlertSeverity]: number } = {
  critical: 15,
  high: 60,
  medium: 240,
  low: 1440,
};

/** Which moves the review workflow allows; anything else is a 409 with the allowed moves named. */
export const ALLOWED_TRANSITIONS: { readonly [K in AlertStatus]: readonly AlertStatus[] } = {
  new: ['acknowledged', 'investigating', 'resolved_true_positive', 'resolved_false_positive'],
  acknowledged: ['investigating', 'resolved_true_positive', 'resolved_false_positive'],
  investigating: ['resolved_true_positive', 'resolved_false_positive'],
  resolved_true_positive: [],
  resolved_false_positive: [],
};
