/**
 * The time between two milestones as teams say it: days under two weeks ("3 days"), otherwise
 * weeks to one decimal ("4.7 weeks"; "4.7 wk" where space is short).
 */
export function formatInterval(days: number, style: 'short' | 'long' = 'long'): string {
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  const weeks = Math.round((days / 7) * 10) / 10;
  const text = Number.isInteger(weeks) ? String(weeks) : weeks.toFixed(1);
  return style === 'short' ? `${text} wk` : `${text} weeks`;
}
