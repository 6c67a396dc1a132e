import { useTranslation } from 'react-i18next';

import type { RegistrationView } from '../logic/registration-status';
import { ToneTag } from './ToneTag';

/** The registration's status in words (colour only adds to the words). */
export function StatusTag({ view }: { view: RegistrationView }) {
  const { t } = useTranslation('exams');
  return (
    <ToneTag tone={view.tone} data-status={view.status}>
      {t(`status.${view.status}`)}
    </ToneTag>
  );
}
