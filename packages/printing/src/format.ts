const DEFAULT_ZONE = 'Europe/Berlin';

/** Date and time in the office's zone, German numeric style (readable in every kiosk language). */
export function formatDateTime(instant: number, timeZone = DEFAULT_ZONE): { date: string; time: string } {
  const date = new Intl.DateTimeFormat('de-DE', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(instant);
  const time = new Intl.DateTimeFormat('de-DE', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return { date, time };
}
