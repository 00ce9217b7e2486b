/**
 * UK postcodes ("EH1 1YZ", "G12 8QQ", "eh1 1yz", "SW1A1AA"). The area letters must be a real
 * postcode area, which keeps "wk1 2nd" and "T12 3AB" out; a lower-case inward part that reads as
 * an ordinal ("b2 3rd") is taken for one.
 */

const AREAS = new Set(
  (
    'AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY ' +
    'E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN ' +
    'LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP ' +
    'SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

const POSTCODE = /(?<![\w-])([a-z]{1,2})(\d[a-z\d]?) ?(\d[a-z]{2})(?![\w])/gi;
const ORDINAL = /^\d(?:st|nd|rd|th)$/;

export function hasPostcode(text: string): boolean {
  for (const match of text.matchAll(POSTCODE)) {
    const [, area, , inward] = match;
    if (!AREAS.has(area!.toUpperCase())) continue;
    if (ORDINAL.test(inward!)) continue;
    return true;
  }
  return false;
}
