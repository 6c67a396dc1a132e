import { Badge, type BadgeProps } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ExamStatus } from './exam-types';

/** A dot and a word (the word in the normal text colour, so the contrast holds whatever the dot's colour). */
const DOTS: Record<ExamStatus, BadgeProps['status']> = {
  draft: 'default',
  published: 'success',
  closed: 'warning',
  archived: 'default',
};

export function ExamStatusTag({ status }: { status: ExamStatus }) {
  const { t } = useTranslation('console');
  return <Badge status={DOTS[status]} text={t(`exams.status.${status}`)} />;
}
