import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, InputNumber, Row, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { ApiError } from '../../../api/api-error';
import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { examPath } from '../shared/api-paths';
import { detailsOf, namePathOf, type ServerDetail } from '../shared/field-path';
import { ProblemList } from '../shared/ProblemList';
import { useConsole } from '../shared/use-console';
import { useReason } from '../shared/use-reason';
import { bankKeys, flattenCategories, useCategories, useTags } from './bank-api';
import { DeleteQuestionButton } from './DeleteQuestionButton';
import {
  blankOf,
  candidateViewOf,
  newQuestionValues,
  plainText,
  type QuestionValues,
  toQuestionBody,
  toQuestionValues,
} from './question-form';
import { type Question, QUESTION_TYPES, type QuestionType, SUB_QUESTION_TYPES } from './question-types';
import { QuestionPreview } from './QuestionPreview';
import { QuestionTypeFields } from './QuestionTypeFields';
import { QuestionVersions } from './QuestionVersions';

/** banks/:bankId/questions/new and …/:questionId: the editor for every type, with the candidate's preview. */
export function QuestionEditorPage() {
  const { t } = useTranslation('console');
  const { institutionId } = useConsole();
  const { bankId = '', questionId } = useParams();
  const question = useQuery({
    queryKey: [...bankKeys.questions(institutionId, bankId), 'one', questionId ?? ''],
    queryFn: () => api<Question>(examPath(institutionId, `/banks/${bankId}/questions/${questionId ?? ''}`)),
    enabled: questionId !== undefined,
  });
  if (questionId !== undefined && question.isPending) return <Spin aria-label={t('loading')} />;
  if (question.error)
    return (
      <>
        <PageTitle>{t('questionForm.editTitle')}</PageTitle>
        <ErrorAlert error={question.error} namespace="console" />
      </>
    );
  return <QuestionEditor key={question.data?.questionId ?? 'new'} bankId={bankId} question={question.data} />;
}

