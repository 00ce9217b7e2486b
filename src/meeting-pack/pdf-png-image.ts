/**
 * A chart's PNG as an image pdfkit places as it is. pdfkit reads every PNG with png-js, which copies
 * the compressed pixel data into a JavaScript array a byte at a time: about 1.5 ms a chart, 4 % of
 * a digest's CPU (issue 15). The charts (src/charts/render-png.ts) are 8-bit RGB, not interlaced,
 * with no palette or transparency: the PDF takes their compressed rows unchanged, which is also
 * what pdfkit does with them, so the PDF is the same byte for byte. Any other PNG is left to pdfkit.
 */

/** What pdfkit's `doc.image` accepts in place of a buffer: an opened image it has not embedded yet. */
export interface PdfImage {
  width: number;
  height: number;
  /** The image's name on the page; unique within a document. */
  label: string;
  obj: PDFKit.PDFKitReference | null;
  embed(doc: PDFKit.PDFDocument): void;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGB = 2;

interface Rows {
  width: number;
  height: number;
  /** The IDAT chunks' data joined: deflated rows, each with its PNG filter byte. */
  data: Buffer;
}

/** The compressed rows of an 8-bit RGB, non-interlaced PNG with no palette or transparency; else null. */
function rgbRows(png: Buffer): Rows | null {
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) return null;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return null;
    // IHDR must come first (the PNG standard); anything out of order is left to pdfkit.
    if ((at === 8) !== (type === 'IHDR')) return null;
    if (type === 'IHDR') {
      // Bit depth 8, colour type RGB, deflate, standard filters, not interlaced.
      if (length !== 13 || data[8] !== 8 || data[9] !== RGB || data[10] !== 0 || data[11] !== 0 || data[12] !== 0) return null;
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    } else if (type === 'PLTE' || type === 'tRNS') {
      // A suggested palette or a transparent colour changes how pdfkit would embed it.
      return null;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      const joined = Buffer.concat(idat);
      return width > 0 && height > 0 && joined.length > 0 ? { width, height, data: joined } : null;
    }
    at += 12 + length;
  }
  return null;
}

/**
 * The image for `doc.image`, or the PNG itself where pdfkit must read it. The dictionary is the one
 * pdfkit writes for such a PNG, entry for entry.
 */
export function pdfPngImage(png: Buffer, label: string): PdfImage | Buffer {
  const rows = rgbRows(png);
  if (!rows) return png;
  const { width, height, data } = rows;
  const image: PdfImage = {
    width,
    height,
    label,
    obj: null,
    embed(doc) {
      if (image.obj) return;
      // pdfkit keeps this dictionary and writes it when the stream ends, so entries added below count.
      const dictionary: Record<string, unknown> = { Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, Width: width, Height: height, Filter: 'FlateDecode' };
      image.obj = doc.ref(dictionary);
      // Predictor 15: each row starts with its own PNG filter byte.
      const params = doc.ref({ Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: width });
      dictionary.DecodeParms = params;
      params.end(undefined);
      dictionary.ColorSpace = 'DeviceRGB';
      image.obj.end(data);
    },
  };
  return image;
}
