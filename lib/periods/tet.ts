// Tết Nguyên Đán (the first day of the lunar year) for any year, computed as
// the Vietnamese calendar defines it: months begin on the day of the new moon
// at Hà Nội's meridian (UTC+7, which is why Tết sometimes falls a day before
// the Chinese New Year, as in 2007), month 11 holds the winter solstice, and a
// year with 13 months repeats the first month without a principal solar term.
// Astronomical series after Jean Meeus, "Astronomical Algorithms", as used by
// Hồ Ngọc Đức's Vietnamese calendar. Good for 1900–2100. Pure, no I/O.

const TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
const RAD = Math.PI / 180;

/** Julian day number of a Gregorian date. */
function julianDay(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** "YYYY-MM-DD" of a Julian day number. */
function isoOfJulianDay(jd: number): string {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The instant (Julian date, UT) of the k-th new moon after 1 January 1900. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let c = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly * RAD) + 0.0021 * Math.sin(2 * RAD * sunAnomaly);
  c -= 0.4068 * Math.sin(moonAnomaly * RAD) - 0.0161 * Math.sin(RAD * 2 * moonAnomaly);
  c -= 0.0004 * Math.sin(RAD * 3 * moonAnomaly);
  c += 0.0104 * Math.sin(RAD * 2 * latitude) - 0.0051 * Math.sin(RAD * (sunAnomaly + moonAnomaly));
  c -= 0.0074 * Math.sin(RAD * (sunAnomaly - moonAnomaly)) - 0.0004 * Math.sin(RAD * (2 * latitude + sunAnomaly));
  c -= 0.0004 * Math.sin(RAD * (2 * latitude - sunAnomaly)) + 0.0006 * Math.sin(RAD * (2 * latitude + moonAnomaly));
  c += 0.001 * Math.sin(RAD * (2 * latitude - moonAnomaly)) + 0.0005 * Math.sin(RAD * (2 * moonAnomaly + sunAnomaly));
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c - deltaT;
}

/** The Hà Nội day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** Which 30° sector (0–11) of ecliptic longitude the sun is in at the start of a Hà Nội day. */
function sunSector(dayNumber: number): number {
  const t = (dayNumber - 0.5 - TIME_ZONE_HOURS / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const mean = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let center = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(RAD * anomaly);
  center += (0.019993 - 0.000101 * t) * Math.sin(RAD * 2 * anomaly) + 0.00029 * Math.sin(RAD * 3 * anomaly);
  let longitude = (mean + center) * RAD;
  longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((longitude / Math.PI) * 6);
}

/** New-moon index of the first day of lunar month 11 (the month holding the winter solstice) of `year`. */
function month11Index(year: number): number {
  const k = Math.floor((julianDay(31, 12, year) - 2415021) / SYNODIC_MONTH);
  return sunSector(newMoonDay(k)) >= 9 ? k - 1 : k;
}

/** Tết Nguyên Đán of `year` as "YYYY-MM-DD" (Hà Nội calendar day). */
export function lunarNewYear(year: number): string {
  const k11 = month11Index(year - 1);
  const nextK11 = month11Index(year);
  let offset = 2; // month 11, month 12, then month 1
  if (newMoonDay(nextK11) - newMoonDay(k11) > 365) {
    // 13 months between the two months 11: the leap month is the first without a principal term.
    let i = 1;
    let sector = sunSector(newMoonDay(k11 + i));
    let last: number;
    do {
      last = sector;
      i++;
      sector = sunSector(newMoonDay(k11 + i));
    } while (sector !== last && i < 14);
    if (i - 1 <= 2) offset = 3; // a leap month 11 or 12 comes before Tết
  }
  return isoOfJulianDay(newMoonDay(k11 + offset));
}
