//! The weekly charts of a plan: running distance and running time, hard runs, leg
//! strength sets, heavy leg sessions and plyometric contacts, over the phases as
//! background bands, with the race week marked. Titles, scales and week numbers are
//! HTML text, so they stay readable at any width; only the bars are SVG, stretched to
//! the width there is.

use maud::{Markup, html};

use super::data::WeekRow;
use super::phase_colour;
use crate::plan::load::Number;

/// Height of the drawing in SVG units (the panel's height is set in CSS).
const HEIGHT: f64 = 100.0;
/// Widest a week's column is drawn on a wide screen, in CSS pixels.
const MAX_WEEK_WIDTH: usize = 28;
/// Narrowest a panel is laid out on a wide screen, so its title fits.
const MIN_PANEL_WIDTH: usize = 260;
/// Week numbers under the axis, at most.
const WEEK_LABELS: usize = 12;

/// One panel: a title, a unit, a colour and a value per week (`None`: no figure).
struct Series {
    title: &'static str,
    note: Option<&'static str>,
    colour: &'static str,
    values: Vec<Option<f64>>,
}

impl Series {
    fn counted(title: &'static str, colour: &'static str, weeks: &[WeekRow], value: impl Fn(&WeekRow) -> u32) -> Self {
        Series { title, note: None, colour, values: weeks.iter().map(|w| Some(f64::from(value(w)))).collect() }
    }

    fn max(&self) -> f64 {
        self.values.iter().flatten().copied().fold(0.0_f64, f64::max)
    }
}

/// Runs of consecutive weeks in one phase: (first index, length, phase).
fn phase_runs(weeks: &[WeekRow]) -> Vec<(usize, usize, crate::plan::Phase)> {
    let mut runs: Vec<(usize, usize, crate::plan::Phase)> = Vec::new();
    for (index, week) in weeks.iter().enumerate() {
        match runs.last_mut() {
            Some((_, length, phase)) if *phase == week.phase => *length += 1,
            _ => runs.push((index, 1, week.phase)),
        }
    }
    runs
}

/// The series of a plan: distance and time each when the plan gives them.
fn series(weeks: &[WeekRow]) -> Vec<Series> {
    let km: Vec<Option<f64>> = weeks.iter().map(|w| w.run_km).collect();
    let minutes: Vec<Option<f64>> = weeks.iter().map(|w| w.run_minutes).collect();
    let gives = |values: &[Option<f64>]| values.iter().flatten().any(|&v| v > 0.0);
    let (has_km, has_minutes) = (gives(&km), gives(&minutes));
    let mut list = Vec::new();
    if has_km || !has_minutes {
        let note = has_minutes.then_some("runs given in km or mi; runs given only in minutes are in the time chart");
        list.push(Series { title: "Running distance per week, km", note, colour: "#1565c0", values: km });
    }
    if has_minutes {
        let note = if has_km {
            Some("runs given in minutes; runs given only in km are in the distance chart")
        } else {
            Some("this plan gives its runs in minutes")
        };
        list.push(Series { title: "Running time per week, minutes", note, colour: "#00838f", values: minutes });
    }
    list.push(Series::counted("Hard runs", "#c62828", weeks, |w| w.hard_runs));
    list.push(Series::counted("Leg strength sets", "#2e7d32", weeks, |w| w.lower_sets));
    list.push(Series::counted("Heavy leg sessions", "#6a1b9a", weeks, |w| w.heavy_sessions));
    list.push(Series::counted("Plyometric contacts", "#ef6c00", weeks, |w| w.plyo_contacts));
    list
}

/// Path data of rectangles, one per week that `shape` gives `(top, height)` for.
fn columns(values: &[Option<f64>], shape: impl Fn(Option<f64>) -> Option<(f64, f64)>) -> String {
    let mut data = String::new();
    for (index, &value) in values.iter().enumerate() {
        if let Some((top, height)) = shape(value) {
            data.push_str(&format!("M{:.2} {top:.1}h0.7v{height:.1}h-0.7z", index as f64 + 0.15));
        }
    }
    data
}

fn panel(series: &Series, weeks: &[WeekRow], bands: &Markup, labels: &Markup, width: usize) -> Markup {
    let max = series.max();
    let count = weeks.len().max(1);
    let bars = columns(&series.values, |value| {
        let value = value.filter(|&v| v > 0.0 && max > 0.0)?;
        let height = (value / max * (HEIGHT - 4.0)).max(2.0);
        Some((HEIGHT - height, height))
    });
    // Zero is a short dark tick on the axis; no figure is a dashed empty column.
    let zeros = columns(&series.values, |value| (value == Some(0.0)).then_some((HEIGHT - 5.0, 5.0)));
    let unknown = columns(&series.values, |value| value.is_none().then_some((0.0, HEIGHT)));
    html! {
        div.panel style=(format!("flex: 1 1 {width}px; max-width: {width}px")) {
            div.panel-title { (series.title) @if let Some(note) = series.note { " " span.note { "(" (note) ")" } } }
            @if max <= 0.0 && series.values.iter().all(Option::is_some) {
                div.panel-empty { "0 in every week" }
            } @else {
                div.panel-body {
                    div.y-axis aria-hidden="true" { span.y-top { (Number(max)) } span.y-zero { "0" } }
                    div.plot {
                        svg viewBox=(format!("0 0 {count} {HEIGHT}")) preserveAspectRatio="none" role="img"
                            aria-label=(format!("{}: most {} in a week", series.title, Number(max))) {
                            (bands)
                            path.unknown d=(unknown) {}
                            path fill=(series.colour) d=(bars) {}
                            path.zero d=(zeros) {}
                            @for (index, week) in weeks.iter().enumerate() {
                                @if week.race_week {
                                    line.race x1=(format!("{:.1}", index as f64 + 0.5)) x2=(format!("{:.1}", index as f64 + 0.5))
                                        y1="0" y2=(HEIGHT) vector-effect="non-scaling-stroke" {}
                                }
                            }
                            line.axis x1="0" x2=(count) y1=(HEIGHT) y2=(HEIGHT) vector-effect="non-scaling-stroke" {}
                        }
                        (labels)
                    }
                }
            }
        }
    }
}

/// The charts of one plan.
pub fn charts(weeks: &[WeekRow]) -> Markup {
    let count = weeks.len().max(1);
    let bands = html! {
        // One band per run of weeks in the same phase keeps the drawing small.
        @for (first, length, phase) in phase_runs(weeks) {
            rect x=(first) y="0" width=(length) height=(HEIGHT) fill=(phase_colour(phase)) {}
        }
    };
    // Panels side by side on a wide screen, each no wider than its weeks need.
    let width = (count * MAX_WEEK_WIDTH + 50).max(MIN_PANEL_WIDTH);
    let every = count.div_ceil(WEEK_LABELS).max(1);
    let labels = html! {
        div.x-axis aria-hidden="true" {
            @for (index, week) in weeks.iter().enumerate() {
                @if index % every == 0 {
                    span style=(format!("left: {:.2}%", (index as f64 + 0.5) / count as f64 * 100.0)) { (week.number) }
                }
            }
        }
    };
    html! {
        div.charts role="group" aria-label="weekly charts" {
            @for series in series(weeks) { (panel(&series, weeks, &bands, &labels, width)) }
        }
    }
}
