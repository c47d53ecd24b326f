/**
 * Periods are calendar days in Asia/Shanghai, where the 95598 centre works: a call at
 * 23:30 local time on 31 May belongs to May whatever the server's time zone.
 */
export const LOCAL_ZONE = 'Asia/Shanghai';

/** SQL: `column` lies within the local days from … to (both inclusive); parameters are 'YYYY-MM-DD'. */
export function inLocalDays(column: string, fromParam: string, toParam: string): string {
  return `${column} >= (${fromParam}::date)::timestamp AT TIME ZONE '${LOCAL_ZONE}'
    AND ${column} < ((${toParam}::date + 1)::timestamp AT TIME ZONE '${LOCAL_ZONE}')`;
}

/** SQL: the local month of a timestamptz as 'YYYY-MM'. */
export const localMonth = (column: string): string => `to_char(${column} AT TIME ZONE '${LOCAL_ZONE}', 'YYYY-MM')`;

/** The local calendar date of an instant, 'YYYY-MM-DD'. */
export function localDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: LOCAL_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const MINUTE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: LOCAL_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the centre's wall clock reads it, 'YYYY-MM-DD HH:mm', for text people read. */
export function localMinute(at: Date): string {
  const part = Object.fromEntries(MINUTE_FORMAT.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}
