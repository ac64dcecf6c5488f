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

/// The bars of one panel as path data: one closed rectangle per week with a value.
fn bars(values: &[f64], max: f64, top: f64, step: f64) -> String {
    let mut data = String::new();
    for (index, &value) in values.iter().enumerate() {
        if max <= 0.0 || value <= 0.0 {
            continue;
        }
        let height = (value / max * (PANEL - 4.0)).max(1.0);
        let x = LEFT + index as f64 * step + step * 0.15;
        let width = (step * 0.7).max(1.0);
        data.push_str(&format!("M{x:.0} {:.0}h{width:.0}v{height:.0}h-{width:.0}z", top + PANEL - height));
    }
    data
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
                // One band per run of weeks in the same phase keeps the drawing small.
                @for (first, length, phase) in phase_runs(weeks) {
                    rect x=(format!("{:.0}", LEFT + first as f64 * step)) y=(format!("{top:.0}"))
                        width=(format!("{:.0}", length as f64 * step)) height=(format!("{PANEL:.0}")) fill=(phase_colour(phase)) {}
                }
                // All bars of a panel as one path: a report of hundreds of plans stays light.
                path fill=(series.colour) d=(bars(&series.values, max, top, step)) {}
                @for (index, week) in weeks.iter().enumerate() {
                    @let x = LEFT + index as f64 * step;
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
