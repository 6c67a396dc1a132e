import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { markProblem, scriptLabel } from './mark-rules';
import { giveMark, type MarkingTask, type MarkResult } from './marking-api';

interface Props {
  institutionId: string;
  examId: string;
  task: MarkingTask;
  position: number;
  of: number;
  onMarked: (result: MarkResult, mark: number) => void;
  onSkip: () => void;
}

interface Values {
  mark?: number | null;
  comment?: string;
}

/** One anonymous answer: the rubric beside what was written, earlier marks when reconciling, and the mark to give. */
export function MarkingTaskCard({ institutionId, examId, task, position, of, onMarked, onSkip }: Props) {
  const { t } = useTranslation('consoleOps');
  const [form] = Form.useForm<Values>();
  const mark = useMutation({
    mutationFn: (values: { mark: number; comment: string }) =>
      giveMark(institutionId, examId, task, values.mark, values.comment),
    onSuccess: (result, values) => {
      form.resetFields();
      onMarked(result, values.mark);
    },
  });
  const script = scriptLabel(task.scriptId);
  return (
    <section aria-labelledby="marking-task">
      <Card>
        <Typography.Title level={2} id="marking-task" className="ops-heading">
          {t('queue.script', { script, position, of })}
        </Typography.Title>
        {task.status === 'reconciliation' ? <Tag color="#ad4e00">{t('queue.reconciling')}</Tag> : null}
        {task.passages.map((passage, i) => (
          <div key={passage.part ?? i} className="ops-side-by-side" style={{ marginTop: 12 }}>
            <Card size="small" title={<h3 className="card-heading">{t('queue.rubric')}</h3>}>
              <Typography.Paragraph strong className="ops-prewrap">
                {passage.part === null ? '' : t('queue.part', { part: passage.part })}
                {passage.stem}
              </Typography.Paragraph>
              <Typography.Paragraph className="ops-prewrap">
                {passage.rubric || t('queue.noRubric')}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {t('queue.worth', { count: passage.points })}
              </Typography.Text>
            </Card>
            <Card size="small" title={<h3 className="card-heading">{t('queue.answer')}</h3>}>
              <Typography.Paragraph className="ops-prewrap">
                {passage.text.trim() === '' ? t('queue.blank') : passage.text}
              </Typography.Paragraph>
            </Card>
          </div>
        ))}
        {task.earlierMarks.length > 0 ? (
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey="round"
            pagination={false}
            dataSource={task.earlierMarks}
            columns={[
              { title: t('queue.round'), dataIndex: 'round' },
              { title: t('queue.mark'), dataIndex: 'mark' },
              { title: t('queue.comment'), dataIndex: 'comment' },
            ]}
          />
        ) : null}
        <ErrorAlert error={mark.error} namespace="consoleOps" />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          style={{ marginTop: 16 }}
          onFinish={(values) => {
            mark.mutate({ mark: values.mark ?? 0, comment: values.comment ?? '' });
          }}
        >
          <Form.Item
            label={t('queue.markLabel', { max: task.maxMark, step: task.step })}
            name="mark"
            rules={[
              {
                validator: (_rule, value: number | null | undefined) => {
                  const problem = markProblem(value, task.maxMark, task.step);
                  return problem === null
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(t(`queue.problems.${problem}`, { max: task.maxMark, step: task.step })),
                      );
                },
              },
            ]}
          >
            <InputNumber min={0} max={task.maxMark} step={task.step} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('queue.commentLabel')} name="comment">
            <Input.TextArea rows={2} maxLength={2000} showCount />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={mark.isPending}>
              {t('queue.submit')}
            </Button>
            <Button onClick={onSkip}>{t('queue.skip')}</Button>
          </Space>
        </Form>
      </Card>
    </section>
  );
}
