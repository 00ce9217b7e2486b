/** An email address anywhere, including inside Slack's `<mailto:…|…>` links. */
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;

export function hasEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}
