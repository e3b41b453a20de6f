import { readFile } from 'node:fs/promises';
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { registerFonts } from './fonts.ts';
import type { Align } from './types.ts';

export interface Raster {
  png: Buffer;
  width: number;
  height: number;
}

const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** Thresholds to pure black and white, so the preview shows exactly the dots the printer makes. */
function monochrome(canvas: Canvas): Raster {
  const ctx = canvas.getContext('2d');
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const px = image.data;
  for (let i = 0; i < px.length; i += 4) {
    const luma = 0.2126 * (px[i] ?? 255) + 0.7152 * (px[i + 1] ?? 255) + 0.0722 * (px[i + 2] ?? 255);
    const v = (px[i + 3] ?? 0) > 126 && luma < 128 ? 0 : 255;
    px[i] = px[i + 1] = px[i + 2] = v;
    px[i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return { png: canvas.toBuffer('image/png'), width: canvas.width, height: canvas.height };
}

/**
 * Renders text the code pages cannot hold (Arabic, Persian: right to left, joined letters) as a
 * full-width image. Skia shapes the text with HarfBuzz, so letters join as they should.
 */
export function renderTextImage(
  text: string,
  widthDots: number,
  size: number,
  bold: boolean,
  align: Align,
): Raster {
  registerFonts();
  const fontPx = 22 * size;
  const lineHeight = Math.round(fontPx * 1.55);
  const font = `${bold ? 'bold ' : ''}${fontPx}px "Noto Sans Arabic", "DejaVu Sans"`;
  const measure = createCanvas(1, 1).getContext('2d');
  measure.font = font;
  const rtl = RTL_CHARS.test(text);
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure.measureText(`${last} ${word}`).width <= widthDots)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const canvas = createCanvas(widthDots, Math.max(1, lines.length) * lineHeight);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = font;
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  const x = align === 'left' ? 0 : align === 'center' ? widthDots / 2 : widthDots;
  // A leading right-to-left mark keeps a leading "- " or digit on the right, where the line starts.
  lines.forEach((line, i) => ctx.fillText(rtl ? `\u200f${line}` : line, x, i * lineHeight + lineHeight / 2));
  return monochrome(canvas);
}

/** A logo scaled to fit the paper (at most `maxHeight` dots tall), centred on a full-width strip. */
export async function fitImage(
  src: Uint8Array | string,
  widthDots: number,
  maxHeight = 120,
): Promise<Raster> {
  const image = await loadImage(typeof src === 'string' ? await readFile(src) : Buffer.from(src));
  const scale = Math.min(1, widthDots / image.width, maxHeight / image.height);
  const w = Math.max(1, Math.round(image.width * scale));
  const h = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(widthDots, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, widthDots, h);
  ctx.drawImage(image, Math.round((widthDots - w) / 2), 0, w, h);
  return monochrome(canvas);
}
