/** "Children's Hearing" → children_s_hearing: the key a programme's own milestone is stored under. */
export function milestoneKeyOf(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}
