// The time column as people have it: esxtop's `04/26/2018 14:06:27`, or a spreadsheet's re-save
// (`4/26/2018 14:06`, `14:06:27`). Minutes-only labels repeat within a minute and time-only ones
// go back at midnight: the label is shown as written and sample order is row order.

/** seconds since an arbitrary origin, or null for a label in none of the forms above */
export function labelSeconds(label: string): number | null {
  const m = /^\s*(?:(\d{1,2})\/(\d{1,2})\/(\d{4})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*(AM|PM)?\s*$/i.exec(label);
  if (!m) return null;
  let hour = Number(m[4]);
  if (m[7]) hour = (hour % 12) + (m[7].toUpperCase() === 'PM' ? 12 : 0);
  const secs = hour * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0);
  if (!m[3]) return secs;
  return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) / 1000 + secs;
}
