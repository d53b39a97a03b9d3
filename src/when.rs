//! Honest times: what a victim or officer says about *when*, kept at the
//! precision it was given.
//!
//! "3/14/2026 9:30 pm" is exact; "3/14/2026" is a day; "March 2026" is a
//! month; "early March 2026", "around 3/14/2026" or "3/14/2026 evening" are
//! approximate windows; "3/1/2026 - 3/5/2026" is a range of days. Each is
//! stored as a UTC window (`from`, `to`) plus the precision and the time zone
//! it was recorded in, so sorting and filtering work on every entry without
//! inventing precision nobody had.
//!
//! US forms are read month-first (3/4/2026 is 4 March); a first number above 12
//! is read day-first (14/3/2026). ISO forms (2026-03-14, 2026-03-14T21:30) work.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// How precise a time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Precision {
    /// A moment (to the minute).
    Exact,
    /// A day, or a range of days.
    Day,
    /// A month.
    Month,
    /// A window someone estimated ("early March", "around the 14th", "evening").
    Approximate,
}

impl Precision {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Approximate => "approximate",
        }
    }
    /// Parses the stored word.
    pub fn parse(s: &str) -> Option<Self> {
        [
            Precision::Exact,
            Precision::Day,
            Precision::Month,
            Precision::Approximate,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

/// A parsed time: a UTC window, its precision and the zone it was recorded in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct When {
    /// Start, RFC 3339 UTC (`2026-03-14T21:30:00Z`).
    pub from: String,
    /// End of the window for anything but an exact time.
    pub to: Option<String>,
    /// Precision.
    pub precision: Precision,
    /// IANA time zone it was recorded in.
    pub tz: String,
    /// For people, in the recording zone.
    pub display: String,
}

/// The result of parsing, for the live preview under a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WhenParse {
    /// The interpretation.
    pub when: Option<When>,
    /// Why it could not be read.
    pub problem: Option<String>,
}

/// Formats a UTC instant as stored.
pub fn utc_string(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The zone to record in: `tz` when it names an IANA zone, else this
/// computer's zone, else UTC.
pub fn resolve_tz(tz: Option<&str>) -> Tz {
    tz.filter(|s| !s.trim().is_empty())
        .and_then(|s| s.trim().parse::<Tz>().ok())
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|s| s.parse::<Tz>().ok())
        })
        .unwrap_or(Tz::UTC)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m) && full_month_prefix(&w, m))
        .map(|i| i as u32 + 1)
}

fn full_month_prefix(w: &str, m: &str) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let full = FULL.iter().find(|f| f.starts_with(m)).copied().unwrap_or(m);
    full.starts_with(w)
}

fn year_of(s: &str) -> Option<i32> {
    let s = s.trim_end_matches(',');
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match s.len() {
        4 => s.parse().ok().filter(|y| (1900..=2200).contains(y)),
        2 => s.parse::<i32>().ok().map(|y| 2000 + y),
        _ => None,
    }
}

/// A window of local days (inclusive) plus an optional local time window.
#[derive(Debug, Clone, Copy)]
struct Local {
    first: NaiveDate,
    last: NaiveDate,
    time: Option<(NaiveTime, Option<NaiveTime>)>,
    precision: Precision,
    label: Option<&'static str>,
}

fn strip_weekday(tokens: &mut Vec<String>) {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    if let Some(first) = tokens.first() {
        let w = first.trim_end_matches([',', '.']).to_ascii_lowercase();
        if w.len() >= 3
            && DAYS.iter().any(|d| w.starts_with(d))
            && w.chars().all(|c| c.is_ascii_alphabetic())
        {
            tokens.remove(0);
        }
    }
}

