import { UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Modal } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '../../ui/PageTitle';
import { Countdown } from './Countdown';
import { FaceStep } from './face-step';
import { enterFullScreen } from './full-screen';
import { flatQuestions } from './model/answers';
import { endOf } from './model/failures';
import { navigatorItems, submitSummary } from './model/navigator-state';
import type { ServerClock } from './model/server-clock';
import type { Attempt, AttemptClock, ExamNotice, Paper, ProctoringReport } from './model/types';
import { ProctoringWarning } from './ProctoringWarning';
import { QuestionCard } from './QuestionCard';
import { QuestionNavigator } from './QuestionNavigator';
import type { RoomApi } from './room-api';
import { SaveIndicator } from './SaveIndicator';
import { SubmitDialog } from './SubmitDialog';
import { useAutosave } from './use-autosave';
import { useCountdown } from './use-countdown';
import { useFlags } from './use-flags';
import { useProctoring } from './use-proctoring';

interface Props {
  api: RoomApi;
  clock: ServerClock;
  notice: ExamNotice;
  attempt: Attempt;
  paper: Paper;
  onFinished: (attempt: Attempt, timeUp: boolean) => void;
  onTerminated: () => void;
  onTakenOver: () => void;
}

/** How often the room re-reads the attempt (clock, staff pause or added time, takeover) while it runs. */
const RESYNC_MS = 30_000;
/** While staff hold the attempt paused, the candidate waits for the resume: notice it within seconds. */
const PAUSED_RESYNC_MS = 5_000;
/** How often it asks whether the finaliser closed the attempt once time is up. */
const CLOSING_POLL_MS = 3_000;
const LIVE = new Set(['created', 'in_progress', 'overdue']);

