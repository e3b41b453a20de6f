/**
 * What the kiosk's scanner or keyboard delivers -> the booking code as stored. Confirmation e-mails carry
 * either the bare code or a link with it (`...?code=AB12-CD34` or `.../AB12CD34`); people type it with
 * spaces, dashes and lower case letters.
 */
export function parseBookingCode(raw: string): string {
  let text = raw.trim();
  const url = tryUrl(text);
  if (url) {
    text =
      url.searchParams.get('code') ??
      url.searchParams.get('bookingCode') ??
      url.searchParams.get('id') ??
      url.pathname.split('/').filter(Boolean).at(-1) ??
      '';
  }
  return text.replace(/[\s-]/g, '').toUpperCase();
}

function tryUrl(text: string): URL | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
