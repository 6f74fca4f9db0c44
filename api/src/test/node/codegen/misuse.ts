// Must NOT compile under --strict: a withheld count (Int, nullable) used as a number, and a wrong enum value.
import { PersonDimension } from './generated.js';
import type { BreakdownQuery } from './generated.js';

export function firstCount(data: BreakdownQuery): number {
  return data.personStats.groups[0].count;
}

export const dimension: PersonDimension = 'SLAVERY';
