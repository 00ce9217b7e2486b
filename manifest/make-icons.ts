import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCanvas, type CanvasRenderingContext2D } from 'canvas';

/** pacebot's accent colour; also `accentColor` in the Teams manifest. */
export const ACCENT = '#1F6F78';

/** A run chart's points on a 0–1 grid: a shift below the median, as the bot's charts show. */
const POINTS: [number, number][] = [
  [0, 0.35],
  [0.14, 0.55],
  [0.28, 0.3],
  [0.42, 0.45],
  [0.56, 0.62],
  [0.7, 0.7],
  [0.84, 0.78],
  [1, 0.72],
];

function drawRunChart(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  dot: number,
): void {
  const at = ([px, py]: [number, number]): [number, number] => [x + px * w, y + py * h];
  const [first, ...rest] = POINTS.map(at);
  ctx.beginPath();
  ctx.moveTo(...first!);
  for (const point of rest) ctx.lineTo(...point);
  ctx.stroke();
  for (const [px, py] of POINTS.map(at)) {
    ctx.beginPath();
    ctx.arc(px, py, dot, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** Teams "color" icon: 192×192, full colour (a white run chart with its median on the accent). */
export function colorIcon(): Buffer {
  const canvas = createCanvas(192, 192);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = ACCENT;
  ctx.fillRect(0, 0, 192, 192);
  ctx.strokeStyle = 'rgba(255,255,255,0.55)';
  ctx.lineWidth = 4;
  ctx.setLineDash([10, 8]);
  ctx.beginPath();
  ctx.moveTo(28, 96);
  ctx.lineTo(164, 96);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.strokeStyle = '#FFFFFF';
  ctx.fillStyle = '#FFFFFF';
  ctx.lineWidth = 8;
  ctx.lineJoin = 'round';
  drawRunChart(ctx, 36, 48, 120, 96, 9);
  return canvas.toBuffer('image/png');
}

/** Teams "outline" icon: 32×32, white strokes on a transparent background, nothing else. */
export function outlineIcon(): Buffer {
  const canvas = createCanvas(32, 32);
  const ctx = canvas.getContext('2d');
  ctx.strokeStyle = '#FFFFFF';
  ctx.fillStyle = '#FFFFFF';
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  ctx.strokeRect(2, 2, 28, 28);
  drawRunChart(ctx, 7, 8, 18, 16, 1.6);
  return canvas.toBuffer('image/png');
}

/** `npx tsx manifest/make-icons.ts` rewrites manifest/teams/color.png and outline.png. */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('./teams/', import.meta.url));
  writeFileSync(`${dir}color.png`, colorIcon());
  writeFileSync(`${dir}outline.png`, outlineIcon());
  process.stdout.write(`wrote ${dir}color.png and ${dir}outline.png\n`);
}
