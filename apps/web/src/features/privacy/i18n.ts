import type { Bundle } from '../../i18n/resources';

export const privacyI18n: Bundle = {
  'zh-CN': { errors: {} },
  en: { errors: {} },
};
