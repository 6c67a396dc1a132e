import { distinctEvents, type ReportedEvent, reportedEventProblems } from './proctoring-event';

const event = (over: Partial<ReportedEvent>): ReportedEvent => ({
  clientEventId: 'event-0001',
  kind: 'fullscreen_exited',
  ...over,
});

describe('reported proctoring events', () => {
  it('should accept each kind with the fields it carries', () => {
    const good: ReportedEvent[] = [
      event({ kind: 'focus_lost', durationSeconds: 4 }),
      event({ kind: 'idle', durationSeconds: 120 }),
      event({ kind: 'fullscreen_exited' }),
      event({ kind: 'copy_paste', clipboardAction: 'paste' }),
      event({ kind: 'face_check', faceCheckToken: 'a.b.c' }),
      event({ kind: 'face_check' }),
    ];
    for (const [i, e] of good.entries()) expect(reportedEventProblems(e, i)).toEqual([]);
  });

  it('should name the field a kind misses or must not carry', () => {
    expect(reportedEventProblems(event({ kind: 'focus_lost' }), 2)).toEqual([
      { field: 'events[2].durationSeconds', reason: 'required for focus_lost' },
    ]);
    expect(reportedEventProblems(event({ kind: 'copy_paste' }), 0)[0]?.field).toBe(
      'events[0].clipboardAction',
    );
    expect(
      reportedEventProblems(
        event({ kind: 'idle', durationSeconds: 1, faceCheckToken: 'x', clipboardAction: 'copy' }),
        1,
      )
        .map((p) => p.field)
        .sort(),
    ).toEqual(['events[1].clipboardAction', 'events[1].faceCheckToken']);
    expect(reportedEventProblems(event({ durationSeconds: 3 }), 0)[0]?.field).toBe(
      'events[0].durationSeconds',
    );
  });

  it('should keep the first of repeated client event ids', () => {
    const first = event({ clientEventId: 'same-0001', kind: 'idle', durationSeconds: 1 });
    const batch = [first, event({ clientEventId: 'same-0001' }), event({ clientEventId: 'other-0001' })];

    expect(distinctEvents(batch).map((e) => [e.clientEventId, e.kind])).toEqual([
      ['same-0001', 'idle'],
      ['other-0001', 'fullscreen_exited'],
    ]);
  });
});
