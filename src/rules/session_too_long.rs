//! `session-too-long`: a strength session longer than `max-minutes`.

use super::RuleContext;
use crate::model::Model;
use crate::plan::load::Number;

declare_rule! {
    name: "session-too-long",
    category: Volume,
    default: warning,
    summary: "a strength session is longer than `max-minutes`",
    options: {
        max_minutes: integer = 60, "max-minutes", "the longest strength session in minutes";
    },
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let max = f64::from(Options::read(cx).max_minutes);
    for (_, session) in model.sessions() {
        let Some(minutes) = session.session.minutes.as_ref().filter(|_| session.is_strength()) else {
            continue;
        };
        if minutes.value <= max {
            continue;
        }
        let finding = cx
            .session_finding(session, format!("{}-minute strength session, longer than {}", Number(minutes.value), Number(max))).with_span(minutes.span)
            .with_span_label(format!("{} minutes over", Number(minutes.value - max)))
            .with_help(
                "runners get the benefit from 20-45 focused minutes: cut accessory work or split the session",
            );
        cx.report(finding);
    }
}
