import { Alert, Card, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { useSession } from '../../../auth/use-session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useMyRegistrations, useNotice } from '../api/hooks';
import type { ExamNotice } from '../api/types';
import { formatDateTime } from '../logic/dates';
import { registrationWindow, sittingWindow } from '../logic/exam-window';
import { isActive } from '../logic/registration-status';
import { ExamFacts } from '../ui/ExamFacts';
import { RichText } from '../ui/RichText';
import { SignInFirst } from '../ui/SignInFirst';
import { useNow } from '../ui/use-now';

/** One exam: its facts, the institution's notice (rich text, rendered through the allow-list), and what to do. */
export function ExamDetailPage() {
  const { examId = '' } = useParams();
  const { t } = useTranslation('exams');
  const session = useSession();
  const notice = useNotice(examId, session !== null);

  if (!session)
    return (
      <>
        <PageTitle>{t('detail.title')}</PageTitle>
        <SignInFirst />
      </>
    );
  return (
    <>
      <PageTitle>{notice.data?.title ?? t('detail.title')}</PageTitle>
      {notice.error ? (
        <ErrorAlert error={notice.error} namespace="exams" />
      ) : !notice.data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Card>
            <ExamFacts exam={notice.data} />
            <NextStep exam={notice.data} />
          </Card>
          <Card title={<h2 className="card-heading">{t('detail.notice')}</h2>}>
            <RichText html={notice.data.notice} />
          </Card>
        </Space>
      )}
    </>
  );
}

function NextStep({ exam }: { exam: ExamNotice }) {
  const { t, i18n } = useTranslation('exams');
  const now = useNow();
  const registrations = useMyRegistrations(!exam.practice);

  if (exam.practice) {
    const open = sittingWindow(exam, now) === 'open';
    return (
      <Space wrap style={{ marginTop: 16 }}>
        {open ? (
          <LinkButton to={`/exam-room/${exam.examId}`} type="primary">
            {t('detail.startPractice')}
          </LinkButton>
        ) : null}
        <LinkButton to={`/my/results/${exam.examId}`}>{t('detail.myResults')}</LinkButton>
      </Space>
    );
  }
  if (registrations.error) return <ErrorAlert error={registrations.error} namespace="exams" />;
  if (!registrations.data) return <Skeleton.Button active />;
  const mine = registrations.data.find((r) => r.examId === exam.examId && isActive(r));
  if (mine)
    return (
      <Alert
        style={{ marginTop: 16 }}
        type="success"
        showIcon
        title={t('detail.alreadyRegistered')}
        description={
          <LinkButton to={`/my/exams/${mine.registrationId}`} type="primary">
            {t('detail.viewRegistration')}
          </LinkButton>
        }
      />
    );
  switch (registrationWindow(exam, now)) {
    case 'open':
      return (
        <Space orientation="vertical" style={{ marginTop: 16 }}>
          {exam.requiresRealName ? <Typography.Text>{t('detail.realNameNote')}</Typography.Text> : null}
          {exam.seatsLeft === 0 ? (
            <Alert type="warning" showIcon title={t('detail.full')} />
          ) : (
            <LinkButton to={`/exams/${exam.examId}/register`} type="primary" size="large">
              {t('detail.register')}
            </LinkButton>
          )}
        </Space>
      );
    case 'not_open':
      return (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          title={t('detail.registrationNotOpen', {
            at: formatDateTime(exam.registrationOpensAt ?? exam.opensAt, i18n.language),
          })}
        />
      );
    case 'closed':
    case 'not_needed':
      return <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('detail.registrationClosed')} />;
  }
}