/// Parses a time of day: 21:30, 9:30pm, 9 pm, 9p.m., 0930h, noon, midnight.
fn parse_time(s: &str) -> Option<NaiveTime> {
    let t = s.trim().to_ascii_lowercase().replace(['.', ' '], "");
    match t.as_str() {
        "noon" | "midday" => return NaiveTime::from_hms_opt(12, 0, 0),
        "midnight" => return NaiveTime::from_hms_opt(0, 0, 0),
        _ => {}
    }
    let (body, pm) = if let Some(b) = t.strip_suffix("pm").or_else(|| t.strip_suffix('p')) {
        (b, Some(true))
    } else if let Some(b) = t.strip_suffix("am").or_else(|| t.strip_suffix('a')) {
        (b, Some(false))
    } else {
        (t.trim_end_matches('h'), None)
    };
    let parts: Vec<&str> = body.split(':').collect();
    let (h, m, sec) = match parts.as_slice() {
        // "2130". Found by fuzzing: four bytes are not four digits ("pΥ").
        [h] if h.len() == 4 && h.bytes().all(|b| b.is_ascii_digit()) && pm.is_none() => {
            (h[..2].parse().ok()?, h[2..].parse().ok()?, 0)
        }
        [h] => (h.parse::<u32>().ok()?, 0, 0),
        [h, m] => (h.parse().ok()?, m.parse().ok()?, 0),
        [h, m, s] => (h.parse().ok()?, m.parse().ok()?, s.parse().ok()?),
        _ => return None,
    };
    let h = match pm {
        Some(true) if (1..=11).contains(&h) => h + 12,
        Some(true) if h == 12 => 12,
        Some(false) if h == 12 => 0,
        Some(_) if h > 12 => return None,
        _ => h,
    };
    NaiveTime::from_hms_opt(h, m, sec)
}

/// Vague parts of a day, with their windows.
fn part_of_day(s: &str) -> Option<(NaiveTime, NaiveTime, &'static str)> {
    let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0);
    match s.trim().to_ascii_lowercase().as_str() {
        "morning" => Some((hm(6, 0)?, hm(11, 59)?, "morning")),
        "afternoon" => Some((hm(12, 0)?, hm(17, 59)?, "afternoon")),
        "evening" => Some((hm(18, 0)?, hm(21, 59)?, "evening")),
        "night" | "overnight" => Some((hm(22, 0)?, hm(23, 59)?, "night")),
        _ => None,
    }
}

/// Parses a single calendar date (no time), from the start of `tokens`;
/// returns the date and how many tokens it used.
fn parse_date(tokens: &[String]) -> Option<(NaiveDate, usize)> {
    let first = tokens.first()?.trim_end_matches(',');
    // ISO 2026-03-14, or 2026-03-14T21:30 (the time part is handled by the caller).
    let iso = first.split(['T', 't']).next().unwrap_or(first);
    if let Ok(d) = NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        return Some((d, 1));
    }
    // Numeric with / or - or .
    for sep in ['/', '-', '.'] {
        let parts: Vec<&str> = first.split(sep).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        {
            let a: u32 = parts[0].parse().ok()?;
            let b: u32 = parts[1].parse().ok()?;
            let y = year_of(parts[2])?;
            let (m, d) = if a > 12 && b <= 12 { (b, a) } else { (a, b) };
            return NaiveDate::from_ymd_opt(y, m, d).map(|d| (d, 1));
        }
    }
    // March 14, 2026 / Mar 14 2026 / 14 March 2026 / 14th March 2026
    let second = tokens.get(1).map(|s| s.trim_end_matches(','));
    let third = tokens.get(2).map(|s| s.trim_end_matches(','));
    let day_num = |s: &str| -> Option<u32> {
        let s = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        s.parse().ok().filter(|d| (1..=31).contains(d))
    };
    if let (Some(m), Some(d), Some(y)) = (
        month_of(first),
        second.and_then(day_num),
        third.and_then(year_of),
    ) {
        return NaiveDate::from_ymd_opt(y, m, d).map(|d| (d, 3));
    }
    if let (Some(d), Some(m), Some(y)) = (
        day_num(first),
        second.and_then(month_of),
        third.and_then(year_of),
    ) {
        return NaiveDate::from_ymd_opt(y, m, d).map(|d| (d, 3));
    }
    None
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// Month-level forms: "March 2026", "Mar '26", "2026-03", "03/2026",
/// with an optional early/mid/late.
fn parse_month(tokens: &[String]) -> Option<Local> {
    let (part, rest) = match tokens.first().map(|t| t.to_ascii_lowercase()) {
        Some(t) if t == "early" || t == "beginning" => (Some((1, 10, "early")), &tokens[1..]),
        Some(t) if t == "mid" || t == "middle" || t == "mid-" => {
            (Some((11, 20, "mid")), &tokens[1..])
        }
        Some(t) if t == "late" || t == "end" => (Some((21, 31, "late")), &tokens[1..]),
        _ => (None, tokens),
    };
    let rest: Vec<String> = rest
        .iter()
        .filter(|t| t.as_str() != "of")
        .cloned()
        .collect();
    let (y, m) = match rest.as_slice() {
        [a, b] => (year_of(b.trim_start_matches('\''))?, month_of(a)?),
        [a] => {
            let parts: Vec<&str> = a.split(['-', '/']).collect();
            match parts.as_slice() {
                [y, m] if y.len() == 4 => (
                    year_of(y)?,
                    m.parse().ok().filter(|m| (1..=12).contains(m))?,
                ),
                [m, y] if y.len() == 4 => (
                    year_of(y)?,
                    m.parse().ok().filter(|m| (1..=12).contains(m))?,
                ),
                _ => return None,
            }
        }
        _ => return None,
    };
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let end = last_of_month(y, m)?;
    Some(match part {
        None => Local {
            first,
            last: end,
            time: None,
            precision: Precision::Month,
            label: None,
        },
        Some((a, b, label)) => Local {
            first: NaiveDate::from_ymd_opt(y, m, a)?,
            last: NaiveDate::from_ymd_opt(y, m, b).unwrap_or(end).min(end),
            time: None,
            precision: Precision::Approximate,
            label: Some(label),
        },
    })
}

