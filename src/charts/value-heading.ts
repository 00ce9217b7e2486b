/**
 * The heading of a chart table's value column: the measure's name, with its unit in brackets only
 * when the name does not already say it ("Weeks per child", not "Weeks per child (weeks)"; "Cases
 * closed (children)").
 */
export function valueHeading(name: string, unit: string): string {
  const said = unit.trim();
  if (said === '') return name;
  const escaped = said.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const asWord = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu');
  return asWord.test(name) ? name : `${name} (${said})`;
}
