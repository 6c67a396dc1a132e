import { ApiError } from '../../api/api-error';
import { withRecentAuthentication } from './recent-auth';

describe('withRecentAuthentication', () => {
  it('confirms the typed password and tries once more when the sign-in is too old', async () => {
    const confirm = jest.fn(() => Promise.resolve());
    let calls = 0;
    const work = () => {
      calls += 1;
      if (calls === 1)
        return Promise.reject(new ApiError(403, 'AUTH.RECENT_AUTHENTICATION_REQUIRED', 'too old'));
      return Promise.resolve('done');
    };
    await expect(withRecentAuthentication('pw', work, confirm)).resolves.toBe('done');
    expect(confirm).toHaveBeenCalledWith('pw');
    expect(calls).toBe(2);
  });

  it('passes every other failure on without confirming', async () => {
    const confirm = jest.fn(() => Promise.resolve());
    const wrong = new ApiError(400, 'ACCOUNT.CURRENT_PASSWORD_WRONG', 'wrong');
    await expect(withRecentAuthentication('pw', () => Promise.reject(wrong), confirm)).rejects.toBe(wrong);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('stops when the password itself is refused', async () => {
    const refused = new ApiError(400, 'ACCOUNT.CURRENT_PASSWORD_WRONG', 'wrong');
    const work = jest.fn(() =>
      Promise.reject(new ApiError(403, 'AUTH.RECENT_AUTHENTICATION_REQUIRED', 'too old')),
    );
    await expect(withRecentAuthentication('pw', work, () => Promise.reject(refused))).rejects.toBe(refused);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
