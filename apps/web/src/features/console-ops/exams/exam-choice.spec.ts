import { examsToPick } from './exam-choice';
import type { ConsoleExam } from './exams-api';

const exam = (examId: string, title: string, status: string, opensAt: string): ConsoleExam => ({
  examId,
  title,
  status,
  practice: false,
  opensAt,
  closesAt: opensAt,
  paperId: 'p',
  publishedAt: null,
  settings: {},
});

describe('exams to pick', () => {
  const exams = [
    exam('1', '期中考试', 'published', '2026-03-01T08:00:00Z'),
    exam('2', '草稿考试', 'draft', '2026-03-05T08:00:00Z'),
    exam('3', 'Final exam', 'closed', '2026-04-01T08:00:00Z'),
  ];

  it('leaves drafts out and puts the newest first', () => {
    expect(examsToPick(exams, '').map((e) => e.examId)).toEqual(['3', '1']);
  });

  it('finds by part of the title, ignoring case and spaces around', () => {
    expect(examsToPick(exams, ' final ').map((e) => e.examId)).toEqual(['3']);
    expect(examsToPick(exams, '期中').map((e) => e.examId)).toEqual(['1']);
    expect(examsToPick(exams, '草稿')).toEqual([]);
  });
});
