/** The accounts service's rules (StartRegistrationDto), checked in the form before a round trip. */
export const MAINLAND_MOBILE = /^(?:\+86|0086)?\s*1[3-9]\d{9}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
