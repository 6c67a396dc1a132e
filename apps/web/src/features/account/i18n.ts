import type { Bundle } from '../../i18n/resources';

export const accountI18n: Bundle = {
  'zh-CN': { errors: {} },
  en: { errors: {} },
};
