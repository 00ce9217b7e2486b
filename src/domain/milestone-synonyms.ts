/**
 * The many ways members name each default milestone. Matching is on canonical words (see
 * `milestone-parsing/canonical-words.ts`), so plurals, "mtg"/"meeting", "hr"/"hour", "rec"/
 * "recommendation", "&"/"and" and hyphens need not be listed twice.
 *
 * `genericSynonyms` are words that name this milestone only when nothing more specific is said:
 * a kind of meeting ("LAC review" is also where a permanence recommendation is made) or a word
 * that is ambiguous alone ("panel", "granted").
 */
export interface MilestoneSynonyms {
  synonyms: string[];
  genericSynonyms?: string[];
}

export const DEFAULT_MILESTONE_SYNONYMS: Record<string, MilestoneSynonyms> = {
  accommodated: {
    synonyms: [
      'accommodated',
      'accomodated',
      'acommodated',
      'accommodated by the local authority',
      'became looked after',
      'become looked after',
      'becomes looked after',
      'now looked after',
      'looked after and accommodated',
      'became accommodated',
      'came into care',
      'come into care',
      'comes into care',
      'taken into care',
      'received into care',
      'went into care',
      'entered care',
      'placed in care',
      'brought into care',
      'admitted to care',
      'section 25',
      's25',
      // Trackers' column headings and quick notes: "Acc 2/3", "Accom date".
      'acc',
      'accom',
      'accomm',
    ],
    genericSynonyms: ['accommodation'],
  },
  planning_meeting_72h: {
    synonyms: [
      '72 hour planning meeting',
      '72 hour meeting',
      '72 hour planning',
      '72 hour review',
      '72 hour lac review',
      '72 hour looked after review',
      '72 hour',
      'seventy two hour meeting',
      'first planning meeting',
      'planning meeting',
    ],
  },
  first_lac_review: {
    synonyms: [
      'first lac review',
      'first looked after review',
      'first looked after child review',
      'first looked after children review',
      'first review',
      'first child care review',
      'first care review',
      'two week review',
      '2 week review',
      // "1st LAC 17 March": the ordinal makes plain it is a review (bare "LAC" may mean "became LAC").
      'first lac',
    ],
    genericSynonyms: [
      'lac review',
      'looked after review',
      'looked after child review',
      'looked after children review',
      'child care review',
    ],
  },
  childrens_hearing: {
    synonyms: [
      'childrens hearing',
      'children hearing',
      'ch hearing',
      'hearing held',
      'went to hearing',
      'went to a hearing',
      'panel hearing',
      'scra hearing',
      'grounds hearing',
      'review hearing',
    ],
    // "Hearing" alone is how Scottish areas say it, unless a more specific phrase is named.
    genericSynonyms: ['hearing'],
  },
  second_lac_review: {
    // "2nd" reads as "second" (canonical-words.ts), so "2nd LAC review" needs no line of its own.
    synonyms: [
      'second lac review',
      'second looked after review',
      'second looked after child review',
      'second looked after children review',
      'second review',
      'second child care review',
      'second lac',
    ],
  },
  third_lac_review: {
    synonyms: [
      'third lac review',
      'third looked after review',
      'third looked after child review',
      'third looked after children review',
      'third review',
      'third child care review',
      'third lac',
    ],
  },
  fourth_lac_review: {
    synonyms: [
      'fourth lac review',
      'fourth looked after review',
      'fourth looked after child review',
      'fourth looked after children review',
      'fourth review',
      'fourth child care review',
      'fourth lac',
    ],
  },
  // "5th" … "10th" read as "fifth" … "tenth" (canonical-words.ts), like "2nd".
  ...Object.fromEntries(
    ['fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'].map((o) => [
      `${o}_lac_review`,
      {
        synonyms: [
          `${o} lac review`,
          `${o} looked after review`,
          `${o} looked after child review`,
          `${o} looked after children review`,
          `${o} review`,
          `${o} child care review`,
          `${o} lac`,
        ],
      },
    ]),
  ),
  legal_advice: {
    synonyms: [
      'legal advice',
      'legal advice sought',
      'legal opinion',
      'advice from legal',
      'legal consulted',
      'legal services consulted',
      'legal gateway',
      'legal planning meeting',
    ],
  },
  permanence_recommendation: {
    synonyms: [
      'permanence recommendation',
      'recommended for permanence',
      'recommendation for permanence',
      'recommended permanence',
      'permanence recommended',
      'permanence plan agreed',
      'permanence agreed',
      'recommendation of permanence',
      'destination decision',
      // Trackers and busy people shorten it: "Perm Rec", "perm rec made".
      'perm recommendation',
      'perm rec made',
      'permanence rec made',
      // "C1048 recommendation 1 Dec", "rec 1 Dec", "LAC review recommended adoption": the one
      // recommendation the journey records (canonically "rec" and "recommended" are the same word).
      // The panel's recommendation is the panel's, below, as the longer phrase wins.
      'recommendation',
    ],
  },
  permanence_panel: {
    synonyms: [
      'permanence panel',
      'fostering and adoption panel',
      'f and a panel',
      'fap',
      'adoption panel',
      'adoption and permanence panel',
      'permanence and adoption panel',
      'fostering panel',
      'went to panel',
      'heard at panel',
    ],
    // The panel's own recommendation is made on the panel's day; as ambiguous as "panel" alone
    // ("ADM agreed the panel recommendation" is the ADM decision).
    genericSynonyms: ['panel', 'panel recommendation', 'panel recommended', 'recommendation of panel'],
  },
  adm_decision: {
    synonyms: [
      'adm',
      'adm decision',
      'agency decision maker',
      'agency decision',
      'agency decision maker decision',
      'adm signed off',
      'adm agreed',
      'adm ratified',
      'adm approved',
      'ratified by adm',
      'agency decision making',
    ],
  },
  application_lodged: {
    synonyms: [
      'application lodged',
      'application for the order lodged',
      'po application',
      'permanence order application',
      'adoption application',
      'kinship care order application',
      'kco application',
      'lodged in court',
      'lodged with the court',
      'lodged at court',
      'court application',
      'petition lodged',
      'adoption petition',
      'application to court',
      'application made to court',
    ],
    genericSynonyms: ['lodged'],
  },
  order_granted: {
    synonyms: [
      'order granted',
      'order made',
      'permanence order granted',
      'permanence order made',
      'po granted',
      'po made',
      'adoption order granted',
      'adoption order made',
      'kinship care order granted',
      'kco granted',
      'permanence secured',
      'permanence achieved',
    ],
    genericSynonyms: ['granted'],
  },
  cso_at_home: {
    synonyms: [
      'cso at home',
      'cso at home started',
      'cso at home made',
      'cso home',
      'home cso',
      'compulsory supervision order at home',
      'home supervision',
      'home supervision requirement',
      'home supervision order',
      'supervision order at home',
      'cso made at home',
    ],
  },
  cso_made_or_varied: {
    synonyms: [
      'cso made or varied',
      'cso made',
      'cso varied',
      'cso made at hearing',
      'cso varied at hearing',
      'cso variation',
      'variation of cso',
      'varied cso',
      'new cso',
      'compulsory supervision order made',
      'compulsory supervision order varied',
      'supervision order made',
      'supervision order varied',
      'supervision requirement varied',
    ],
  },
  cso_review: {
    synonyms: [
      'cso review',
      'cso at home review',
      'home supervision review',
      'compulsory supervision order review',
      'review of cso',
      'review of cso at home',
      '2 year cso review',
      'two year cso review',
      'aim 1 review',
    ],
  },
};
