import type { Db } from 'mongodb';
import { IDENTIFIER_NAMES, type IdentifierKind } from '../../src/domain/identifiers/index.js';

/**
 * One identifier of each kind, as someone might type it into free text, with the parts that must
 * never be stored, logged or shown back (`secrets`).
 */
export interface Planted {
  kind: IdentifierKind;
  text: string;
  secrets: string[];
}

export const PLANTED: Planted[] = [
  { kind: 'date_of_birth', text: 'DOB 17/04/2014', secrets: ['17/04/2014'] },
  { kind: 'chi_number', text: 'CHI 1704141234', secrets: ['1704141234'] },
  { kind: 'nhs_number', text: 'NHS no 943 476 5919', secrets: ['943 476 5919', '9434765919'] },
  { kind: 'postcode', text: 'lives at EH1 1YZ', secrets: ['EH1 1YZ'] },
  { kind: 'email', text: 'kayden.smith@example.org', secrets: ['kayden.smith', 'example.org'] },
  { kind: 'phone', text: 'call 07700 900123', secrets: ['900123'] },
  { kind: 'person_name', text: "Kayden Smith's foster carer", secrets: ['Kayden', 'Smith'] },
];

/** How a refusal names the kind: "looks like a date of birth". */
export const namesKind = (kind: IdentifierKind) => `looks like ${IDENTIFIER_NAMES[kind]}`;

/** The planted secrets found in `text`, case-insensitively (none is the answer wanted). */
export function secretsIn(text: string, planted: readonly Planted[] = PLANTED): string[] {
  const lower = text.toLowerCase();
  return planted.flatMap((p) => p.secrets).filter((secret) => lower.includes(secret.toLowerCase()));
}

/** Every document of every collection of the database, as one JSON text to search. */
export async function everythingStored(db: Db): Promise<string> {
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  const dumps = await Promise.all(
    collections.map(async (c) => `${c.name}: ${JSON.stringify(await db.collection(c.name).find({}).toArray())}`),
  );
  return dumps.join('\n');
}
