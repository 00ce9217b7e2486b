/** The kinds of personal identifier the guard looks for in anything people type. */
export type IdentifierKind =
  | 'date_of_birth'
  | 'chi_number'
  | 'nhs_number'
  | 'postcode'
  | 'email'
  | 'phone'
  | 'person_name';

export interface FoundIdentifier {
  kind: IdentifierKind;
}

/** How a reply names a kind ("that looks like a date of birth"): the kind only, never the value. */
export const IDENTIFIER_NAMES: Record<IdentifierKind, string> = {
  date_of_birth: 'a date of birth',
  chi_number: 'a CHI number',
  nhs_number: 'an NHS number',
  postcode: 'a postcode',
  email: 'an email address',
  phone: 'a phone number',
  person_name: "a person's full name next to a word about a child or their family",
};
