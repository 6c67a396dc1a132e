import { Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { LinkButton } from '../../../ui/LinkButton';
import { examsApi } from '../api/exams-api';
import type { ExamNotice, Registration } from '../api/types';
import { sittingWindow } from '../logic/exam-window';
import type { RegistrationView } from '../logic/registration-status';
import { DownloadButton } from './DownloadButton';

interface Props {
  registration: Registration;
  view: RegistrationView;
  /** The exam's notice, when it is still published (for its window). */
  exam: ExamNotice | undefined;
  now: Date;
}

/** What the candidate can do next with a registration: pay, get the ticket, enter the room, see results. */
export function RegistrationActions({ registration, view, exam, now }: Props) {
  const { t } = useTranslation('exams');
  const window = exam ? sittingWindow(exam, now) : undefined;
  const started = window === 'open' || window === 'late_entry_closed' || window === 'closed';
  return (
    <Space wrap>
      {view.canPay ? (
        <LinkButton to={`/my/exams/${registration.registrationId}/payment`} type="primary">
          {t('actions.pay')}
        </LinkButton>
      ) : null}
      {view.canDownloadTicket && window === 'open' ? (
        <LinkButton to={`/exam-room/${registration.examId}`} type="primary">
          {t('actions.enterRoom')}
        </LinkButton>
      ) : null}
      {view.canDownloadTicket ? (
        <DownloadButton
          fetchFile={() => examsApi.admissionTicket(registration.registrationId)}
          fileName={`admission-ticket-${registration.registrationNumber}.pdf`}
        >
          {t('actions.ticket')}
        </DownloadButton>
      ) : null}
      {view.status === 'confirmed' && (started || exam === undefined) ? (
        <LinkButton to={`/my/results/${registration.examId}`}>{t('actions.results')}</LinkButton>
      ) : null}
    </Space>
  );
}
