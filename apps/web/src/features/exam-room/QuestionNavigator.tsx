import { FlagFilled } from '@ant-design/icons';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { moveFocus, type NavigatorItem } from './model/navigator-state';

const COLUMNS = 5;

interface Props {
  items: readonly NavigatorItem[];
  onSelect: (index: number) => void;
}

/**
 * Every question as a numbered button: filled when answered, a flag when marked for review, outlined when on
 * screen. One tab stop; the arrow keys, Home and End move between questions, Enter or Space opens one.
 */
export function QuestionNavigator({ items, onSelect }: Props) {
  const { t } = useTranslation('examRoom');
  const current = Math.max(
    0,
    items.findIndex((i) => i.current),
  );
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tabStop = focusIndex ?? current;

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const next = moveFocus(tabStop, event.key, items.length, COLUMNS);
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  const answered = items.filter((i) => i.answered).length;
  return (
    <nav aria-label={t('nav.label')} className="room-nav">
      <p className="room-nav-count">{t('nav.progress', { answered, total: items.length })}</p>
      <ol className="room-nav-grid" onKeyDown={onKeyDown}>
        {items.map((item, i) => {
          const state = [
            item.answered ? t('nav.answered') : t('nav.unanswered'),
            ...(item.flagged ? [t('nav.flagged')] : []),
          ].join('，');
          return (
            <li key={item.questionId}>
              <button
                type="button"
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                tabIndex={i === tabStop ? 0 : -1}
                aria-current={item.current ? 'step' : undefined}
                aria-label={t('nav.item', { number: item.number, state })}
                className={[
                  'room-nav-item',
                  item.answered ? 'is-answered' : '',
                  item.current ? 'is-current' : '',
                ].join(' ')}
                onFocus={() => {
                  setFocusIndex(i);
                }}
                onClick={() => {
                  onSelect(i);
                }}
              >
                {item.number}
                {item.flagged && <FlagFilled className="room-nav-flag" aria-hidden />}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="room-nav-legend" aria-hidden>
        <li>
          <span className="room-nav-swatch is-answered" /> {t('nav.answered')}
        </li>
        <li>
          <span className="room-nav-swatch" /> {t('nav.unanswered')}
        </li>
        <li>
          <FlagFilled className="room-nav-flag-legend" /> {t('nav.flagged')}
        </li>
      </ul>
    </nav>
  );
}
