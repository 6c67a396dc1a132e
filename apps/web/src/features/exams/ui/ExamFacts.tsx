import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

import type { ExamNotice } from '../api/types';
import { formatDateTime } from '../logic/dates';
import { formatFen, isFree } from '../logic/money';
import { ToneTag } from './ToneTag';

/** What a candidate weighs before registering: when, how long, what it costs, seats, and the conditions. */
export function ExamFacts({ exam, compact = false }: { exam: ExamNotice; compact?: boolean }) {
  const { t, i18n } = useTranslation('exams');
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const items = [
    {
      key: 'window',
      label: t('facts.examWindow'),
      children: `${when(exam.opensAt)} – ${when(exam.closesAt)}`,
    },
    ...(exam.practice || exam.registrationClosesAt === null
      ? []
      : [
          {
            key: 'registration',
            label: t('facts.registrationWindow'),
            children: `${exam.registrationOpensAt ? when(exam.registrationOpensAt) : ''} – ${when(exam.registrationClosesAt)}`,
          },
        ]),
    {
      key: 'duration',
      label: t('facts.duration'),
      children: t('facts.minutes', { count: exam.durationMinutes }),
    },
    {
      key: 'fee',
      label: t('facts.fee'),
      children: isFree(exam.feeFen) ? t('facts.free') : formatFen(exam.feeFen),
    },
    ...(exam.practice
      ? []
      : [
          {
            key: 'seats',
            label: t('facts.seats'),
            children:
              exam.seatsLeft === null
                ? t('facts.seatsUnlimited')
                : t('facts.seatsLeft', { count: exam.seatsLeft }),
          },
        ]),
    ...(compact
      ? []
      : [
          {
            key: 'venue',
            label: t('facts.venue'),
            children:
              exam.venue.kind === 'onsite'
                ? t('facts.onsite', { address: exam.venue.address ?? '' })
                : t('facts.online'),
          },
        ]),
  ];
  return (
    <>
      <ExamTags exam={exam} />
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: compact ? 1 : 2 }} items={items} />
    </>
  );
}

export function ExamTags({ exam }: { exam: ExamNotice }) {
  const { t } = useTranslation('exams');
  const tags = [
    exam.practice ? t('tags.practice') : null,
    exam.requiresRealName ? t('tags.realName') : null,
    exam.requiresApproval ? t('tags.approval') : null,
  ].filter((x): x is string => x !== null);
  if (tags.length === 0) return null;
  return (
    <div className="exam-tags">
      {tags.map((text) => (
        <ToneTag key={text} tone="processing">
          {text}
        </ToneTag>
      ))}
    </div>
  );
}
