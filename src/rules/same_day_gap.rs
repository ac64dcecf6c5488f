//! `same-day-gap`: a heavy session and a hard run too close together on one day.

use super::RuleContext;
use std::collections::HashMap;

use crate::model::{Model, SessionView};
use crate::plan::SessionKind;
use crate::plan::load::Number;

declare_rule! {
    name: "same-day-gap",
    category: Schedule,
    default: info,
    summary: "a heavy session and a hard run on one day less than `min-hours` apart",
    options: {
        min_hours: number = 3.0, "min-hours", "the fewest hours between a heavy session and a hard run on the same day";
    },
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let min_hours = Options::read(cx).min_hours;
    let min_minutes = min_hours * 60.0;
    let at_least = hours_text(min_hours);
    for week in &model.weeks {
        // Each heavy session is compared with the nearest hard run of its day only: one
        // finding per session, however many runs the day holds.
        let mut runs_by_day: HashMap<u64, Vec<(u32, &SessionView<'_>)>> = HashMap::new();
        for run in week.sessions.iter().filter(|s| s.is_hard_run) {
            if let Some(at) = &run.session.at {
                runs_by_day.entry(run.day_number).or_default().push((at.value, run));
            }
        }
        for runs in runs_by_day.values_mut() {
            runs.sort_by_key(|(at, run)| (*at, run.position));
        }
        for heavy in week.sessions.iter().filter(|s| s.is_heavy && s.is_lower_body) {
            let (Some(heavy_at), Some(runs)) = (&heavy.session.at, runs_by_day.get(&heavy.day_number)) else {
                continue;
            };
            let Some(&(_, run)) = nearest(runs, heavy_at.value) else { continue };
            let Some(run_at) = &run.session.at else { continue };
            let gap = heavy_at.value.abs_diff(run_at.value);
            if f64::from(gap) >= min_minutes {
                continue;
            }
            let (earlier, later) = if heavy_at.value <= run_at.value { (heavy_at, run_at) } else { (run_at, heavy_at) };
            let run_first = later != run_at;
            let later_session = if run_first { heavy } else { run };
            let message = format!("heavy session and {} only {} apart", run_kind(run), hours(gap));
            // The advice keeps the order the plan has when it is the better one.
            let help = if run_first {
                format!(
                    "keep the run first and leave at least {at_least} before the lift, or move the lift to another day"
                )
            } else {
                format!(
                    "run first and leave at least {at_least} before the lift, or move the lift to a day that is not the eve of a hard run"
                )
            };
            let finding = cx
                .session_finding(later_session, message)
                .with_span(later.span)
                .with_span_label(format!("{} after the other session", hours(gap)))
                .with_label(earlier.span, "first session")
                .with_help(help.as_str());
            cx.report(finding);
        }
    }
}

/// The run nearest in time to `at` among `runs` (sorted by time); the earlier on a tie.
fn nearest<'r, 'p>(runs: &'r [(u32, &'r SessionView<'p>)], at: u32) -> Option<&'r (u32, &'r SessionView<'p>)> {
    let after = runs.partition_point(|(run_at, _)| *run_at < at);
    let before = after.checked_sub(1).and_then(|index| runs.get(index));
    match (before, runs.get(after)) {
        (Some(before), Some(after)) if after.0 - at < at - before.0 => Some(after),
        (Some(before), _) => Some(before),
        (None, after) => after,
    }
}

/// The run's kind and length: `a long run (16 km)`; an easy run long enough to be a long
/// run is one (`a long run (18 km, written `easy`)`).
fn run_kind(run: &SessionView<'_>) -> String {
    let described = run.run_description();
    let mut details: Vec<String> = described.split(", ").skip(1).map(str::to_owned).collect();
    if run.is_long_easy_run
        && let SessionKind::Run(written) = run.session.kind
    {
        details.push(format!("written `{written}`"));
    }
    let headline = run.run_headline();
    if details.is_empty() { headline } else { format!("{headline} ({})", details.join(", ")) }
}

fn hours(minutes: u32) -> String {
    format!("{}h{:02}", minutes / 60, minutes % 60)
}

/// `1 hour`, `3 hours`, `2.5 hours`.
fn hours_text(count: f64) -> String {
    if count == 1.0 { "1 hour".to_owned() } else { format!("{} hours", Number(count)) }
}
