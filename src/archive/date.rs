//! Version dates: parsing `--date` and SOURCE_DATE_EPOCH, formatting them
//! for bag-info (`YYYY-MM-DD`), inventories (RFC 3339, UTC) and zip entry
//! times, without a calendar dependency.

use std::time::{SystemTime, UNIX_EPOCH};

/// A moment in UTC, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub epoch: i64,
}

/// A broken-down UTC date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// `"2024-06-01".parse::<Timestamp>()`: the forms [`Timestamp::parse`] takes.
impl std::str::FromStr for Timestamp {
    type Err = String;
    fn from_str(text: &str) -> Result<Timestamp, String> {
        Timestamp::parse(text)
    }
}

impl Timestamp {
    pub fn now() -> Timestamp {
        let epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Timestamp { epoch }
    }

    /// The date to stamp a new version with: `--date`, else
    /// SOURCE_DATE_EPOCH, else now.
    pub fn for_version(flag: Option<&str>) -> Result<Timestamp, String> {
        if let Some(text) = flag {
            return Timestamp::parse(text);
        }
        match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(value) => value
                .trim()
                .parse::<i64>()
                .map(|epoch| Timestamp { epoch })
                .map_err(|_| {
                    format!("SOURCE_DATE_EPOCH={value:?} is not a number of seconds since 1970")
                }),
            Err(_) => Ok(Timestamp::now()),
        }
    }

    /// Parse `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SSZ` (or with a space), or a
    /// number of seconds since 1970 written `@N`.
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        let bad =
            || format!("date {text:?} is not YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or @SECONDS (UTC)");
        let text = text.trim();
        if let Some(seconds) = text.strip_prefix('@') {
            return seconds
                .parse::<i64>()
                .map(|epoch| Timestamp { epoch })
                .map_err(|_| bad());
        }
        let (date, time) = match text.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t.trim_end_matches('Z'))),
            None => (text, None),
        };
        let number = |s: &str| s.parse::<u32>().ok();
        let mut parts = date.split('-');
        let (Some(y), Some(m), Some(d), None) = (
            parts.next().and_then(|s| s.parse::<i64>().ok()),
            parts.next().and_then(number),
            parts.next().and_then(number),
            parts.next(),
        ) else {
            return Err(bad());
        };
        let (hour, minute, second) = match time {
            None => (0, 0, 0),
            Some(t) => {
                let mut parts = t.split(':');
                match (
                    parts.next().and_then(number),
                    parts.next().and_then(number),
                    parts.next().and_then(number),
                    parts.next(),
                ) {
                    (Some(h), Some(mi), Some(s), None) => (h, mi, s),
                    _ => return Err(bad()),
                }
            }
        };
        if !(1..=12).contains(&m)
            || d < 1
            || d > days_in_month(y, m)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return Err(bad());
        }
        let days = days_from_civil(y, m, d);
        Ok(Timestamp {
            epoch: days * 86_400 + i64::from(hour * 3600 + minute * 60 + second),
        })
    }

    pub fn civil(self) -> Civil {
        let days = self.epoch.div_euclid(86_400);
        let secs = self.epoch.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
        }
    }

    /// `YYYY-MM-DD`, the form of bag-info's Bagging-Date.
    pub fn date(self) -> String {
        let c = self.civil();
        format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn rfc3339(self) -> String {
        let c = self.civil();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days-from-civil algorithm (public domain description).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_round_trip() {
        let t = Timestamp::parse("2024-02-29T13:05:09Z").unwrap_or(Timestamp { epoch: 0 });
        assert_eq!(t.epoch, 1_709_211_909);
        assert_eq!(t.rfc3339(), "2024-02-29T13:05:09Z");
        assert_eq!(t.date(), "2024-02-29");
        assert_eq!(Timestamp::parse("1970-01-01").map(|t| t.epoch), Ok(0));
        assert_eq!(
            Timestamp::parse("@86400").map(|t| t.date()),
            Ok("1970-01-02".into())
        );
        assert!(Timestamp::parse("2023-02-29").is_err());
        assert!(Timestamp::parse("2023-13-01").is_err());
        assert!(Timestamp::parse("yesterday").is_err());
    }
}
