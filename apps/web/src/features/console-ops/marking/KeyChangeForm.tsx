import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { PaperQuestion } from '../exams/paper-questions';
import { keyChangeBody, type KeyChangeInput, REGRADABLE_TYPES } from './key-change-input';
import { changeKey, type KeyChangeBody, type KeyChangeResult, regradeNext } from './regrade-api';

interface Props {
  institutionId: string;
  examId: string;
  questions: PaperQuestion[];
  onRegraded: () => void;
}

interface Outcome {
  change: KeyChangeResult;
  processed: number;
  changed: number;
}

/**
 * A key change after the exam (accept another answer, replace the key, drop the question), confirmed, then the
 * regrading of every closed attempt batch after batch until none is left.
 */
export function KeyChangeForm({ institutionId, examId, questions, onRegraded }: Props) {
  const { t } = useTranslation('consoleOps');
  const [form] = Form.useForm<KeyChangeInput>();
  const [pending, setPending] = useState<KeyChangeBody | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const regradable = questions.filter((q) => (REGRADABLE_TYPES as readonly string[]).includes(q.type));
  const questionId = Form.useWatch('questionId', form);
  const action = Form.useWatch('action', form);
  const picked = regradable.find((q) => q.questionId === questionId);
  const type = picked?.type;
  const options = (picked?.options ?? []).map((o) => `${o.key} ${o.text}`).join(t('charts.listSeparator'));
  const run = useMutation({
    mutationFn: async (body: KeyChangeBody): Promise<Outcome> => {
      const change = await changeKey(institutionId, examId, body);
      let { processed, changed, nextAfter } = change.regrade;
      while (nextAfter !== null) {
        const next = await regradeNext(institutionId, examId, nextAfter);
        processed += next.processed;
        changed += next.changed;
        nextAfter = next.nextAfter;
      }
      return { change, processed, changed };
    },
    onSuccess: (result) => {
      setOutcome(result);
      setPending(null);
      form.resetFields();
      onRegraded();
    },
  });
  const submit = (values: KeyChangeInput) => {
    const built = keyChangeBody({ ...values, type });
    if ('problem' in built) {
      form.setFields([{ name: 'reason', errors: [t(`regrade.problems.${built.problem}`)] }]);
      return;
    }
    run.reset();
    setPending(built.body);
  };
  return (
    <section aria-labelledby="key-change">
      <Card>
        <Typography.Title level={2} id="key-change" className="ops-heading">
          {t('regrade.keyTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('regrade.keyIntro')}</Typography.Paragraph>
        {outcome ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('regrade.done', { processed: outcome.processed, changed: outcome.changed })}
            description={t('regrade.doneReason', { reason: outcome.change.reason })}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <ErrorAlert error={pending ? null : run.error} namespace="consoleOps" />
        <Form<KeyChangeInput> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item
            label={t('regrade.question')}
            name="questionId"
            rules={[{ required: true, message: t('regrade.problems.question') }]}
          >
            <Select
              options={regradable.map((q) => ({
                value: q.questionId,
                label: `${q.number} ${q.label}（${t(`questionTypes.${q.type}`, { defaultValue: q.type })}）`,
              }))}
              notFoundContent={t('regrade.noQuestions')}
            />
          </Form.Item>
          <Form.Item
            label={t('regrade.action')}
            name="action"
            rules={[{ required: true, message: t('regrade.problems.action') }]}
          >
            <Radio.Group
              options={(['accept', 'replace', 'drop'] as const).map((a) => ({
                value: a,
                label: t(`regrade.actions.${a}`),
              }))}
            />
          </Form.Item>
          {action !== 'drop' && (type === 'single' || type === 'multiple') ? (
            <Form.Item
              label={t('regrade.choices')}
              name="choices"
              extra={t('regrade.choicesHint', { options })}
            >
              <Input style={{ maxWidth: 240 }} />
            </Form.Item>
          ) : null}
          {action === 'replace' && type === 'true_false' ? (
            <Form.Item label={t('regrade.truth')} name="truth">
              <Radio.Group
                options={[
                  { value: true, label: t('regrade.true') },
                  { value: false, label: t('regrade.false') },
                ]}
              />
            </Form.Item>
          ) : null}
          {action !== 'drop' && type === 'fill_blank' ? (
            <Form.Item label={t('regrade.blanks')} name="blanks" extra={t('regrade.blanksHint')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
          <Form.Item label={t('regrade.reason')} name="reason">
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
          <Button htmlType="submit">{t('regrade.submit')}</Button>
        </Form>
        {pending ? (
          <Modal
            open
            title={t('regrade.confirmTitle')}
            okText={t('regrade.confirm')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true, loading: run.isPending }}
            onOk={() => {
              run.mutate(pending);
            }}
            onCancel={() => {
              setPending(null);
            }}
          >
            <Typography.Paragraph>{t(`regrade.confirmBody.${pending.action}`)}</Typography.Paragraph>
            <ErrorAlert error={run.error} namespace="consoleOps" />
          </Modal>
        ) : null}
      </Card>
    </section>
  );
}
