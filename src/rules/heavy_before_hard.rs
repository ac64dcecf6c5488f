//! `heavy-before-hard`: heavy lower-body lifting the day before a hard run.

use super::RuleContext;
use crate::model::{Model, SessionView, effort};

declare_rule! {
    name: "heavy-before-hard",
    category: Schedule,
    default: error,
    summary: "a heavy lower-body session the day before a hard run",
}

/// What makes the session heavy, for the label under it.
fn heaviness(session: &SessionView<'_>) -> String {
    let heavy: Vec<String> = session
        .exercises
        .iter()
        .filter(|e| e.is_heavy && e.tags.trains_legs())
        .map(|e| format!("`{}`", e.exercise.describe()))
        .collect();
    match &session.session.intensity {
        Some(intensity) if heavy.is_empty() => format!("heavy: `intensity: {}`", intensity.value),
        None if heavy.is_empty() && effort::is_done_hard(session.session) => {
            "heavy: a circuit done against the clock with loaded leg work".to_owned()
        }
        _ => format!("heavy: {}", heavy.join(", ")),
    }
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let hard_runs: Vec<&SessionView<'_>> =
        model.sessions().map(|(_, session)| session).filter(|s| s.is_hard_run).collect();
    for (_, session) in model.sessions() {
        if !(session.is_heavy && session.is_lower_body) {
            continue;
        }
        let next_day = session.day_number + 1;
        let start = hard_runs.partition_point(|run| run.day_number < next_day);
        let runs: Vec<&&SessionView<'_>> =
            hard_runs.get(start..).unwrap_or(&[]).iter().take_while(|run| run.day_number == next_day).collect();
        let Some(first_run) = runs.first() else {
            continue;
        };
        let headline = first_run.run_headline();
        let run_type = headline.split_once(' ').map_or("hard run", |(_, kind)| kind);
        let finding = cx
            .session_finding(session, format!("heavy lower-body session the day before {headline}"))
            .with_span_label(heaviness(session))
            .with_labels(runs.iter().map(|next| (next.session.kind_key, format!("next day: {}", next.run_description()))))
            .with_help(format!(
                "leave 24-48 hours between heavy lifting and the {run_type}: move this session to after it, or make it light (bodyweight, 2-3 sets)"
            ));
        cx.report(finding);
    }
}
