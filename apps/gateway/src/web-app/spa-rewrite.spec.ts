import { spaRewrite } from './spa-rewrite';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('spaRewrite', () => {
  it('answers index.html for a browser navigation to an app path, with or without a query', () => {
    expect(spaRewrite('/my/exams/42', HTML, 'GET')).toBe('/index.html');
    expect(spaRewrite('/sign-in?next=%2Fexams', HTML, 'GET')).toBe('/index.html');
    expect(spaRewrite('/exam-room/abc', HTML, 'HEAD')).toBe('/index.html');
  });

  it('leaves the API, health checks, the root and files alone', () => {
    expect(spaRewrite('/api/exam/nothing', HTML, 'GET')).toBe('/api/exam/nothing');
    expect(spaRewrite('/api', HTML, 'GET')).toBe('/api');
    expect(spaRewrite('/health/ready', HTML, 'GET')).toBe('/health/ready');
    expect(spaRewrite('/', HTML, 'GET')).toBe('/');
    expect(spaRewrite('/assets/index-abc.js', HTML, 'GET')).toBe('/assets/index-abc.js');
    expect(spaRewrite('/favicon.svg', HTML, 'GET')).toBe('/favicon.svg');
  });

  it('leaves requests that are not page loads alone', () => {
    expect(spaRewrite('/my/exams', 'application/json', 'GET')).toBe('/my/exams');
    expect(spaRewrite('/my/exams', undefined, 'GET')).toBe('/my/exams');
    expect(spaRewrite('/my/exams', HTML, 'POST')).toBe('/my/exams');
  });
});
