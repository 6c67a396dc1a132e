import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Spin, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { flattenCategories, useBanks, useCategories, useQuestions } from '../banks/bank-api';
import { plainText } from '../banks/question-form';
import { detailsOf } from '../shared/field-path';
import { useConsole } from '../shared/use-console';
import { useReason } from '../shared/use-reason';
import { DrawRulesField } from './DrawRulesField';
import { paperKeys, savePaper, usePaper } from './paper-api';
import {
  newSection,
  paperFieldOf,
  type PaperValues,
  poolShortfalls,
  toPaperBody,
  toPaperValues,
} from './paper-form';
import type { Paper } from './paper-types';
import { PaperPreview } from './PaperPreview';

/** papers/new and papers/:paperId: fixed, draw and mixed papers, the pool check, and the preview. */
export function PaperEditorPage() {
  const { t } = useTranslation('console');
  const { institutionId } = useConsole();
  const { paperId } = useParams();
  const paper = usePaper(institutionId, paperId);
  if (paperId !== undefined && paper.isPending) return <Spin aria-label={t('loading')} />;
  if (paper.error)
    return (
      <>
        <PageTitle>{t('paperForm.editTitle')}</PageTitle>
        <ErrorAlert error={paper.error} namespace="console" />
      </>
    );
  return <PaperEditor key={paper.data?.paperId ?? 'new'} paper={paper.data} />;
}

const POOL_PAGE = { page: 1, pageSize: 200 };