/** The exam in progress: the paper, the navigator, autosave, the countdown, proctoring and submission. */
export function Room({ api, clock, notice, attempt, paper, onFinished, onTerminated, onTakenOver }: Props) {
  const { t } = useTranslation('examRoom');
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const questions = useMemo(() => flatQuestions(paper), [paper]);
  const questionIds = useMemo(() => questions.map((q) => q.questionId), [questions]);
  const [timing, setTiming] = useState({ deadline: attempt.clock.deadline, pausedAt: attempt.pausedAt });
  const [frozenMs, setFrozenMs] = useState<number | null>(
    attempt.pausedAt ? attempt.clock.remainingSeconds * 1000 : null,
  );
  const [closing, setClosing] = useState(false);
  const [current, setCurrent] = useState(0);
  const [wholePaper, setWholePaper] = useState(false);
  const { flagged, toggle: toggleFlagged, forget: forgetFlags } = useFlags(attempt.attemptId, questionIds);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitBusy, setSubmitBusy] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [warning, setWarning] = useState<ProctoringReport | null>(null);
  const ended = useRef(false);

  const applyClock = useCallback((c: AttemptClock, pausedAt: string | null = null) => {
    setTiming((old) =>
      old.deadline === c.deadline && old.pausedAt === pausedAt ? old : { deadline: c.deadline, pausedAt },
    );
    setFrozenMs(pausedAt ? c.remainingSeconds * 1000 : null);
  }, []);

  /** A refusal that ends this device's attempt: taken over, terminated, or closed (then read how it closed). */
  const handleEnd = useCallback(
    (error: unknown) => {
      const end = endOf(error);
      if (end === null || ended.current) return;
      if (end === 'taken_over') {
        ended.current = true;
        onTakenOver();
      } else if (end === 'terminated') {
        ended.current = true;
        onTerminated();
      } else setClosing(true);
    },
    [onTakenOver, onTerminated],
  );

  const autosave = useAutosave(api, clock, attempt, {
    onClock: (c) => {
      applyClock(c, timing.pausedAt);
    },
    onStopped: handleEnd,
  });
  const countdown = useCountdown(clock, timing.deadline, frozenMs);
  const timeUp = countdown.phase === 'over';
  const locked = timeUp || closing;

  const proctoring = useProctoring({
    api,
    clock,
    attemptId: attempt.attemptId,
    policy: notice.room?.antiCheat,
    active: !locked,
    onReport: (report) => {
      if (report.policy.terminated || report.policy.outcome === 'terminated') {
        if (!ended.current) {
          ended.current = true;
          onTerminated();
        }
      } else if (report.policy.outcome === 'warning' || report.policy.outcome === 'flagged')
        setWarning(report);
    },
    onStopped: handleEnd,
  });

  // Re-read the attempt now and then: the clock, a pause or added time, and whether it still runs here.
  const readAttempt = useCallback(async (): Promise<Attempt | null> => {
    try {
      const fresh = await api.attempt(attempt.attemptId);
      applyClock(fresh.clock, fresh.pausedAt);
      return fresh;
    } catch (error: unknown) {
      handleEnd(error);
      return null;
    }
  }, [api, attempt.attemptId, applyClock, handleEnd]);

  const paused = timing.pausedAt !== null;
  useEffect(() => {
    if (locked) return;
    const id = setInterval(
      () => {
        void readAttempt().then((fresh) => {
          if (fresh && !LIVE.has(fresh.status) && !ended.current) {
            ended.current = true;
            if (fresh.status === 'terminated') onTerminated();
            else onFinished(fresh, false);
          }
        });
      },
      paused ? PAUSED_RESYNC_MS : RESYNC_MS,
    );
    return () => {
      clearInterval(id);
    };
  }, [locked, paused, readAttempt, onFinished, onTerminated]);

  // Time is up: send what is left, then wait for the server to close the attempt (its finaliser submits it).
  const { flush, clear } = autosave;
  useEffect(() => {
    if (!locked) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const fresh = await readAttempt();
      if (!live || ended.current) return;
      if (fresh && !LIVE.has(fresh.status)) {
        ended.current = true;
        await Promise.all([clear(), forgetFlags()]);
        if (fresh.status === 'terminated') onTerminated();
        else onFinished(fresh, timeUp);
        return;
      }
      timer = setTimeout(() => void poll(), CLOSING_POLL_MS);
    };
    void flush(5_000).then(poll);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [locked, timeUp, flush, clear, forgetFlags, readAttempt, onFinished, onTerminated]);

  const submit = async () => {
    setSubmitBusy(true);
    setSubmitError(null);
    try {
      await flush(8_000);
      const done = await api.submit(attempt.attemptId);
      ended.current = true;
      await Promise.all([clear(), forgetFlags()]);
      onFinished(done, false);
    } catch (error: unknown) {
      if (endOf(error) === null) setSubmitError(error);
      else {
        setSubmitOpen(false);
        handleEnd(error);
      }
    } finally {
      setSubmitBusy(false);
    }
  };

  const items = navigatorItems(questions, autosave.answers, flagged, current);
  const select = (index: number) => {
    setCurrent(index);
    setDrawerOpen(false);
    const id = questions.at(index)?.questionId;
    if (id === undefined) return;
    requestAnimationFrame(() => {
      const section = document.getElementById(`q-${id}`);
      section?.scrollIntoView({ block: 'start' });
      section?.focus({ preventScroll: true });
    });
  };

  const navigator = <QuestionNavigator items={items} onSelect={select} />;
  const shown = wholePaper ? questions : questions.slice(current, current + 1);

  return (
    <div className="room">
      <header className="room-bar">
        <div className="room-bar-title">
          <PageTitle>{notice.title}</PageTitle>
        </div>
        <Countdown remainingMs={countdown.remainingMs} phase={countdown.phase} paused={paused} />
        <SaveIndicator state={autosave.state} />
        <div className="room-bar-actions">
          {!wide && (
            <Button
              icon={<UnorderedListOutlined />}
              onClick={() => {
                setDrawerOpen(true);
              }}
            >
              {t('nav.open')}
            </Button>
          )}
          <Button
            aria-pressed={wholePaper}
            onClick={() => {
              setWholePaper((w) => !w);
            }}
          >
            {t('view.wholePaper')}
          </Button>
          <Button
            type="primary"
            disabled={locked || paused}
            onClick={() => {
              setSubmitError(null);
              setSubmitOpen(true);
            }}
          >
            {t('submit.open')}
          </Button>
        </div>
      </header>

      <div aria-live="assertive" className="visually-hidden">
        {countdown.announcement ? t(`clock.announce.${countdown.announcement}`) : ''}
      </div>
      <div className="room-banners">
        {!locked && (countdown.phase === 'five_minutes' || countdown.phase === 'one_minute') && (
          <Alert type="warning" showIcon title={t(`clock.banner.${countdown.phase}`)} />
        )}
        {locked && <Alert type="info" showIcon title={t('clock.timeUpClosing')} role="alert" />}
        {paused && <Alert type="warning" showIcon title={t('clock.pausedBanner')} />}
        {proctoring.fullScreenLost && !locked && (
          <Alert
            type="warning"
            showIcon
            title={t('proctor.fullScreenLost')}
            action={
              <Button size="small" onClick={() => void enterFullScreen()}>
                {t('proctor.fullScreenBack')}
              </Button>
            }
          />
        )}
      </div>

      <div className="room-body">
        {wide && <aside className="room-side">{navigator}</aside>}
        <main className="room-main" id="main">
          {wholePaper
            ? paper.sections.map((section, s) => (
                <div key={s} className="room-section">
                  <h2 className="room-section-title">{section.title}</h2>
                  {section.instructions && <p className="room-hint">{section.instructions}</p>}
                  {section.questions.map((q) => {
                    const index = questions.findIndex((x) => x.questionId === q.questionId);
                    return (
                      <QuestionCard
                        key={q.questionId}
                        question={q}
                        number={index + 1}
                        answer={autosave.answers.get(q.questionId)}
                        flagged={flagged.has(q.questionId)}
                        disabled={locked || paused}
                        onAnswer={(a, typing) => {
                          setCurrent(index);
                          autosave.setAnswer(q.questionId, a, typing);
                        }}
                        onToggleFlag={() => {
                          toggleFlagged(q.questionId);
                        }}
                      />
                    );
                  })}
                </div>
              ))
            : shown.map((q) => (
                <QuestionCard
                  key={q.questionId}
                  question={q}
                  number={q.number}
                  answer={autosave.answers.get(q.questionId)}
                  flagged={flagged.has(q.questionId)}
                  disabled={locked || paused}
                  onAnswer={(a, typing) => {
                    autosave.setAnswer(q.questionId, a, typing);
                  }}
                  onToggleFlag={() => {
                    toggleFlagged(q.questionId);
                  }}
                />
              ))}
          {!wholePaper && (
            <div className="room-pager">
              <Button
                disabled={current === 0}
                onClick={() => {
                  select(current - 1);
                }}
              >
                {t('view.previous')}
              </Button>
              <span>{t('view.position', { current: current + 1, total: questions.length })}</span>
              <Button
                type="primary"
                ghost
                disabled={current >= questions.length - 1}
                onClick={() => {
                  select(current + 1);
                }}
              >
                {t('view.next')}
              </Button>
            </div>
          )}
        </main>
      </div>

      {!wide && (
        <Drawer
          open={drawerOpen}
          placement="bottom"
          title={t('nav.label')}
          onClose={() => {
            setDrawerOpen(false);
          }}
        >
          {navigator}
        </Drawer>
      )}
      <SubmitDialog
        open={submitOpen}
        summary={submitSummary(items)}
        busy={submitBusy}
        error={submitError}
        onCancel={() => {
          setSubmitOpen(false);
        }}
        onConfirm={() => void submit()}
      />
      <ProctoringWarning
        report={warning}
        onClose={() => {
          setWarning(null);
        }}
      />
      {/* Destroyed when hidden: each periodic check starts a new capture, not the last one's result. */}
      <Modal
        open={proctoring.faceCheckDue && !locked}
        title={t('face.periodicTitle')}
        destroyOnHidden
        closable={false}
        mask={{ closable: false }}
        okText={t('face.cannot')}
        onOk={() => {
          proctoring.completeFaceCheck(null);
        }}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <p>{t('face.periodicBody')}</p>
        <FaceStep
          purpose="exam_proctor"
          examId={notice.examId}
          onPassed={(token) => {
            proctoring.completeFaceCheck(token);
          }}
        />
      </Modal>
    </div>
  );
}