function QuestionEditor({ bankId, question }: { bankId: string; question: Question | undefined }) {
  const { t } = useTranslation('console');
  const reasonOf = useReason();
  const { institutionId } = useConsole();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useCategories(institutionId, bankId);
  const tags = useTags(institutionId, bankId);
  const [form] = Form.useForm<QuestionValues>();
  const initial = useMemo(() => (question ? toQuestionValues(question) : newQuestionValues()), [question]);
  const watched = Form.useWatch((all: QuestionValues) => all, { form, preserve: true }) as
    QuestionValues | undefined;
  const values = watched ?? initial;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ServerDetail[]>([]);
  const back = `/console/${institutionId}/banks/${bankId}`;

  const onFinish = async () => {
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const body = toQuestionBody(form.getFieldsValue(true) as QuestionValues);
      await api(
        examPath(institutionId, `/banks/${bankId}/questions${question ? `/${question.questionId}` : ''}`),
        { method: question ? 'PUT' : 'POST', body },
      );
      // Back to the bank first, then refresh all of it (its questions, the tags a save may have made, the
      // question's versions): only the bank page's queries are fetched again, not the editor's.
      await navigate(back);
      await queryClient.invalidateQueries({ queryKey: bankKeys.one(institutionId, bankId) });
    } catch (caught: unknown) {
      setError(caught);
      if (caught instanceof ApiError) {
        const onScreen = (d: ServerDetail) =>
          d.field !== undefined &&
          document.getElementById(`question_${namePathOf(d.field).join('_')}`) !== null;
        const details = detailsOf(caught.details);
        const fields = details
          .filter(onScreen)
          .map((d) => ({ name: namePathOf(d.field ?? ''), errors: [reasonOf(d.reason)] }));
        setProblems(details.filter((d) => !onScreen(d)));
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
      }
    } finally {
      setBusy(false);
    }
  };

  const changeType = (type: QuestionType) => {
    const current = form.getFieldsValue(true) as QuestionValues;
    form.setFieldsValue({ ...blankOf(type), stem: current.stem, difficulty: current.difficulty, type });
  };

  return (
    <>
      <PageTitle>{question ? t('questionForm.editTitle') : t('questionForm.createTitle')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <LinkButton to={back}>{t('questionForm.back')}</LinkButton>
        {question ? (
          <DeleteQuestionButton
            bankId={bankId}
            questionId={question.questionId}
            stem={plainText(question.content.stem)}
          />
        ) : null}
        {question?.locked ? <span>{t('questionForm.lockedHint')}</span> : null}
      </Space>
      <ErrorAlert error={error ?? categories.error ?? tags.error} namespace="console" />
      <ProblemList problems={problems} labelOf={(field) => questionFieldLabel(t, field)} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Form<QuestionValues>
            form={form}
            name="question"
            layout="vertical"
            initialValues={initial}
            onFinish={() => void onFinish()}
          >
            <Form.Item name="type" label={t('questionForm.type')}>
              <Select
                options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`questionTypes.${type}`) }))}
                onChange={changeType}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item name="difficulty" label={t('questionForm.difficulty')}>
                <InputNumber min={1} max={5} precision={0} />
              </Form.Item>
              <Form.Item name="categoryId" label={t('questionForm.category')}>
                <Select
                  allowClear
                  style={{ minWidth: 200 }}
                  options={flattenCategories(categories.data ?? []).map((c) => ({
                    value: c.categoryId,
                    label: c.path,
                  }))}
                />
              </Form.Item>
              <Form.Item name="tags" label={t('questionForm.tags')}>
                <Select
                  mode="tags"
                  style={{ minWidth: 200 }}
                  tokenSeparators={[',', '，', '、']}
                  options={(tags.data ?? []).map((tag) => ({ value: tag.name, label: tag.name }))}
                />
              </Form.Item>
            </Space>
            <QuestionTypeFields type={values.type} rel={[]} />
            {values.type === 'composite' ? (
              <Form.List name="subQuestions">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => {
                      const sub = values.subQuestions?.[i];
                      const label = t('questionForm.subLabel', { n: i + 1 });
                      return (
                        <Card key={field.key} size="small" title={label} style={{ marginBottom: 12 }}>
                          <Form.Item name={[field.name, 'type']} label={`${label}${t('questionForm.type')}`}>
                            <Select
                              options={SUB_QUESTION_TYPES.map((type) => ({
                                value: type,
                                label: t(`questionTypes.${type}`),
                              }))}
                              onChange={(type: QuestionType) => {
                                const all = form.getFieldsValue(true) as QuestionValues;
                                const subs = [...(all.subQuestions ?? [])];
                                subs[i] = { ...blankOf(type), stem: subs[i]?.stem ?? '' };
                                form.setFieldsValue({ subQuestions: subs });
                              }}
                            />
                          </Form.Item>
                          <QuestionTypeFields type={sub?.type ?? 'single'} rel={[field.name]} label={label} />
                          {fields.length > 1 ? (
                            <Button
                              danger
                              onClick={() => {
                                remove(field.name);
                              }}
                            >
                              {t('questionForm.removeSub', { n: i + 1 })}
                            </Button>
                          ) : null}
                        </Card>
                      );
                    })}
                    <Button
                      onClick={() => {
                        add(blankOf('single'));
                      }}
                      style={{ marginBottom: 16 }}
                    >
                      {t('questionForm.addSub')}
                    </Button>
                  </>
                )}
              </Form.List>
            ) : null}
            <div>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('questionForm.save')}
              </Button>
            </div>
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <section aria-labelledby="preview-title">
            <Card size="small">
              <Typography.Title level={2} id="preview-title" style={{ fontSize: 18, marginTop: 0 }}>
                {t('questionForm.preview')}
              </Typography.Title>
              <QuestionPreview view={candidateViewOf(values)} number="1" />
            </Card>
          </section>
        </Col>
      </Row>
      {question ? (
        <QuestionVersions bankId={bankId} questionId={question.questionId} current={question.version} />
      ) : null}
    </>
  );
}

/** "subQuestions[1].options" → "第 2 小题 选项"; the field's own name when the editor has no word for it. */
function questionFieldLabel(
  t: (key: string, options?: Record<string, unknown>) => string,
  field: string,
): string {
  return namePathOf(field)
    .map((part, i, all) => {
      if (typeof part === 'number')
        return all[i - 1] === 'subQuestions' ? t('questionForm.subLabel', { n: part + 1 }) : '';
      if (part === 'subQuestions') return '';
      const label = t(`questionForm.${part}`);
      return label === `questionForm.${part}` ? part : label;
    })
    .filter((s) => s !== '')
    .join(' ');
}
