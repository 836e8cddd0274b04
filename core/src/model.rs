//! Plain data shared by every stage: spans, dates, parsed documents and
//! diagnostics. Value types check their own invariants.

use std::fmt;

/// A half-open byte range `start..end` into one article's raw text.
///
/// Spans are produced once, by the stage that finds an item, and are never
/// rewritten later: every item can be highlighted exactly in the source.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; a reversed pair becomes the empty span at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or `""` when it does not fit `source`
    /// (out of range or not on char boundaries). Never panics.
    pub fn text(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// `inner`, a range relative to this span's text, as a span of the source.
    pub fn within(self, inner: std::ops::Range<usize>) -> Span {
        Span::new(self.start + inner.start, self.start + inner.end)
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span without leading and trailing whitespace of `source`.
    pub fn trim(self, source: &str) -> Span {
        let text = self.text(source);
        let trimmed_start = text.trim_start();
        let start = self.start + (text.len() - trimmed_start.len());
        Span::new(start, start + trimmed_start.trim_end().len())
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Spans of some items, sorted by start, for finding the items inside or
/// overlapping a span in logarithmic time plus the size of the answer.
/// Answers are indices into the original item order; ties keep that order.
#[derive(Clone, Debug, Default)]
pub struct SpanIndex {
    spans: Vec<(Span, usize)>,
    /// The longest item: an item overlapping a span starts at most this far before it.
    longest: usize,
}

/// `std`'s `HashMap` with FNV-1a instead of SipHash. The keys are words,
/// names and numbers of the text, the maps live for one analysis, and
/// SipHash showed in the profiles (more so in wasm). No code depends on a
/// map's iteration order (std's is random per process anyway).
pub type HashMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
/// `std`'s `HashSet` with the same hasher as [`HashMap`].
pub type HashSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// The FNV-1a hasher behind [`HashMap`].
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Sorts `items` stably by `key`, three numbers compared in turn. Every caller shares
/// one `sort_unstable` of `(key, index)` triples (the index makes the order
/// total, hence stable): each use of the standard library's sorts adds
/// kilobytes of code to the wasm, this adds a few hundred bytes.
pub fn sort_by_numbers<T>(items: &mut Vec<T>, key: impl Fn(&T) -> [u64; 3]) {
    let mut keyed: Vec<([u64; 3], usize)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| (key(item), index))
        .collect();
    sort_keys(&mut keyed);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        keyed
            .iter()
            .filter_map(|&(_, index)| slots.get_mut(index).and_then(Option::take)),
    );
}

/// The one instantiation of the sort behind [`sort_by_numbers`].
#[inline(never)]
fn sort_keys(keyed: &mut [([u64; 3], usize)]) {
    keyed.sort_unstable();
}

/// Sorts `items` stably by `compare`: the same order as the standard
/// library's `sort_by` (a stable sort's result does not depend on the
/// algorithm), and as its `sort_unstable_by` wherever elements that compare
/// equal cannot be told apart. Every caller shares one sort of indices
/// ([`sort_order`]) and then moves the items into place: each use of the
/// standard library's sorts adds kilobytes of code to the wasm (their ~50
/// instantiations were 170 KB of the engine's 1.55 MB), this a few hundred
/// bytes.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_order(&mut order, &mut |x, y| compare(&items[x], &items[y]));
    // Position `i` takes the item at `order[i]`: one cycle at a time, each
    // position marked done (`order[i] = i`) as it is filled.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// [`sort_by`] by a key.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |x, y| key(x).cmp(&key(y)));
}

/// [`sort_by`] in the items' own order (for `sort_unstable` too: items
/// that compare equal are equal).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instantiation of the sort behind [`sort_by`].
#[inline(never)]
fn sort_order(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) {
    order.sort_by(|&x, &y| compare(x, y));
}

/// A byte offset as a sort key.
pub fn key(offset: usize) -> u64 {
    u64::try_from(offset).unwrap_or(u64::MAX)
}

impl SpanIndex {
    pub fn new(spans: impl Iterator<Item = Span>) -> SpanIndex {
        let mut spans: Vec<(Span, usize)> = spans.enumerate().map(|(i, s)| (s, i)).collect();
        sort_by_numbers(&mut spans, |(s, i)| [key(s.start), key(*i), 0]);
        let longest = spans.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
        SpanIndex { spans, longest }
    }