fn tokenize(text: &str) -> Vec<String> {
    // Glue "9:30 pm" / "9 p.m." into one token; split "14th," etc. later.
    let mut out: Vec<String> = Vec::new();
    for raw in text.split_whitespace() {
        let lower = raw.to_ascii_lowercase();
        let is_meridiem = matches!(
            lower.trim_end_matches(','),
            "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m"
        );
        if is_meridiem {
            if let Some(last) = out.last_mut() {
                last.push_str(raw.trim_end_matches(','));
                continue;
            }
        }
        out.push(raw.trim_end_matches(',').to_string());
    }
    out
}

fn parse_local(text: &str) -> Result<Local, String> {
    let l = parse_local_any_year(text)?;
    // Found by fuzzing: "-22-4-4" read as the year 22 BC.
    use chrono::Datelike;
    if l.first.year() < 1900 || l.last.year() > 2200 {
        return Err("give a year between 1900 and 2200".into());
    }
    Ok(l)
}

fn parse_local_any_year(text: &str) -> Result<Local, String> {
    let lowered = text.trim().to_ascii_lowercase();
    if lowered.is_empty() {
        return Err("enter when it happened, e.g. 3/14/2026 9:30 pm, 3/14/2026, March 2026 or early March 2026".into());
    }
    let mut approx = false;
    let mut t = lowered.as_str();
    for q in [
        "approximately",
        "approx.",
        "approx",
        "about",
        "around",
        "circa",
        "ca.",
        "abt.",
        "abt",
        "~",
        "c.",
    ] {
        if let Some(rest) = t.strip_prefix(q) {
            approx = true;
            t = rest.trim_start();
            break;
        }
    }
    // Ranges: "a - b", "a to b", "between a and b".
    let t = t.strip_prefix("between ").unwrap_or(t);
    for sep in [" - ", " – ", " to ", " and ", " until "] {
        if let Some((a, b)) = t.split_once(sep) {
            let (la, lb) = (parse_local(a)?, parse_local(b)?);
            if lb.last < la.first {
                return Err("the range ends before it starts".into());
            }
            return Ok(Local {
                first: la.first,
                last: lb.last,
                time: None,
                precision: if approx {
                    Precision::Approximate
                } else {
                    Precision::Day
                },
                label: None,
            });
        }
    }
    let mut tokens = tokenize(t);
    strip_weekday(&mut tokens);
    if let Some(mut m) = parse_month(&tokens) {
        if approx {
            m.precision = Precision::Approximate;
        }
        return Ok(m);
    }
    let (date, used) = parse_date(&tokens).ok_or_else(|| {
        "could not read the date; use forms like 3/14/2026, 2026-03-14, 14 March 2026 or March 2026".to_string()
    })?;
    let mut local = Local {
        first: date,
        last: date,
        time: None,
        precision: Precision::Day,
        label: None,
    };
    // ISO date-time in one token.
    let iso_time = tokens[0]
        .split_once(['T', 't'])
        .filter(|(d, _)| d.len() == 10)
        .map(|(_, t)| t.trim_end_matches('z').to_string());
    let rest: Vec<&str> = tokens[used..]
        .iter()
        .map(|s| s.as_str())
        .filter(|s| *s != "at" && *s != "@")
        .collect();
    let time_text = match (iso_time, rest.as_slice()) {
        (Some(t), []) => Some(t),
        (None, []) => None,
        (None, parts) => Some(parts.join(" ")),
        (Some(_), _) => return Err("could not read the time after the date".into()),
    };
    if let Some(tt) = time_text {
        if let Some((a, b, label)) = part_of_day(&tt) {
            local.time = Some((a, Some(b)));
            local.precision = Precision::Approximate;
            local.label = Some(label);
        } else {
            let time = parse_time(&tt)
                .ok_or("could not read the time; use forms like 21:30, 9:30 pm or 9pm")?;
            local.time = Some((time, None));
            local.precision = Precision::Exact;
        }
    }
    if approx {
        local.precision = Precision::Approximate;
    }
    Ok(local)
}

