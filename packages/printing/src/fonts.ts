import { existsSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';

// Debian paths (fonts-noto-core, fonts-dejavu-core). Skia also scans system fonts; registering
// explicitly makes a missing package fail loudly instead of printing empty boxes.
const FONTS = [
  '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf',
];

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  const missing = FONTS.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `fonts missing (apt-get install fonts-noto-core fonts-dejavu-core): ${missing.join(', ')}`,
    );
  }
  for (const path of FONTS) GlobalFonts.registerFromPath(path);
  registered = true;
}
