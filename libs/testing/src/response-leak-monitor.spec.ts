import { allowFullValuesOn, inspectResponse, responseLeaks, seedPersonalData } from './response-leak-monitor';

describe('response leak monitor', () => {
  it('should flag checksum-valid numbers and seeded values, and respect allowed reveal routes', () => {
    seedPersonalData('张三丰');
    inspectResponse('GET', '/api/x/me', '/api/x/me', '{"name":"**丰","phone":"138****5678"}');
    expect(responseLeaks()).toEqual([]);

    inspectResponse('GET', '/api/x/me', '/api/x/me', '{"idNumber":"11010519491231002X"}');
    inspectResponse('GET', '/api/x/me', '/api/x/me', '{"name":"张三丰"}');
    expect(responseLeaks()).toEqual([
      'GET /api/x/me: unmasked idNumber',
      'GET /api/x/me: seeded personal value #1 returned unmasked',
    ]);

    allowFullValuesOn('post', '/api/x/users/:id/id-number/reveal');
    inspectResponse(
      'POST',
      '/api/x/users/:id/id-number/reveal',
      '/api/x/users/1/id-number/reveal',
      '{"value":"11010519491231002X"}',
    );
    expect(responseLeaks()).toHaveLength(2);
  });
});
