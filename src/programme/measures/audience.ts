/**
 * Who will read a measure's words: one person (a direct message, where children may be named and
 * counts are exact), or a group (a channel, the digest, the meeting pack), where counts under 5
 * show as "fewer than 5" and case references never appear.
 */
export type Audience = 'person' | 'group';
