import type { Bundle } from '../../i18n/resources';

export const examsI18n: Bundle = {
  'zh-CN': { errors: {} },
  en: { errors: {} },
};
