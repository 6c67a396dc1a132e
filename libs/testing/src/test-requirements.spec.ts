import { join } from 'node:path';

import {
  isCi,
  MissingTestPrerequisiteError,
  requirePrerequisite,
  requireTestData,
} from './test-requirements';

describe(requirePrerequisite.name, () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => {
    warn.mockRestore();
  });

  it('should treat CI=true and CI=1 as CI, and an unset, empty, false or 0 CI as not', () => {
    expect([{ CI: 'true' }, { CI: '1' }, { CI: 'TRUE' }].map((env) => isCi(env))).toEqual([true, true, true]);
    expect([{}, { CI: '' }, { CI: 'false' }, { CI: '0' }].map((env) => isCi(env))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('should answer true for a present prerequisite without a word, in CI or not', () => {
    expect(requirePrerequisite(true, 'a broker', { CI: 'true' })).toBe(true);
    expect(requirePrerequisite(true, 'a broker', {})).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('should fail under CI naming what is missing', () => {
    const sut = () => requirePrerequisite(false, 'the local Kafka broker', { CI: 'true' });

    expect(sut).toThrow(MissingTestPrerequisiteError);
    expect(sut).toThrow(/Missing test prerequisite: the local Kafka broker/);
  });

  it('should skip outside CI and print why', () => {
    expect(requirePrerequisite(false, 'the local Kafka broker', {})).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the local Kafka broker'));
  });

  it('should name the missing test data and its path', () => {
    const path = join(__dirname, 'no-such-test-data');

    expect(requireTestData(__dirname, 'this folder', { CI: 'true' })).toBe(true);
    expect(() => requireTestData(path, 'labelled test faces', { CI: 'true' })).toThrow(
      `Missing test prerequisite: labelled test faces at ${path}.`,
    );
  });
});