function PaperEditor({ paper }: { paper: Paper | undefined }) {
  const { t } = useTranslation('console');
  const reasonOf = useReason();
  const { institutionId } = useConsole();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const banks = useBanks(institutionId);
  const [form] = Form.useForm<PaperValues>();
  const initial = useMemo<PaperValues>(
    () =>
      paper ? toPaperValues(paper) : { title: '', bankId: '', kind: 'fixed', sections: [newSection(1)] },
    [paper],
  );
  const watched = Form.useWatch((all: PaperValues) => all, { form, preserve: true }) as
    PaperValues | undefined;
  const values = watched ?? initial;
  const bankId = values.bankId || undefined;
  const questions = useQuestions(institutionId, bankId, POOL_PAGE);
  const categories = useCategories(institutionId, bankId);
  const flat = flattenCategories(categories.data ?? []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  // The whole bank is known when it fits one page: then the page can count the pools itself.
  const wholeBank =
    questions.data && questions.data.total <= questions.data.items.length ? questions.data.items : null;
  const shortfalls =
    wholeBank && values.kind !== 'fixed' ? poolShortfalls(toPaperBody(values), wholeBank) : [];

  const onFinish = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const result = await savePaper(
        institutionId,
        paper?.paperId,
        toPaperBody(form.getFieldsValue(true) as PaperValues),
      );
      await queryClient.invalidateQueries({ queryKey: paperKeys.all(institutionId) });
      if (paper) {
        queryClient.setQueryData(paperKeys.one(institutionId, result.paperId), result);
        setSaved(true);
      } else {
        void navigate(`/console/${institutionId}/papers/${result.paperId}`, { replace: true });
      }
    } catch (caught: unknown) {
      setError(caught);
      if (caught instanceof ApiError) {
        const fields = detailsOf(caught.details)
          .filter((d) => d.field !== undefined)
          .map((d) => ({ name: paperFieldOf(d.field ?? ''), errors: [reasonOf(d.reason)] }))
          .filter((f) => document.getElementById(`paper_${f.name.join('_')}`) !== null);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        if (fields.length > 0) form.scrollToField(fields[0].name, { block: 'center' });
      }
    } finally {
      setBusy(false);
    }
  };

  const questionOptions = (questions.data?.items ?? []).map((q) => ({
    value: q.questionId,
    label: `${t(`questionTypes.${q.type}`)} · ${plainText(q.content.stem).slice(0, 50)}（${String(q.score)}）`,
  }));

  return (
    <>
      <PageTitle>{paper ? t('paperForm.editTitle') : t('paperForm.createTitle')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <LinkButton to={`/console/${institutionId}/papers`}>{t('paperForm.back')}</LinkButton>
        {paper ? <span>{t('paperForm.total', { total: paper.totalScore })}</span> : null}
      </Space>
      <div aria-live="polite">
        {saved ? <Alert type="success" showIcon title={t('paperForm.saved')} /> : null}
      </div>
      <ErrorAlert error={error ?? banks.error ?? questions.error} namespace="console" />
      {shortfalls.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('paperForm.poolWarning')}
          description={
            <ul>
              {shortfalls.map((s) => (
                <li key={`${String(s.section)}-${String(s.rule)}`}>
                  {t('paperForm.ruleLabel', {
                    section: t('paperForm.sectionLabel', { n: s.section + 1 }),
                    n: s.rule + 1,
                  })}
                  {t(s.reserved > 0 ? 'reasons.poolReserved' : 'reasons.poolTooSmall', {
                    needs: s.needs,
                    has: s.has,
                    reserved: s.reserved,
                  })}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form<PaperValues>
        form={form}
        name="paper"
        layout="vertical"
        initialValues={initial}
        onFinish={() => void onFinish()}
        style={{ marginTop: 16, maxWidth: 900 }}
      >
        <Form.Item
          name="title"
          label={t('paperForm.title')}
          rules={[{ required: true, whitespace: true, message: t('questionForm.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="bankId"
          label={t('paperForm.bank')}
          rules={[{ required: true, message: t('paperForm.bankRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(banks.data ?? []).map((b) => ({ value: b.bankId, label: b.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('paperForm.kind')} extra={t(`paperForm.kindHint.${values.kind}`)}>
          <Radio.Group
            options={(['fixed', 'draw', 'mixed'] as const).map((k) => ({
              value: k,
              label: t(`papers.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.List name="sections">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, s) => {
                const sectionLabel = t('paperForm.sectionLabel', { n: s + 1 });
                return (
                  <Card key={field.key} size="small" title={sectionLabel} style={{ marginBottom: 12 }}>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={`${sectionLabel}${t('paperForm.sectionTitle')}`}
                      rules={[{ required: true, whitespace: true, message: t('questionForm.required') }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'instructions']}
                      label={`${sectionLabel}${t('paperForm.instructions')}`}
                    >
                      <Input.TextArea rows={2} maxLength={5000} />
                    </Form.Item>
                    {values.kind !== 'draw' ? (
                      <Form.Item
                        name={[field.name, 'questionIds']}
                        label={`${sectionLabel}${t('paperForm.questions')}`}
                      >
                        <Select
                          mode="multiple"
                          showSearch={{ optionFilterProp: 'label' }}
                          options={questionOptions}
                        />
                      </Form.Item>
                    ) : null}
                    {values.kind !== 'fixed' ? (
                      <DrawRulesField section={field.name} sectionLabel={sectionLabel} categories={flat} />
                    ) : null}
                    <Space wrap>
                      <Form.Item
                        name={[field.name, 'shuffleQuestions']}
                        label={`${sectionLabel}${t('paperForm.shuffleQuestions')}`}
                        valuePropName="checked"
                      >
                        <Switch />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'shuffleOptions']}
                        label={`${sectionLabel}${t('paperForm.shuffleOptions')}`}
                        valuePropName="checked"
                      >
                        <Switch />
                      </Form.Item>
                    </Space>
                    {fields.length > 1 ? (
                      <div>
                        <Button
                          danger
                          onClick={() => {
                            remove(field.name);
                          }}
                        >
                          {t('paperForm.removeSection', { section: sectionLabel })}
                        </Button>
                      </div>
                    ) : null}
                  </Card>
                );
              })}
              <Button
                onClick={() => {
                  add(newSection(fields.length + 1));
                }}
                style={{ marginBottom: 16 }}
              >
                {t('paperForm.addSection')}
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={busy}>
            {paper ? t('paperForm.save') : t('paperForm.create')}
          </Button>
        </div>
      </Form>
      {paper ? <PaperPreview paperId={paper.paperId} /> : null}
    </>
  );
}