fn to_utc(tz: Tz, ndt: NaiveDateTime) -> DateTime<Utc> {
    // In a DST gap the wall time does not exist: take the moment an hour later.
    tz.from_local_datetime(&ndt)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(ndt + Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&ndt))
}

fn day_label(d: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        d.weekday(),
        d.day(),
        MONTH_NAMES[d.month0() as usize],
        d.year()
    )
}

fn display(l: &Local) -> String {
    let hm = |t: NaiveTime| t.format("%H:%M").to_string();
    let base = match (l.precision, l.time, l.label) {
        (Precision::Month, _, _) => format!(
            "{} {}",
            MONTH_NAMES[l.first.month0() as usize],
            l.first.year()
        ),
        (_, None, Some(label)) => format!(
            "{label} {} {}",
            MONTH_NAMES[l.first.month0() as usize],
            l.first.year()
        ),
        (_, Some((_, Some(_))), Some(label)) => format!("{}, {label}", day_label(l.first)),
        (_, Some((t, _)), _) => format!("{}, {}", day_label(l.first), hm(t)),
        (_, None, None) if l.first != l.last => {
            format!("{} – {}", day_label(l.first), day_label(l.last))
        }
        (_, None, None) => day_label(l.first),
    };
    if l.precision == Precision::Approximate {
        format!("{base} (approx.)")
    } else {
        base
    }
}

/// Parses `text` recorded in zone `tz` (IANA name; empty = this computer's).
pub fn parse(text: &str, tz: Option<&str>) -> Result<When, String> {
    let zone = resolve_tz(tz);
    let l = parse_local(text)?;
    let midnight = NaiveTime::MIN;
    let end_of_day = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    let (from, to) = match l.time {
        Some((t, None)) if l.precision == Precision::Exact => {
            (to_utc(zone, l.first.and_time(t)), None)
        }
        Some((t, None)) => {
            // "around 9pm": an hour either side.
            let at = to_utc(zone, l.first.and_time(t));
            (at - Duration::minutes(60), Some(at + Duration::minutes(60)))
        }
        Some((a, Some(b))) => (
            to_utc(zone, l.first.and_time(a)),
            Some(to_utc(zone, l.last.and_time(b))),
        ),
        None => (
            to_utc(zone, l.first.and_time(midnight)),
            Some(to_utc(zone, l.last.and_time(end_of_day))),
        ),
    };
    Ok(When {
        from: utc_string(from),
        to: to.map(utc_string),
        precision: l.precision,
        tz: zone.name().to_string(),
        display: display(&l),
    })
}

/// Parses a date and a separate (possibly blank) time, as victim logs keep them.
pub fn parse_parts(date: &str, time: &str, tz: Option<&str>) -> Result<When, String> {
    let date = date.trim();
    let time = time.trim();
    if date.is_empty() {
        return Err("the date is missing".into());
    }
    if time.is_empty() {
        return parse(date, tz);
    }
    // A time only makes sense after a single day.
    parse(&format!("{date} {time}"), tz)
}

/// For the preview under a field.
pub fn preview(text: &str, tz: Option<&str>) -> WhenParse {
    match parse(text, tz) {
        Ok(w) => WhenParse {
            when: Some(w),
            problem: None,
        },
        Err(p) => WhenParse {
            when: None,
            problem: Some(p),
        },
    }
}

/// The local calendar date of a stored UTC instant in zone `tz`.
pub fn local_date(utc: &str, tz: &str) -> Option<NaiveDate> {
    let t = DateTime::parse_from_rfc3339(utc).ok()?.with_timezone(&Utc);
    let zone: Tz = tz.parse().unwrap_or(Tz::UTC);
    Some(t.with_timezone(&zone).date_naive())
}

#[cfg(test)]
mod tests {

    #[test]
    fn years_far_out_of_range_are_refused() {
        // Found by fuzzing: a leading minus made a year BC.
        assert!(parse("-22-4-4", Some("UTC")).is_err());
        assert!(parse("3/14/1850", Some("UTC")).is_err());
        assert!(parse("3/14/2026", Some("UTC")).is_ok());
    }

