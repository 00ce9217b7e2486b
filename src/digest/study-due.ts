/**
 * Days after its Do date a test of change counts as overdue for Study: in the digest's list and for
 * the reminder to its owner. Two weeks keeps the learning fresh without nagging after every test.
 */
export const STUDY_DUE_DAYS = 14;
