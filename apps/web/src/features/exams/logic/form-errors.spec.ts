import { fieldMessageOf, formFieldErrors, formFieldKey } from './form-errors';

describe('registration form errors from the server', () => {
  it('should find the form key in the field path', () => {
    expect(formFieldKey('answers.school')).toBe('school');
    expect(formFieldKey('answers')).toBeNull();
    expect(formFieldKey('settings.x')).toBeNull();
  });

  it.each([
    ['“学校” is required', { key: 'required' }],
    ['must be at most 500 characters', { key: 'tooLong', params: { max: 500 } }],
    ['must be one of: 本科, 硕士', { key: 'notAnOption' }],
    ['must be a date YYYY-MM-DD', { key: 'notADate' }],
    ['must be an https link or a data:image (png/jpeg) URL', { key: 'notAPhoto' }],
    ['is not a field of this exam’s form', { key: 'unknownField' }],
    ['is answered twice', { key: 'other' }],
  ])('should turn "%s" into a message key', (reason, message) => {
    expect(fieldMessageOf(reason)).toEqual(message);
  });

  it('should keep only the fields of the form', () => {
    expect(
      formFieldErrors({ 'answers.school': '“学校” is required', 'answers.ghost': 'x', answers: 'y' }, [
        'school',
      ]),
    ).toEqual({ school: { key: 'required' } });
  });
});
