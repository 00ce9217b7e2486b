/**
 * Replaces every `{{NAME}}` in a manifest template. A placeholder without a value is an error
 * naming it, so a half-filled manifest never reaches Teams or Slack.
 */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  const missing = new Set<string>();
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return '';
    }
    return value;
  });
  if (missing.size > 0)
    throw new Error(`manifest placeholders without a value: ${[...missing].join(', ')}`);
  return filled;
}
