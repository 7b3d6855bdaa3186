/** True for a real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** YYYY-MM-DD or YYYY-MM. */
export function isDateOrMonth(text: string): boolean {
  return isDate(text) || (/^\d{4}-(0[1-9]|1[0-2])$/.test(text));
}

/** `start..end` or a single date; null when malformed or reversed. */
export function parseDateRange(text: string): { start: string; end: string } | null {
  const [start = '', end = start, ...rest] = text.split('..').map((s) => s.trim());
  if (rest.length > 0 || !start || !isDate(start) || !isDate(end) || end < start) return null;
  return { start, end };
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
