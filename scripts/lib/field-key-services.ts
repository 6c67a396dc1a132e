/** The services that encrypt fields; each has its own key set (compose, k8s and the dev keys). */
export const FIELD_KEY_SERVICES: readonly string[] = ['accounts', 'identity', 'exam', 'payments', 'audit'];

/** `accounts` → `ACCOUNTS_`: the prefix of that service's key variables in docker/.env and .local/dev.env. */
export function fieldKeyPrefixOf(service: string): string {
  return `${service.toUpperCase().replaceAll('-', '_')}_`;
}
