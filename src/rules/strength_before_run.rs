//! `strength-before-run`: lifting before running on the same day.

use super::RuleContext;
use std::collections::HashMap;

use crate::model::{Model, SessionView};

declare_rule! {
    name: "strength-before-run",
    category: Schedule,
    default: warning,
    summary: "a lower-body session comes before a run on the same day",
}

/// The runs named on one finding: enough to see the problem, never the whole day.
const MAX_RUNS_SHOWN: usize = 3;

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in &model.weeks {
        // Each day's runs in the order written, those with a time also by time, so each
        // lower-body session finds its later runs by binary search.
        let mut days: HashMap<u64, DayRuns<'_, '_>> = HashMap::new();
        for run in week.sessions.iter().filter(|run| run.is_run()) {
            let day = days.entry(run.day_number).or_default();
            match &run.session.at {
                Some(at) => day.timed.push((at.value, run)),
                None => day.untimed.push(run),
            }
        }
        for day in days.values_mut() {
            day.timed.sort_by_key(|(at, run)| (*at, run.position));
            day.untimed.sort_by_key(|run| run.position);
        }
        for strength in week.lower_body_sessions() {
            let Some(day) = days.get(&strength.day_number) else { continue };
            let (mut later_runs, count) = day.after(strength);
            later_runs.sort_by_key(|run| run.position);
            later_runs.truncate(MAX_RUNS_SHOWN);
            let Some(first_run) = later_runs.first() else {
                continue;
            };
            let mut labels: Vec<_> = later_runs
                .iter()
                .map(|run| (run.session.kind_key, format!("{} after it", run.run_description())))
                .collect();
            if let Some(last) = labels.last_mut()
                && count > later_runs.len()
            {
                last.1.push_str(&format!(" (and {} more runs after it that day)", count - later_runs.len()));
            }
            let finding = cx
                .session_finding(strength, format!("lower-body session before {}", first_run.run_headline()))
                .with_span_label("lifting first leaves tired legs for the run")
                .with_labels(labels)
                .with_help(
                    "run first and lift afterwards (or later in the day), or move the strength session to another day",
                );
            cx.report(finding);
        }
    }
}

/// One day's runs: those with a time sorted by it, the others in the order written.
#[derive(Default)]
struct DayRuns<'v, 'p> {
    timed: Vec<(u32, &'v SessionView<'p>)>,
    untimed: Vec<&'v SessionView<'p>>,
}

impl<'v, 'p> DayRuns<'v, 'p> {
    /// The first few runs that `strength` happens before (see
    /// [`SessionView::happens_before`]), and how many there are in all.
    fn after(&self, strength: &SessionView<'_>) -> (Vec<&'v SessionView<'p>>, usize) {
        // A run without a time, or any run when the session has none, is later when written later.
        let untimed_from = self.untimed.partition_point(|run| run.position <= strength.position);
        let untimed = self.untimed.get(untimed_from..).unwrap_or(&[]);
        let timed: Vec<&'v SessionView<'p>> = match &strength.session.at {
            Some(at) => {
                let from = self.timed.partition_point(|(run_at, _)| *run_at <= at.value);
                self.timed.get(from..).unwrap_or(&[]).iter().map(|(_, run)| *run).take(MAX_RUNS_SHOWN).collect()
            }
            None => Vec::new(),
        };
        let timed_count = match &strength.session.at {
            Some(at) => self.timed.len() - self.timed.partition_point(|(run_at, _)| *run_at <= at.value),
            None => self.timed.iter().filter(|(_, run)| run.position > strength.position).count(),
        };
        let mut shown: Vec<&'v SessionView<'p>> = untimed.iter().copied().take(MAX_RUNS_SHOWN).collect();
        match &strength.session.at {
            Some(_) => shown.extend(timed),
            None => shown.extend(
                self.timed
                    .iter()
                    .map(|(_, run)| *run)
                    .filter(|run| run.position > strength.position)
                    .take(MAX_RUNS_SHOWN),
            ),
        }
        (shown, untimed.len() + timed_count)
    }
}
