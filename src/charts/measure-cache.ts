/**
 * Text measurements kept across charts. chart.js measures every tick, title and legend label of
 * every chart afresh (its own caches last one chart), and our plugins and layout measure labels
 * too: about 600 measurements a digest at about 28 µs each in node-canvas, of which over nine in
 * ten repeat one already made (the same months, numbers and headings in every area's charts).
 *
 * A measurement depends on the text, the font, the alignment and baseline (the bounding boxes are
 * relative to them), the direction, and the transform's scale and rotation (glyphs are hinted at
 * the size they are drawn), so all of those make up the key; where the text is drawn does not.
 * That holds for image canvases, the only kind the charts draw on, with the fonts the process
 * started with: nothing here registers fonts with canvas or sets a context's `lang`.
 */
const kept = new Map<string, object>();
/** A digest's charts use a few hundred; past this many the cache starts again. */
const MAX_KEPT = 20_000;

/** node-canvas's context, or the DOM's: their TextMetrics types differ slightly. */
interface Measurable<M extends object> {
  measureText(text: string): M;
  font: string;
  textAlign: string;
  textBaseline: string;
  direction: string;
  getTransform(): { a: number; b: number; c: number; d: number };
}

/** Makes `context.measureText` answer from the shared measurements (on this context only). */
export function keepTextMeasurements<M extends object, C extends Measurable<M>>(context: C): C {
  const measure = context.measureText.bind(context);
  context.measureText = (text: string): M => {
    const { a, b, c, d } = context.getTransform();
    const key = `${a} ${b} ${c} ${d}\u0000${context.font}\u0000${context.textAlign}\u0000${context.textBaseline}\u0000${context.direction}\u0000${text}`;
    let metrics = kept.get(key) as M | undefined;
    if (!metrics) {
      // Frozen: every chart that measures the same text gets this one object.
      metrics = Object.freeze(measure(text));
      if (kept.size >= MAX_KEPT) kept.clear();
      kept.set(key, metrics);
    }
    return metrics;
  };
  return context;
}
