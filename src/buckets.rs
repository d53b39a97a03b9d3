//! Calendar buckets for charts of incidents over time: the timeline's chart
//! and the packet's use the same rules. The bucket is chosen from the span so
//! that a chart never has more than [`MAX_BARS`] bars, whatever the case's
//! length: a seven-year case gets months, a fortnight gets days.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Most bars a chart draws.
pub const MAX_BARS: usize = 120;

/// Size of a chart's bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Bucket {
    /// Per day.
    Day,
    /// Per week (Monday first).
    Week,
    /// Per calendar month.
    Month,
    /// Per calendar quarter.
    Quarter,
    /// Per calendar year.
    Year,
}

impl Bucket {
    /// From finest to coarsest.
    pub const ALL: [Bucket; 5] = [
        Bucket::Day,
        Bucket::Week,
        Bucket::Month,
        Bucket::Quarter,
        Bucket::Year,
    ];

    /// The first day of the bucket holding `d`.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        let first_of = |m0: u32| NaiveDate::from_ymd_opt(d.year(), m0 + 1, 1).unwrap_or(d);
        match self {
            Bucket::Day => d,
            Bucket::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
            Bucket::Month => first_of(d.month0()),
            Bucket::Quarter => first_of(d.month0() / 3 * 3),
            Bucket::Year => first_of(0),
        }
    }

    /// The first day of the next bucket after the one starting at `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        let months = |n: u32| {
            let m = start.month0() + n;
            NaiveDate::from_ymd_opt(start.year() + (m / 12) as i32, m % 12 + 1, 1)
                .unwrap_or(start + Duration::days(31 * i64::from(n)))
        };
        match self {
            Bucket::Day => start + Duration::days(1),
            Bucket::Week => start + Duration::days(7),
            Bucket::Month => months(1),
            Bucket::Quarter => months(3),
            Bucket::Year => months(12),
        }
    }

    /// How many buckets span `first..=last`.
    pub fn count(self, first: NaiveDate, last: NaiveDate) -> usize {
        match self {
            Bucket::Day => (last - first).num_days().max(0) as usize + 1,
            Bucket::Week => (last - self.start(first)).num_days().max(0) as usize / 7 + 1,
            Bucket::Month => {
                let m = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
                (m(last) - m(first)).max(0) as usize + 1
            }
            Bucket::Quarter => {
                let q = |d: NaiveDate| d.year() * 4 + (d.month0() / 3) as i32;
                (q(last) - q(first)).max(0) as usize + 1
            }
            Bucket::Year => (last.year() - first.year()).max(0) as usize + 1,
        }
    }

    /// The bucket to draw `first..=last` with: `preferred` when it fits in
    /// [`MAX_BARS`], else the finest one (not finer than `finest`) that does.
    pub fn choose(
        first: NaiveDate,
        last: NaiveDate,
        preferred: Option<Bucket>,
        finest: Bucket,
    ) -> Bucket {
        let fits = |b: Bucket| b.count(first, last) <= MAX_BARS;
        if let Some(p) = preferred.filter(|p| *p >= finest && fits(*p)) {
            return p;
        }
        Bucket::ALL
            .into_iter()
            .filter(|b| *b >= finest)
            .find(|b| fits(*b))
            .unwrap_or(Bucket::Year)
    }

    /// The starts of every bucket from the one holding `first` to the one
    /// holding `last`, gaps included (quiet weeks are part of the pattern).
    pub fn starts(self, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
        let mut out = vec![self.start(first)];
        while let Some(&l) = out.last() {
            let n = self.next(l);
            if n > last {
                break;
            }
            out.push(n);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_bucket_keeps_every_span_within_120_bars() {
        let first = d("2019-03-14");
        for (last, finest, expect) in [
            ("2019-03-28", Bucket::Day, Bucket::Day),
            ("2019-06-30", Bucket::Day, Bucket::Day),
            ("2019-08-30", Bucket::Day, Bucket::Week),
            ("2021-03-01", Bucket::Day, Bucket::Week),
            ("2026-03-01", Bucket::Day, Bucket::Month),
            ("2035-03-01", Bucket::Day, Bucket::Quarter),
            ("2019-03-28", Bucket::Week, Bucket::Week),
        ] {
            let b = Bucket::choose(first, d(last), None, finest);
            assert_eq!(b, expect, "{last}");
            let n = b.starts(first, d(last)).len();
            assert!(n <= MAX_BARS, "{last}: {n}");
            assert_eq!(
                n,
                b.count(first, d(last)),
                "{last}: count agrees with the bars drawn"
            );
        }
        // The user's choice is kept when it fits, not when it would not.
        assert_eq!(
            Bucket::choose(first, d("2019-05-01"), Some(Bucket::Month), Bucket::Day),
            Bucket::Month
        );
        assert_eq!(
            Bucket::choose(first, d("2026-03-01"), Some(Bucket::Day), Bucket::Day),
            Bucket::Month
        );
    }

    #[test]
    fn buckets_start_on_calendar_boundaries() {
        assert_eq!(Bucket::Week.start(d("2026-03-15")), d("2026-03-09"));
        assert_eq!(Bucket::Quarter.start(d("2026-08-15")), d("2026-07-01"));
        assert_eq!(Bucket::Quarter.next(d("2026-10-01")), d("2027-01-01"));
        assert_eq!(Bucket::Year.next(d("2026-01-01")), d("2027-01-01"));
        let s = Bucket::Month.starts(d("2025-11-20"), d("2026-02-02"));
        assert_eq!(
            s,
            [
                d("2025-11-01"),
                d("2025-12-01"),
                d("2026-01-01"),
                d("2026-02-01")
            ]
        );
    }
}
