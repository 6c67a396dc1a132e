import { generatedPerson, type RegistryPerson, SEEDED_PERSONS } from './test-persons';

/** The authority's population register, keyed by ID number. */
export class PersonRegistry {
  private readonly byIdNumber = new Map<string, RegistryPerson>();

  constructor(generatedCount: number) {
    for (let n = 0; n < generatedCount; n++) this.add(generatedPerson(n));
    for (const person of SEEDED_PERSONS) this.add(person);
  }

  find(idNumber: string): RegistryPerson | undefined {
    return this.byIdNumber.get(idNumber);
  }

  private add(person: RegistryPerson): void {
    this.byIdNumber.set(person.idNumber, person);
  }
}
