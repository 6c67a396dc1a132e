import { Card, Descriptions, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useMyOrders, useNotice, useRegistration } from '../api/hooks';
import { examKeys } from '../api/query-keys';
import type { ExamNotice, Order, Registration } from '../api/types';
import { formatDateTime } from '../logic/dates';
import { beforeDeadline } from '../logic/exam-window';
import { formatFen, isFree } from '../logic/money';
import { isActive, orderOf, registrationView } from '../logic/registration-status';
import { CancelRegistration } from '../ui/CancelRegistration';
import { InvoicePanel } from '../ui/InvoicePanel';
import { RegistrationActions } from '../ui/RegistrationActions';
import { StatusExplanation } from '../ui/StatusExplanation';
import { StatusTag } from '../ui/StatusTag';
import { useNow } from '../ui/use-now';
import { useRefreshWhile } from '../ui/use-refresh-while';

/** One registration of the candidate's own (another person's id answers "not found", never their data). */
export function RegistrationPage() {
  const { registrationId = '' } = useParams();
  const { t } = useTranslation('exams');
  const registration = useRegistration(registrationId);

  return registration.error ? (
    <>
      <PageTitle>{t('registration.title')}</PageTitle>
      <ErrorAlert error={registration.error} namespace="exams" />
      <div style={{ marginTop: 16 }}>
        <LinkButton to="/my/exams">{t('registration.backToMine')}</LinkButton>
      </div>
    </>
  ) : !registration.data ? (
    <>
      <PageTitle>{t('registration.title')}</PageTitle>
      <Skeleton active />
    </>
  ) : (
    <RegistrationDetails registration={registration.data} />
  );
}

function RegistrationDetails({ registration }: { registration: Registration }) {
  const { t, i18n } = useTranslation('exams');
  const now = useNow();
  const notice = useNotice(registration.examId);
  const orders = useMyOrders(!isFree(registration.feeFen));
  const order = orderOf(registration.registrationId, orders.data ?? []);
  const view = registrationView(registration, order, now);
  const exam = notice.data;
  useRefreshWhile(view.settling || view.status === 'pending_review', [
    examKeys.registration(registration.registrationId),
    examKeys.orders,
  ]);

  const cancellable =
    isActive(registration) && exam !== undefined && beforeDeadline(exam.registrationClosesAt, now);

  return (
    <>
      <PageTitle>
        {exam ? t('registration.titleOf', { title: exam.title }) : t('registration.title')}
      </PageTitle>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <StatusExplanation registration={registration} view={view} order={order} />
        <Card title={<h2 className="card-heading">{t('registration.details')}</h2>}>
          <div className="exam-card-status">
            <StatusTag view={view} />
          </div>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={detailItems(registration, order, exam, t, i18n.language)}
          />
          <AnswersList registration={registration} exam={exam} />
        </Card>
        {order ? <InvoicePanel order={order} /> : null}
        <Space wrap>
          <RegistrationActions registration={registration} view={view} exam={exam} now={now} />
          {cancellable ? <CancelRegistration registration={registration} order={order} /> : null}
          <LinkButton to="/my/exams" type="link">
            {t('registration.backToMine')}
          </LinkButton>
        </Space>
      </Space>
    </>
  );
}

type T = ReturnType<typeof useTranslation<'exams'>>['t'];

function detailItems(
  registration: Registration,
  order: Order | undefined,
  exam: ExamNotice | undefined,
  t: T,
  language: string,
) {
  return [
    { key: 'number', label: t('registration.number'), children: registration.registrationNumber },
    ...(registration.ticketNumber
      ? [{ key: 'ticket', label: t('registration.ticketNumber'), children: registration.ticketNumber }]
      : []),
    ...(exam
      ? [
          {
            key: 'window',
            label: t('facts.examWindow'),
            children: `${formatDateTime(exam.opensAt, language)} – ${formatDateTime(exam.closesAt, language)}`,
          },
        ]
      : []),
    {
      key: 'fee',
      label: t('facts.fee'),
      children: isFree(registration.feeFen)
        ? t('facts.free')
        : `${formatFen(registration.feeFen)} · ${registration.paid || (order?.paidFen ?? 0) > 0 ? t('registration.paid') : t('registration.unpaid')}`,
    },
    ...(registration.verifiedName
      ? [{ key: 'name', label: t('register.verifiedName'), children: registration.verifiedName }]
      : []),
    ...(registration.verifiedIdNumber
      ? [{ key: 'id', label: t('register.verifiedIdNumber'), children: registration.verifiedIdNumber }]
      : []),
    {
      key: 'created',
      label: t('registration.createdAt'),
      children: formatDateTime(registration.createdAt, language),
    },
  ];
}

function AnswersList({ registration, exam }: { registration: Registration; exam: ExamNotice | undefined }) {
  const { t } = useTranslation('exams');
  const entries = Object.entries(registration.answers).filter(([, value]) => value !== '');
  if (entries.length === 0) return null;
  const labelOf = (key: string) => exam?.registrationForm.find((f) => f.key === key)?.label ?? key;
  return (
    <Descriptions
      style={{ marginTop: 16 }}
      title={<h3 className="card-heading">{t('registration.answers')}</h3>}
      size="small"
      column={1}
      items={entries.map(([key, value]) => ({
        key,
        label: labelOf(key),
        children: value.startsWith('data:image/') ? t('registration.photoGiven') : value,
      }))}
    />
  );
}
