import {
  checkPersonName,
  checkResidentIdNumber,
  compareDates,
  InvalidIdNumberError,
  InvalidPersonNameError,
  parseIsoDate,
  type ResidentIdNumber,
} from '../id-number';
import { InvalidValidityPeriodError } from './real-name.errors';

export interface ValidatedPerson {
  readonly name: string;
  readonly idNumber: ResidentIdNumber;
}

/** GB 11643 and name rules, each failure a 400 naming the field. */
export function validatePerson(
  name: string,
  idNumber: string,
  nameField: string,
  idField: string,
  now: Date,
): ValidatedPerson {
  const id = checkResidentIdNumber(idNumber, now);
  if (!id.valid) throw new InvalidIdNumberError(idField, id.violation);
  const checkedName = checkPersonName(name);
  if (!checkedName.valid) throw new InvalidPersonNameError(nameField, checkedName.violation);
  return { name: checkedName.name, idNumber: id.idNumber };
}

/** Card validity: real dates, end after start, or `long-term` (长期). Expiry itself is the authority's call. */
export function validatePeriod(validFrom: string, validTo: string): void {
  const from = parseIsoDate(validFrom);
  if (from === undefined) throw new InvalidValidityPeriodError('validFrom', 'not a real date');
  if (validTo === 'long-term') return;
  const to = parseIsoDate(validTo);
  if (to === undefined) throw new InvalidValidityPeriodError('validTo', 'not a real date');
  if (compareDates(to, from) <= 0) throw new InvalidValidityPeriodError('validTo', 'must be after validFrom');
}