    #[test]
    fn a_four_byte_time_that_is_not_four_digits_is_refused_not_a_panic() {
        // Found by fuzzing: slicing "pΥ" inside the Greek letter panicked.
        assert!(parse("4/1/21 p\u{3a5} 0", Some("UTC")).is_err());
        assert!(parse("3/14/2026 2130", Some("UTC")).is_ok());
    }

    use super::*;

    fn p(s: &str) -> When {
        parse(s, Some("America/Chicago")).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn exact_times_in_us_and_iso_forms() {
        for s in [
            "3/14/2026 9:30 pm",
            "03/14/2026 21:30",
            "2026-03-14 21:30",
            "2026-03-14T21:30",
            "March 14, 2026 9:30pm",
            "Sat 14 Mar 2026 9:30 p.m.",
            "14/3/2026 21:30",
        ] {
            let w = p(s);
            assert_eq!(w.precision, Precision::Exact, "{s}");
            // Chicago is UTC-5 in mid-March (daylight time).
            assert_eq!(w.from, "2026-03-15T02:30:00Z", "{s}");
            assert!(w.to.is_none());
            assert_eq!(w.display, "Sat 14 Mar 2026, 21:30", "{s}");
        }
    }

    #[test]
    fn a_date_alone_is_a_day_not_midnight() {
        let w = p("3/14/2026");
        assert_eq!(w.precision, Precision::Day);
        assert_eq!(w.from, "2026-03-14T05:00:00Z");
        assert_eq!(w.to.as_deref(), Some("2026-03-15T04:59:59Z"));
        assert_eq!(w.display, "Sat 14 Mar 2026");
    }

    #[test]
    fn months_and_vague_months() {
        let m = p("March 2026");
        assert_eq!(m.precision, Precision::Month);
        assert_eq!(m.display, "Mar 2026");
        assert_eq!(m.to.as_deref(), Some("2026-04-01T04:59:59Z"));
        let e = p("early March 2026");
        assert_eq!(e.precision, Precision::Approximate);
        assert_eq!(e.display, "early Mar 2026 (approx.)");
        assert_eq!(e.to.as_deref(), Some("2026-03-11T04:59:59Z"));
        assert_eq!(
            p("late Feb 2026").to.as_deref(),
            Some("2026-03-01T05:59:59Z")
        );
        assert_eq!(p("2026-03").precision, Precision::Month);
    }

    #[test]
    fn approximate_qualifiers_and_parts_of_day() {
        let a = p("around 3/14/2026 9pm");
        assert_eq!(a.precision, Precision::Approximate);
        assert_eq!(a.from, "2026-03-15T01:00:00Z");
        let e = p("3/14/2026 evening");
        assert_eq!(e.precision, Precision::Approximate);
        assert_eq!(e.display, "Sat 14 Mar 2026, evening (approx.)");
    }

    #[test]
    fn ranges_of_days() {
        let r = p("3/1/2026 - 3/5/2026");
        assert_eq!(r.precision, Precision::Day);
        assert_eq!(r.from, "2026-03-01T06:00:00Z");
        // 5 March is still standard time in Chicago (UTC-6).
        assert_eq!(r.to.as_deref(), Some("2026-03-06T05:59:59Z"));
        assert!(parse("3/5/2026 - 3/1/2026", Some("UTC")).is_err());
    }

    #[test]
    fn time_zones_round_trip_through_the_recording_zone() {
        let w = parse("2026-07-01 08:00", Some("Europe/Berlin")).unwrap();
        assert_eq!(w.from, "2026-07-01T06:00:00Z");
        assert_eq!(w.tz, "Europe/Berlin");
        assert_eq!(
            local_date(&w.from, &w.tz).unwrap().to_string(),
            "2026-07-01"
        );
        // A wall time that does not exist (spring forward) is moved, not lost.
        let gap = parse("2026-03-29 02:30", Some("Europe/Berlin")).unwrap();
        assert_eq!(gap.from, "2026-03-29T01:30:00Z");
    }

    #[test]
    fn unreadable_input_says_what_forms_work() {
        for s in ["", "sometime", "13/13/2026", "3/14/2026 25:00", "yesterday"] {
            let e = parse(s, Some("UTC")).unwrap_err();
            assert!(!e.is_empty(), "{s}");
        }
        assert!(parse_parts("", "9pm", None).is_err());
        assert_eq!(
            parse_parts("3/14/2026", "", Some("UTC")).unwrap().precision,
            Precision::Day
        );
        assert_eq!(
            parse_parts("3/14/2026", "9:05 AM", Some("UTC"))
                .unwrap()
                .from,
            "2026-03-14T09:05:00Z"
        );
    }
}
