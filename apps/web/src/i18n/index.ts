import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import { initialLanguage } from './languages';
import { NAMESPACES } from './resources';

const resources = {
  'zh-CN': Object.fromEntries(Object.entries(NAMESPACES).map(([ns, bundle]) => [ns, bundle['zh-CN']])),
  en: Object.fromEntries(Object.entries(NAMESPACES).map(([ns, bundle]) => [ns, bundle.en])),
};

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: Object.keys(NAMESPACES),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
