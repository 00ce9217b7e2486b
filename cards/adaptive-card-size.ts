const DATA_URI_PAYLOAD = /^(data:[^;,]+;base64,)/;

/**
 * Size of a card as Teams counts it: UTF-16 code units of its JSON (JavaScript string length), with
 * base64 image payloads left out because Teams excludes them from the message size (platforms.md §2.5).
 */
export function adaptiveCardSize(cardJson: unknown): number {
  const json = JSON.stringify(cardJson, (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    const prefix = DATA_URI_PAYLOAD.exec(value);
    return prefix ? prefix[1] : value;
  });
  return json?.length ?? 0;
}
