//! The timeline view-model: the story's normalised dates on one time axis,
//! each linked to the claims and outlets that mention it.
//!
//! The axis is broken where nothing happens for a long time (a 2001
//! reference next to December 2014), so each stretch with dates keeps a
//! readable scale. Positions are whole percents of the axis' width, which the
//! UI maps to CSS classes (no inline styles).

use crate::align::StoryAlignment;
use crate::extract::{Bound, Granularity};
use crate::model::{DateTime, HashMap, HashSet, MONTH_NAMES};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::Source;

/// The story's dates on an axis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineView {
    /// Sorted by start day, then by precision (finer first).
    pub entries: Vec<TimeEntry>,
    /// Labels under the axis.
    pub ticks: Vec<Tick>,
    /// Where the axis is broken (percent), between two stretches.
    pub breaks: Vec<u8>,
}

/// One normalised date and where the story mentions it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeEntry {
    /// ISO 8601 at its granularity: `2014-12-17`, `2014-W50`, `2014-11`.
    pub value: String,
    /// For people: "17 December 2014", "week of 8 December 2014".
    pub label: String,
    /// "day", "week", "month", "months" (an interval of months: "the end
    /// of 2027"), "year".
    pub granularity: Cow<'static, str>,
    /// Start on the axis, in percent (0–99).
    pub left: u8,
    /// Width on the axis, in percent (1–100).
    pub width: u8,
    pub mentions: Vec<TimeMention>,
    /// Distinct outlets mentioning it, in article order.
    pub outlets: Vec<String>,
    /// Indices into [`super::StoryView::facts`] of the facts whose claims mention it.
    pub facts: Vec<usize>,
}

/// One mention of a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeMention {
    pub article: usize,
    /// The article's outlet: not sent; a view-model read from JSON fills it in.
    #[serde(default, skip_serializing)]
    pub outlet: String,
    /// As the text writes it ("late yesterday").
    pub text: String,
    /// For people: "", "around", "on or before", "on or after".
    pub bound: Cow<'static, str>,
    /// 1-based sentence number; 0 if the date lies in no claim.
    pub sentence: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tick {
    pub left: u8,
    pub label: String,
}

/// Days since 1970-01-01 of a date.
fn day(year: i32, month: u8, day: u8) -> Option<i64> {
    DateTime::new(year, month, day, None).map(|d| d.days_from_epoch())
}

/// The date of a day number (proleptic Gregorian).
fn civil(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A normalised value's first day, last day (inclusive) and label.
pub fn interpret(value: &str) -> Option<(i64, i64, String)> {
    // An interval of months ("2027-10/2027-12"): "October–December 2027".
    if let Some((first, last)) = value.split_once('/') {
        let (start, _, from) = interpret(first)?;
        let (_, end, to) = interpret(last)?;
        let from = from.split_whitespace().next().unwrap_or_default();
        return (start <= end).then(|| (start, end, format!("{from}–{to}")));
    }
    let number = |s: &str| s.parse::<i64>().ok();
    if let Some((year, week)) = value.split_once("-W") {
        let (year, week) = (number(year)?, number(week)?);
        let jan4 = day(i32::try_from(year).ok()?, 1, 4)?;
        let monday = jan4 - (jan4 + 3).rem_euclid(7) + (week - 1) * 7;
        let (y, m, d) = civil(monday);
        let label = format!("week of {d} {} {y}", MONTH_NAMES[usize::from(m - 1)]);
        return Some((monday, monday + 6, label));
    }
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [y] => {
            let year = i32::try_from(number(y)?).ok()?;
            Some((day(year, 1, 1)?, day(year, 12, 31)?, year.to_string()))
        }
        [y, m] => {
            let year = i32::try_from(number(y)?).ok()?;
            let month = u8::try_from(number(m)?).ok()?;
            let first = day(year, month, 1)?;
            let last = day(year, month, crate::model::days_in_month(year, month))?;
            Some((
                first,
                last,
                format!(
                    "{} {year}",
                    MONTH_NAMES.get(usize::from(month).checked_sub(1)?)?
                ),
            ))
        }
        [y, m, d] => {
            let year = i32::try_from(number(y)?).ok()?;
            let month = u8::try_from(number(m)?).ok()?;
            let dd = u8::try_from(number(d)?).ok()?;
            let at = day(year, month, dd)?;
            Some((
                at,
                at,
                format!("{dd} {} {year}", MONTH_NAMES[usize::from(month - 1)]),
            ))
        }
        _ => None,
    }
}

fn granularity_name(g: Granularity) -> &'static str {
    match g {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
    }
}

