import { Checkbox, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

import type { AnswerPart, QuestionView } from './model/types';
import { RichText } from './RichText';

interface Props {
  view: QuestionView;
  /** Unique per question (and sub-question) on the page. */
  idBase: string;
  value: AnswerPart | undefined;
  /** `typing`: a text edit, saved after a pause. */
  onChange: (value: AnswerPart, typing: boolean) => void;
  disabled: boolean;
  /** Shown before the stem in the legend, e.g. "(2)" for a sub-question. */
  prefix?: string;
}

/**
 * The inputs of one (sub-)question by type, grouped in a fieldset whose legend is the stem, so every input is
 * named by its question: options by their text, blanks by their number, the essay box by the stem.
 */
export function AnswerInput({ view, idBase, value, onChange, disabled, prefix }: Props) {
  const { t } = useTranslation('examRoom');
  const stemId = `${idBase}-stem`;
  const legend = (
    <legend className="room-stem">
      {prefix && <span className="room-sub-prefix">{prefix} </span>}
      <RichText html={view.stem} id={stemId} />
    </legend>
  );
  switch (view.type) {
    case 'single':
      return (
        <fieldset className="room-fieldset">
          {legend}
          <Radio.Group
            className="room-options"
            disabled={disabled}
            value={value?.choice ?? null}
            onChange={(e) => {
              onChange({ choice: String(e.target.value) }, false);
            }}
          >
            {(view.options ?? []).map((o) => (
              <Radio key={o.key} value={o.key}>
                <span className="room-option-key">{o.key}.</span> <RichText html={o.text} />
              </Radio>
            ))}
          </Radio.Group>
        </fieldset>
      );
    case 'multiple':
      return (
        <fieldset className="room-fieldset">
          {legend}
          <p className="room-hint">{t('question.multipleHint')}</p>
          <Checkbox.Group
            className="room-options"
            disabled={disabled}
            value={[...(value?.choices ?? [])]}
            onChange={(checked) => {
              const keys = (view.options ?? []).map((o) => o.key).filter((k) => checked.includes(k));
              onChange({ choices: keys }, false);
            }}
          >
            {(view.options ?? []).map((o) => (
              <Checkbox key={o.key} value={o.key}>
                <span className="room-option-key">{o.key}.</span> <RichText html={o.text} />
              </Checkbox>
            ))}
          </Checkbox.Group>
        </fieldset>
      );
    case 'true_false':
      return (
        <fieldset className="room-fieldset">
          {legend}
          <Radio.Group
            className="room-options"
            disabled={disabled}
            value={value?.truth ?? null}
            onChange={(e) => {
              onChange({ truth: e.target.value === true }, false);
            }}
          >
            <Radio value={true}>{t('question.true')}</Radio>
            <Radio value={false}>{t('question.false')}</Radio>
          </Radio.Group>
        </fieldset>
      );
    case 'fill_blank': {
      const count = view.blankCount ?? 1;
      const blanks = Array.from({ length: count }, (_, i) => value?.blanks?.[i] ?? '');
      return (
        <fieldset className="room-fieldset">
          {legend}
          <div className="room-blanks">
            {blanks.map((text, i) => (
              <Input
                key={i}
                aria-label={t('question.blank', { n: i + 1 })}
                aria-describedby={stemId}
                disabled={disabled}
                value={text}
                maxLength={1000}
                onChange={(e) => {
                  const next = [...blanks];
                  next[i] = e.target.value;
                  onChange({ blanks: next }, true);
                }}
              />
            ))}
          </div>
        </fieldset>
      );
    }
    case 'essay':
      return (
        <fieldset className="room-fieldset">
          {legend}
          <Input.TextArea
            aria-labelledby={stemId}
            disabled={disabled}
            value={value?.text ?? ''}
            autoSize={{ minRows: 4, maxRows: 16 }}
            maxLength={50_000}
            onChange={(e) => {
              onChange({ text: e.target.value }, true);
            }}
          />
        </fieldset>
      );
    case 'composite':
      return null;
  }
}
