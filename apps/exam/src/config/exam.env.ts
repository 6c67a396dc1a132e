import { BaseServiceEnv, loadConfig } from '@exam/platform';

/** The exam service's settings; the only place it reads the environment. */
export class ExamEnv extends BaseServiceEnv {
  override HTTP_PORT = 3003;
  override DATABASE_NAME = 'exam_exam';
}

export function loadExamEnv(env: Readonly<Record<string, string | undefined>> = process.env): ExamEnv {
  return loadConfig(ExamEnv, env);
}