    /// Indices of items wholly inside `span`, in text order.
    pub fn inside(&self, span: Span) -> Vec<usize> {
        let from = self.spans.partition_point(|(s, _)| s.start < span.start);
        self.spans[from..]
            .iter()
            .take_while(|(s, _)| s.start < span.end)
            .filter(|(s, _)| span.contains(*s))
            .map(|&(_, i)| i)
            .collect()
    }

    /// Indices of items sharing at least one byte with `span`, in text order.
    pub fn overlapping(&self, span: Span) -> Vec<usize> {
        let earliest = span.start.saturating_sub(self.longest);
        let from = self.spans.partition_point(|(s, _)| s.start < earliest);
        let to = self.spans.partition_point(|(s, _)| s.start < span.end);
        self.spans[from..to.max(from)]
            .iter()
            .filter(|(s, _)| s.end > span.start)
            .map(|&(_, i)| i)
            .collect()
    }
}

/// A calendar date with an optional wall-clock time, as a date line states it
/// (no time zone: the sources do not give one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Hours and minutes, when the source gives them.
    pub time: Option<(u8, u8)>,
}

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Weekday names in ISO order (Monday = 1), lowercase.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl DateTime {
    /// A date that exists in the Gregorian calendar, or `None`.
    pub fn new(year: i32, month: u8, day: u8, time: Option<(u8, u8)>) -> Option<DateTime> {
        let valid_time = time.is_none_or(|(h, m)| h < 24 && m < 60);
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && valid_time;
        valid.then_some(DateTime {
            year,
            month,
            day,
            time,
        })
    }

    /// ISO 8601: `2014-12-18` or `2014-12-18T09:27`.
    pub fn iso(&self) -> String {
        let date = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        match self.time {
            Some((h, m)) => format!("{date}T{h:02}:{m:02}"),
            None => date,
        }
    }

    /// For people: `18 December 2014, 09:27`.
    pub fn human(&self) -> String {
        let month = MONTH_NAMES[usize::from(self.month - 1)];
        let date = format!("{} {} {}", self.day, month, self.year);
        match self.time {
            Some((h, m)) => format!("{date}, {h:02}:{m:02}"),
            None => date,
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic.
    pub fn days_from_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Something a stage noticed about its input that the reader should know:
/// the pipeline never fails, it reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Where in the text, when it is about a place.
    pub span: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
}

impl Diagnostic {
    pub fn warning(message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            span,
        }
    }

    pub fn info(message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Info,
            message: message.into(),
            span,
        }
    }
}

/// Text on one line, without runs of white space.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most about `limit` bytes of `text` on one line, cut at a word, with an
/// ellipsis.
pub fn shorten(text: &str, limit: usize) -> String {
    let text = squash(text);
    if text.len() <= limit {
        return text;
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let head = head.rfind(' ').map(|at| &head[..at]).unwrap_or(head);
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ', '–', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_is_stable_and_sorts_like_std() {
        // Pseudo-random items with many ties on the key, every length up to 80.
        let mut seed = 7u64;
        for len in 0..80 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |x, y| y.0.cmp(&x.0));
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|y| std::cmp::Reverse(y.0));
            assert_eq!(ours, std_sorted);
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|x| x.0);
            assert_eq!(ours, std_sorted);
            let mut ours: Vec<String> = items.iter().map(|x| format!("{}", x.0)).collect();
            let mut std_sorted = ours.clone();
            sort(&mut ours);
            std_sorted.sort_unstable();
            assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn sort_by_numbers_is_stable_and_sorts_like_std() {
        let items: Vec<(u64, u64, char)> = vec![
            (2, 1, 'a'),
            (1, 9, 'b'),
            (2, 0, 'c'),
            (1, 9, 'd'),
            (0, 5, 'e'),
            (2, 1, 'f'),
        ];
        let mut ours = items.clone();
        sort_by_numbers(&mut ours, |&(a, b, _)| [a, b, 0]);
        let mut std_sorted = items;
        std_sorted.sort_by_key(|&(a, b, _)| (a, b));
        assert_eq!(ours, std_sorted);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_numbers(&mut empty, |&b| [u64::from(b), 0, 0]);
        assert!(empty.is_empty());
    }
}
