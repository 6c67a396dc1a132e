import type { Bundle } from '../../i18n/resources';

export const identityI18n: Bundle = {
  'zh-CN': { errors: {} },
  en: { errors: {} },
};
