import { CreatePayments1765400000000 } from './1765400000000-create-payments';
import { CreateStatements1765510000000 } from './1765510000000-create-statements';

/** The payments service's own migrations, oldest first (platform tables come from @exam/platform). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const PAYMENTS_MIGRATIONS: Function[] = [CreatePayments1765400000000, CreateStatements1765510000000];
