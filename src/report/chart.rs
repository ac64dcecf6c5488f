//! The weekly charts of a plan, as inline SVG: running volume with the hard runs, leg
//! strength sessions and sets, plyometric contacts and heavy sessions, over the phases
//! as background bands, with the race week marked.

use maud::{Markup, html};

use super::data::WeekRow;
use super::phase_colour;

/// Height of one panel's drawing area.
const PANEL: f64 = 46.0;
/// Space above each panel for its title.
const TITLE: f64 = 16.0;
/// Left margin for the scale.
const LEFT: f64 = 34.0;

/// One row of bars: a title, a value per week and how to label the largest.
struct Series<'a> {
    title: &'a str,
    unit: &'a str,
    colour: &'a str,
    values: Vec<f64>,
}

/// The charts of one plan.
pub fn charts(weeks: &[WeekRow]) -> Markup {
    let series = [
        Series {
            title: "Running per week",
            unit: "km",
            colour: "#1565c0",
            values: weeks.iter().map(|w| w.run_km).collect(),
        },
        Series {
            title: "Hard runs",
            unit: "runs",
            colour: "#c62828",
            values: weeks.iter().map(|w| f64::from(w.hard_runs)).collect(),
        },
        Series {
            title: "Leg strength sets",
            unit: "sets",
            colour: "#2e7d32",
            values: weeks.iter().map(|w| f64::from(w.lower_sets)).collect(),
        },
        Series {
            title: "Heavy leg sessions",
            unit: "sessions",
            colour: "#6a1b9a",
            values: weeks.iter().map(|w| f64::from(w.heavy_sessions)).collect(),
        },
        Series {
            title: "Plyometric contacts",
            unit: "contacts",
            colour: "#ef6c00",
            values: weeks.iter().map(|w| f64::from(w.plyo_contacts)).collect(),
        },
    ];
    let count = weeks.len().max(1) as f64;
    let step = (640.0 / count).clamp(6.0, 28.0);
    let width = LEFT + step * count + 8.0;
    let height = series.len() as f64 * (PANEL + TITLE + 10.0) + 14.0;
    let label = |week: &WeekRow| format!("week {}", week.number);
    html! {
        svg class="charts" width=(format!("{width:.0}")) height=(format!("{height:.0}"))
            viewBox=(format!("0 0 {width:.0} {height:.0}")) role="img"
            aria-label="weekly charts: running, hard runs, leg strength sets, heavy leg sessions, plyometric contacts" {
            @for (row, series) in series.iter().enumerate() {
                @let top = row as f64 * (PANEL + TITLE + 10.0) + TITLE;
                @let max = series.values.iter().copied().fold(0.0_f64, f64::max);
                text x="0" y=(format!("{:.1}", top - 4.0)) class="chart-title" {
                    (series.title) " (most: " (crate::plan::load::Number(max)) " "
                    (if max == 1.0 { series.unit.trim_end_matches('s') } else { series.unit }) ")"
                }
                @for (index, week) in weeks.iter().enumerate() {
                    @let x = LEFT + index as f64 * step;
                    rect x=(format!("{x:.1}")) y=(format!("{top:.1}")) width=(format!("{step:.1}")) height=(format!("{PANEL:.1}"))
                        fill=(phase_colour(week.phase)) {
                        title { (label(week)) ", " (week.phase.as_str()) }
                    }
                    @let value = series.values.get(index).copied().unwrap_or(0.0);
                    @if max > 0.0 && value > 0.0 {
                        @let bar = value / max * (PANEL - 4.0);
                        rect x=(format!("{:.1}", x + step * 0.15)) y=(format!("{:.1}", top + PANEL - bar))
                            width=(format!("{:.1}", step * 0.7)) height=(format!("{bar:.1}")) fill=(series.colour) {
                            title { (label(week)) ": " (crate::plan::load::Number(value)) " " (series.unit) }
                        }
                    }
                    @if week.race_week {
                        line class="race" x1=(format!("{:.1}", x + step / 2.0)) x2=(format!("{:.1}", x + step / 2.0))
                            y1=(format!("{top:.1}")) y2=(format!("{:.1}", top + PANEL)) {}
                    }
                }
                line class="axis" x1=(format!("{LEFT:.1}")) x2=(format!("{:.1}", width - 8.0))
                    y1=(format!("{:.1}", top + PANEL)) y2=(format!("{:.1}", top + PANEL)) {}
            }
            @for (index, week) in weeks.iter().enumerate() {
                @if index % 4 == 0 || week.race_week {
                    text x=(format!("{:.1}", LEFT + index as f64 * step + step / 2.0)) y=(format!("{:.1}", height - 2.0))
                        class="week-label" text-anchor="middle" { (week.number) }
                }
            }
        }
    }
}