fn bound_name(b: Bound) -> &'static str {
    match b {
        Bound::Exact => "",
        Bound::Approximate => "around",
        Bound::OnOrBefore => "on or before",
        Bound::OnOrAfter => "on or after",
    }
}

/// A gap longer than this many days breaks the axis.
const BREAK_DAYS: i64 = 60;
/// Percent of the axis each break takes.
const BREAK_WIDTH: i64 = 6;
/// The least percent a stretch of the axis gets.
const MIN_STRETCH: i64 = 12;
/// Percent of the axis a label's character takes at a phone's width (an
/// axis of about 310 pixels), and the label's padding and mark: "Jul"
/// needs 9%, "Jan 2026" 19% before the next label.
const TICK_CHAR: i64 = 2;
const TICK_PAD: i64 = 3;
/// Months between labels, the smallest that leaves a month's name
/// ("Jul") its room: a stretch of years is labelled by quarters, halves or
/// years.
const TICK_STEPS: [i64; 5] = [1, 2, 3, 6, 12];

/// The percent of the axis `label` takes, with its padding.
fn tick_room(label: &str) -> i64 {
    label.chars().count() as i64 * TICK_CHAR + TICK_PAD
}

pub(super) fn build_timeline(source: &Source, alignment: &StoryAlignment) -> TimelineView {
    struct Raw {
        value: String,
        granularity: &'static str,
        start: i64,
        end: i64,
        label: String,
        mentions: Vec<TimeMention>,
        outlets: Vec<String>,
        facts: Vec<usize>,
    }
    let mut raw: Vec<Raw> = Vec::new();
    // Each value's place in `raw`, and the outlets each entry has (linear
    // searches were quadratic in the story's dates and outlets).
    let mut places: HashMap<&str, usize> = HashMap::default();
    let mut seen_outlets: Vec<HashSet<&str>> = Vec::new();
    for (a, article) in source.articles.iter().enumerate() {
        let analysis = &article.analysis;
        for (t, time) in analysis.times.iter().enumerate() {
            let Some((start, end, label)) = interpret(&time.value) else {
                continue;
            };
            let claim = analysis.claims.iter().position(|c| c.times.contains(&t));
            let index = match places.get(time.value.as_str()) {
                Some(&i) => i,
                None => {
                    places.insert(&time.value, raw.len());
                    seen_outlets.push(HashSet::default());
                    raw.push(Raw {
                        value: time.value.clone(),
                        granularity: if time.value.contains('/') {
                            "months"
                        } else {
                            granularity_name(time.granularity)
                        },
                        start,
                        end,
                        label,
                        mentions: Vec::new(),
                        outlets: Vec::new(),
                        facts: Vec::new(),
                    });
                    raw.len() - 1
                }
            };
            let entry = &mut raw[index];
            entry.mentions.push(TimeMention {
                article: a,
                outlet: article.outlet.clone(),
                text: time.span.text(&article.text).to_string(),
                bound: bound_name(time.bound).into(),
                sentence: claim.map_or(0, |c| c + 1),
            });
            if seen_outlets[index].insert(&article.outlet) {
                entry.outlets.push(article.outlet.clone());
            }
            if let Some(c) = claim {
                for &f in alignment.facts_of(crate::align::ClaimRef {
                    article: a,
                    claim: c,
                }) {
                    if !entry.facts.contains(&f) {
                        entry.facts.push(f);
                    }
                }
            }
        }
    }
    crate::model::sort_by(&mut raw, |x, y| {
        x.start
            .cmp(&y.start)
            .then((x.end - x.start).cmp(&(y.end - y.start)))
            .then(x.value.cmp(&y.value))
    });
    // Stretches of the axis: runs of dates with no long gap.
    let mut stretches: Vec<(i64, i64)> = Vec::new();
    for r in &raw {
        match stretches.last_mut() {
            Some(last) if r.start - last.1 <= BREAK_DAYS => last.1 = last.1.max(r.end),
            _ => stretches.push((r.start, r.end)),
        }
    }
    let count = stretches.len() as i64;
    let available = 100 - BREAK_WIDTH * (count - 1).max(0);
    let spans: Vec<i64> = stretches.iter().map(|(s, e)| (e - s + 1).max(7)).collect();
    let total: i64 = spans.iter().sum::<i64>().max(1);
    let spare = (available - MIN_STRETCH * count).max(0);
    let mut layout: Vec<(i64, i64, i64, i64)> = Vec::new(); // (start day, days, left, width)
    let mut left = 0;
    let mut breaks = Vec::new();
    for (i, (&(start, _), &days)) in stretches.iter().zip(&spans).enumerate() {
        if i > 0 {
            breaks.push((left + BREAK_WIDTH / 2 - 1).clamp(0, 99) as u8);
            left += BREAK_WIDTH;
        }
        let width = MIN_STRETCH + spare * days / total;
        layout.push((start, days, left, width));
        left += width;
    }
    let place = |day: i64| -> f64 {
        let stretch = layout
            .iter()
            .rev()
            .find(|(start, _, _, _)| *start <= day)
            .or(layout.first());
        match stretch {
            Some(&(start, days, left, width)) => {
                left as f64 + (day - start) as f64 * width as f64 / days as f64
            }
            None => 0.0,
        }
    };
    let mut ticks = Vec::new();
    let mut labelled_year = None;
    for &(start, days, left, width) in &layout {
        let (y, m, _) = civil(start);
        if days <= 7 {
            ticks.push(Tick {
                left: left.clamp(0, 99) as u8,
                label: y.to_string(),
            });
            labelled_year = Some(y);
            continue;
        }
        // Month starts inside the stretch, and its first day, every
        // `step` months, each where the label before leaves room.
        let months = (days / 30).max(1);
        let step = TICK_STEPS
            .into_iter()
            .find(|step| width * step >= tick_room("Jul") * months)
            .unwrap_or(12);
        let mut month = (y, m);
        let stretch_ticks = ticks.len();
        while let Some(at) = day(month.0 as i32, month.1, 1) {
            if at >= start + days {
                break;
            }
            let at = at.max(start);
            // The stretch's first label yet.
            let first = ticks.len() == stretch_ticks;
            let left = place(at).floor().clamp(0.0, 99.0) as u8;
            let on_step = (i64::from(month.1) - 1) % step == 0;
            let room = ticks
                .last()
                .is_none_or(|t: &Tick| i64::from(left) - i64::from(t.left) >= tick_room(&t.label));
            if (first || on_step) && room {
                let name = &MONTH_NAMES[usize::from(month.1 - 1)][..3];
                // The year with the first label of a stretch and with the
                // first label of each year (its January may have had no
                // room): "May 2027 … Jul 2028", never a bare "Jul".
                let new_year = labelled_year != Some(month.0);
                let label = if step == 12 && month.1 == 1 && !first {
                    month.0.to_string()
                } else if first || new_year {
                    format!("{name} {}", month.0)
                } else {
                    name.to_string()
                };
                // A label that would run past the axis's end is left out.
                if i64::from(left) + tick_room(&label) <= 100 + TICK_PAD {
                    ticks.push(Tick { left, label });
                    labelled_year = Some(month.0);
                }
            }
            month = if month.1 == 12 {
                (month.0 + 1, 1)
            } else {
                (month.0, month.1 + 1)
            };
        }
    }
    let entries = raw
        .into_iter()
        .map(|r| {
            let x0 = place(r.start).floor().clamp(0.0, 99.0);
            // `f64::clamp` with bounds not known at compile time formats
            // them into its panic message: float formatting, kilobytes of
            // wasm. The same test and result, with a plain message.
            let (low, x1) = (x0 + 1.0, place(r.end + 1).ceil());
            assert!(low <= 100.0, "timeline position out of range");
            let x1 = if x1 < low {
                low
            } else if x1 > 100.0 {
                100.0
            } else {
                x1
            };
            let mut facts = r.facts;
            crate::model::sort(&mut facts);
            TimeEntry {
                value: r.value,
                label: r.label,
                granularity: r.granularity.into(),
                left: x0 as u8,
                width: ((x1 - x0) as u8).max(1),
                mentions: r.mentions,
                outlets: r.outlets,
                facts,
            }
        })
        .collect();
    TimelineView {
        entries,
        ticks,
        breaks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_days_and_labels() {
        let (start, end, label) = interpret("2014-W50").unwrap();
        assert_eq!(label, "week of 8 December 2014");
        assert_eq!(end - start, 6);
        assert_eq!(civil(start), (2014, 12, 8));
        assert_eq!(interpret("2014-11").unwrap().2, "November 2014");
        assert_eq!(interpret("2001-09-11").unwrap().2, "11 September 2001");
        assert_eq!(interpret("2014").unwrap().2, "2014");
        assert_eq!(
            interpret("2015-W01").map(|v| civil(v.0)),
            Some((2014, 12, 29))
        );
        assert!(interpret("soon").is_none());
        assert!(interpret("2014-13").is_none());
        let (start, end, label) = interpret("2027-10/2027-12").unwrap();
        assert_eq!(label, "October–December 2027");
        assert_eq!((civil(start), civil(end)), ((2027, 10, 1), (2027, 12, 31)));
        assert!(interpret("2027-12/2027-10").is_none());
    }
}
