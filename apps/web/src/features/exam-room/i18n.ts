import type { Bundle } from '../../i18n/resources';

export const examRoomI18n: Bundle = {
  'zh-CN': { errors: {} },
  en: { errors: {} },
};
