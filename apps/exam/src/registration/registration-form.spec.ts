import type { FormField } from '../exam/exam-settings';
import { checkFormAnswers, maskAnswer } from './registration-form';

const form: FormField[] = [
  { key: 'employer', label: '工作单位', kind: 'text', required: true, maxLength: 10 },
  { key: 'education', label: '学历', kind: 'select', required: false, options: ['本科', '硕士'] },
  { key: 'photo', label: '照片', kind: 'photo', required: false },
];

describe('checkFormAnswers', () => {
  it('should keep valid answers', () => {
    expect(
      checkFormAnswers(form, [
        { key: 'employer', value: ' 某公司 ' },
        { key: 'education', value: '本科' },
      ]),
    ).toEqual({
      values: { employer: '某公司', education: '本科' },
      errors: [],
    });
  });

  it('should refuse unknown, missing, too long, off-list and unsafe answers', () => {
    const { errors } = checkFormAnswers(form, [
      { key: 'hobby', value: 'x' },
      { key: 'education', value: '博士' },
      { key: 'photo', value: 'javascript:alert(1)' },
    ]);
    expect(errors.map((e) => e.field)).toEqual([
      'answers.hobby',
      'answers.education',
      'answers.photo',
      'answers.employer',
    ]);
    expect(
      checkFormAnswers(form, [{ key: 'employer', value: '一二三四五六七八九十十' }]).errors,
    ).toHaveLength(1);
  });

  it('should mask answers', () => {
    expect(maskAnswer('北京大学')).toBe('北***');
    expect(maskAnswer('x')).toBe('*');
  });
});
