import type { ConsoleMessage, Page, Request, Response } from '@playwright/test';

interface Allowance {
  url: RegExp;
  status?: number;
}

/**
 * Fails a journey on anything it did not expect: a console error, an uncaught exception, a request that got
 * no answer, or an HTTP error status. A journey that provokes one on purpose (a wrong password, going
 * offline) declares it first with `allowHttpError` or `allowRequestFailures`.
 */
export class PageGuard {
  private readonly problems: string[] = [];
  private readonly allowedHttp: Allowance[] = [];
  private requestFailuresAllowed = false;

  constructor(page: Page) {
    page.on('console', (message) => {
      this.onConsole(message);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      this.onRequestFailed(request);
    });
    page.on('response', (response) => {
      this.onResponse(response);
    });
  }

  /** A response with this URL (and status, when given) is part of the journey. */
  allowHttpError(url: RegExp, status?: number): void {
    this.allowedHttp.push({ url, ...(status === undefined ? {} : { status }) });
  }

  /** Requests may go unanswered (the journey takes the browser offline). */
  allowRequestFailures(): void {
    this.requestFailuresAllowed = true;
  }

  unexpected(): readonly string[] {
    return this.problems;
  }

  private onConsole(message: ConsoleMessage): void {
    if (message.type() !== 'error') return;
    // Chromium logs every HTTP error status as a console error; those are judged by onResponse.
    if (message.text().startsWith('Failed to load resource')) return;
    this.problems.push(`console error: ${message.text()}`);
  }

  private onRequestFailed(request: Request): void {
    if (this.requestFailuresAllowed) return;
    const reason = request.failure()?.errorText ?? 'failed';
    // A navigation away aborts what the old page still had in flight.
    if (reason === 'net::ERR_ABORTED') return;
    this.problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  }

  private onResponse(response: Response): void {
    const status = response.status();
    if (status < 400) return;
    const url = response.url();
    const allowed = this.allowedHttp.some(
      (a) => a.url.test(url) && (a.status === undefined || a.status === status),
    );
    if (!allowed) this.problems.push(`HTTP ${status}: ${response.request().method()} ${url}`);
  }
}
