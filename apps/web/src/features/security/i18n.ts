import type { Bundle } from '../../i18n/resources';

export const securityI18n: Bundle = {
  'zh-CN': { errors: {} },
  en: { errors: {} },
};
