// Writes the README's preview images: npx tsx packages/printing/scripts/previews.ts
import { writeFile } from 'node:fs/promises';
import { renderPreview } from '../src/index.ts';
import { arabicTicket, sampleTicket } from '../src/samples.ts';

const docs = new URL('../docs/', import.meta.url);
const files: [string, Buffer][] = [
  ['ticket-de.png', await renderPreview(sampleTicket(), 80)],
  ['ticket-ar.png', await renderPreview(arabicTicket(), 80)],
  ['ticket-de-58.png', await renderPreview(sampleTicket(), 58)],
];
for (const [name, png] of files) {
  await writeFile(new URL(name, docs), png);
  console.log(`${name}: ${(png.length / 1024).toFixed(1)} KB`);
}
