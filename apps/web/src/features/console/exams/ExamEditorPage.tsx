import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { usePapers } from '../papers/paper-api';
import { detailsOf, type ServerDetail } from '../shared/field-path';
import { useConsole } from '../shared/use-console';
import { useReason } from '../shared/use-reason';
import { examKeys, saveExam, useExam } from './exam-api';
import { type ExamFormValues, newExamValues, toExamBody, toFormValues } from './exam-form';
import type { Exam } from './exam-types';
import { ExamAccessSections } from './ExamAccessSections';
import { ExamActions } from './ExamActions';
import { ExamBasicsSections } from './ExamBasicsSections';
import { ExamResultsSections } from './ExamResultsSections';
import { ExamStatusTag } from './ExamStatusTag';
import { placeSettingsErrors } from './place-settings-errors';
import { RegistrationFormSection } from './RegistrationFormSection';

/** /console/:institutionId/exams/new and /exams/:examId: the exam editor (loads the exam first when editing). */
export function ExamEditorPage() {
  const { t } = useTranslation('console');
  const { institutionId } = useConsole();
  const { examId } = useParams();
  const exam = useExam(institutionId, examId);
  const papers = usePapers(institutionId);
  if (examId !== undefined && exam.isPending) return <Spin aria-label={t('loading')} />;
  if (exam.error || papers.error)
    return (
      <>
        <PageTitle>{t('examForm.editTitle')}</PageTitle>
        <ErrorAlert error={exam.error ?? papers.error} namespace="console" />
      </>
    );
  if (papers.isPending) return <Spin aria-label={t('loading')} />;
  return <ExamEditor key={exam.data?.examId ?? 'new'} exam={exam.data} papers={papers.data} />;
}

function ExamEditor({
  exam,
  papers,
}: {
  exam: Exam | undefined;
  papers: NonNullable<ReturnType<typeof usePapers>['data']>;
}) {
  const { t } = useTranslation('console');
  const reasonOf = useReason();
  const fieldLabel = useFieldLabel();
  const { institutionId } = useConsole();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ExamFormValues>();
  const initial = useMemo(() => (exam ? toFormValues(exam) : newExamValues(new Date())), [exam]);
  // Undefined until the form has mounted.
  const watched = Form.useWatch('practice', form) as boolean | undefined;
  const practice = watched ?? initial.practice;
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<ServerDetail[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const editable = exam === undefined || exam.status === 'draft' || exam.status === 'published';

  const onFinish = async () => {
    setBusy(true);
    setError(null);
    setUnplaced([]);
    setSaved(false);
    const values = form.getFieldsValue(true) as ExamFormValues;
    try {
      const result = await saveExam(institutionId, exam?.examId, toExamBody(values));
      queryClient.setQueryData(examKeys.one(institutionId, result.examId), result);
      await queryClient.invalidateQueries({ queryKey: examKeys.all(institutionId), exact: true });
      if (exam === undefined) {
        void navigate(`/console/${institutionId}/exams/${result.examId}`, { replace: true });
      } else {
        form.setFieldsValue(toFormValues(result));
        setSaved(true);
      }
    } catch (caught: unknown) {
      setError(caught);
      if (caught instanceof ApiError) {
        const { placed, unplaced: rest } = placeSettingsErrors(
          detailsOf(caught.details),
          (name) => document.getElementById(`exam_${name.join('_')}`) !== null,
        );
        // Server paths are only known at run time; antd's typed name paths cannot express them.
        form.setFields(
          placed.map((p) => ({ name: p.name, errors: [reasonOf(p.reason)] })) as Parameters<
            typeof form.setFields
          >[0],
        );
        setUnplaced(rest);
        if (placed.length > 0) form.scrollToField(placed[0].name, { block: 'center', focus: true });
      }
    } finally {
      setBusy(false);
    }
  };

  const title = exam ? t('examForm.editTitle') : t('examForm.createTitle');
  const groups = [
    'basics',
    'schedule',
    ...(practice ? [] : ['registration']),
    'access',
    'antiCheat',
    'form',
    ...(practice ? [] : ['fee']),
    'results',
  ];
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {exam ? (
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{exam.title}</span>
          <ExamStatusTag status={exam.status} />
          {exam.practice ? null : (
            <Link to={`/console/${institutionId}/exams/${exam.examId}/registrations`}>
              {t('exams.registrations')}
            </Link>
          )}
        </Space>
      ) : null}
      {exam ? <ExamActions exam={exam} /> : null}
      {/* Plain in-page links: antd's Anchor scrolls its active link into view, which pulls the window back up. */}
      <nav aria-label={t('examForm.groupsNav')} style={{ marginBottom: 16 }}>
        <Space wrap size={[16, 4]}>
          {groups.map((g) => (
            <a key={g} href={`#group-${g}`}>
              {t(`examForm.groups.${g}`)}
            </a>
          ))}
        </Space>
      </nav>
      {!editable ? (
        <Alert type="info" showIcon title={t('examForm.notEditable')} style={{ marginBottom: 16 }} />
      ) : null}
      <div aria-live="polite">
        {saved ? (
          <Alert type="success" showIcon title={t('examForm.saved')} style={{ marginBottom: 16 }} />
        ) : null}
      </div>
      <ErrorAlert error={error} namespace="console" />
      {unplaced.length > 0 ? (
        <Alert
          type="error"
          style={{ marginTop: 8 }}
          title={t('examForm.otherProblems')}
          description={
            <ul>
              {unplaced.map((d) => (
                <li key={`${d.field ?? ''}:${d.reason}`}>
                  {d.field ? `${fieldLabel(d.field)}: ` : ''}
                  {reasonOf(d.reason)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form<ExamFormValues>
        form={form}
        layout="vertical"
        name="exam"
        initialValues={initial}
        disabled={!editable}
        onFinish={() => void onFinish()}
        onFinishFailed={({ errorFields }) => {
          if (errorFields.length > 0)
            form.scrollToField(errorFields[0].name, { block: 'center', focus: true });
        }}
        style={{ marginTop: 16, maxWidth: 760 }}
        scrollToFirstError={false}
      >
        <ExamBasicsSections papers={papers} practice={practice} />
        <ExamAccessSections passwordSet={exam?.settings.accessPasswordSet ?? false} practice={practice} />
        <RegistrationFormSection />
        <ExamResultsSections practice={practice} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {exam ? t('examForm.save') : t('examForm.create')}
        </Button>
      </Form>
    </>
  );
}

/** The label of a server field the editor does not show right now (or the field's name when it has none). */
function useFieldLabel(): (field: string) => string {
  const { t, i18n } = useTranslation('console');
  return (field: string) => {
    const last = (field.split('.').pop() ?? field).replace(/\[\d+\]$/, '');
    const key = `examForm.fields.${last}`;
    return i18n.exists(key, { ns: 'console' }) ? t(key) : field;
  };
}
