/** Paths (without /api) of the institution's resources, built in one place. */
export const examPath = (institutionId: string, rest = ''): string =>
  `/exam/institutions/${institutionId}${rest}`;

export const accountsPath = (institutionId: string, rest = ''): string =>
  `/accounts/institutions/${institutionId}${rest}`;

export const facePolicyPath = (institutionId: string): string =>
  `/identity/face/institutions/${institutionId}/image-policy`;
