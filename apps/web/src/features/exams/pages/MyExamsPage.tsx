import { Card, Descriptions, Empty, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useMyOrders, useMyRegistrations } from '../api/hooks';
import { examKeys } from '../api/query-keys';
import type { ExamNotice, Order, Registration } from '../api/types';
import { useNotices } from '../api/use-notices';
import { formatDateTime } from '../logic/dates';
import { orderOf, registrationView } from '../logic/registration-status';
import { RegistrationActions } from '../ui/RegistrationActions';
import { hintParams } from '../ui/StatusExplanation';
import { StatusTag } from '../ui/StatusTag';
import { useNow } from '../ui/use-now';
import { useRefreshWhile } from '../ui/use-refresh-while';

/** Every registration of the candidate, newest first, with its status in words and the next step. */
export function MyExamsPage() {
  const { t } = useTranslation('exams');
  const now = useNow();
  const registrations = useMyRegistrations();
  const orders = useMyOrders();
  const notices = useNotices((registrations.data ?? []).map((r) => r.examId));
  const settling = (registrations.data ?? []).some(
    (r) => registrationView(r, orderOf(r.registrationId, orders.data ?? []), now).settling,
  );
  // Something another service finishes (an order opening, a payment confirming, a refund): ask again.
  useRefreshWhile(settling, [examKeys.registrations, examKeys.orders], 5_000);

  const sorted = [...(registrations.data ?? [])].sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );

  return (
    <>
      <PageTitle>{t('my.title')}</PageTitle>
      {registrations.error ? (
        <ErrorAlert
          error={registrations.error}
          namespace="exams"
          onRetry={() => void registrations.refetch()}
        />
      ) : !registrations.data || (!orders.data && !orders.error) ? (
        <Skeleton active />
      ) : sorted.length === 0 ? (
        <Empty description={t('my.empty')}>
          <LinkButton to="/exams" type="primary">
            {t('my.browse')}
          </LinkButton>
        </Empty>
      ) : (
        <>
          {orders.error ? <ErrorAlert error={orders.error} namespace="exams" /> : null}
          <ul className="exam-cards exam-cards--single" aria-label={t('my.listLabel')}>
            {sorted.map((r) => (
              <li key={r.registrationId}>
                <RegistrationCard
                  registration={r}
                  order={orderOf(r.registrationId, orders.data ?? [])}
                  exam={notices.get(r.examId)}
                  now={now}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

interface CardProps {
  registration: Registration;
  order: Order | undefined;
  exam: ExamNotice | undefined;
  now: Date;
}

function RegistrationCard({ registration, order, exam, now }: CardProps) {
  const { t, i18n } = useTranslation('exams');
  const view = registrationView(registration, order, now);
  const title = exam?.title ?? t('my.examByNumber', { number: registration.registrationNumber });
  return (
    <Card
      title={
        <h2 className="card-heading">
          <Link to={`/my/exams/${registration.registrationId}`}>{title}</Link>
        </h2>
      }
    >
      <div className="exam-card-status">
        <StatusTag view={view} />
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'number', label: t('registration.number'), children: registration.registrationNumber },
          ...(exam
            ? [
                {
                  key: 'window',
                  label: t('facts.examWindow'),
                  children: `${formatDateTime(exam.opensAt, i18n.language)} – ${formatDateTime(exam.closesAt, i18n.language)}`,
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary">
        {t(`statusHint.${view.status}`, hintParams(registration, order, i18n.language))}
        {view.status === 'rejected' && registration.reviewReason
          ? ` ${t('registration.rejectionReason', { reason: registration.reviewReason })}`
          : ''}
      </Typography.Paragraph>
      <Space wrap>
        <RegistrationActions registration={registration} view={view} exam={exam} now={now} />
        <LinkButton to={`/my/exams/${registration.registrationId}`} type="link">
          {t('my.details')}
        </LinkButton>
      </Space>
    </Card>
  );
}
