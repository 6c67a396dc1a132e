import type { Bundle } from '../../i18n/resources';

export const consoleI18n: Bundle = {
  'zh-CN': { errors: {} },
  en: { errors: {} },
};
