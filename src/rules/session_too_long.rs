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
        let message = format!("{}-minute strength session, longer than {}", Number(minutes.value), Number(max));
        let help = format!(
            "keep it within {}: a few compound exercises done with care give runners most of the benefit, so drop isolation work first",
            minutes_text(max)
        );
        let finding = cx
            .session_finding(session, message)
            .with_span(minutes.span)
            .with_span_label(format!("{} over", minutes_text(minutes.value - max)))
            .with_help(help);
        cx.report(finding);
    }
}

/// `1 minute`, `5 minutes`, `2.5 minutes`.
fn minutes_text(count: f64) -> String {
    if count == 1.0 { "1 minute".to_owned() } else { format!("{} minutes", Number(count)) }
}
