import type { Bundle } from '../../i18n/resources';

export const consoleOpsI18n: Bundle = {
  'zh-CN': { errors: {} },
  en: { errors: {} },
};
