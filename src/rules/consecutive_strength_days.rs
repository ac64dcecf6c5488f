//! `consecutive-strength-days`: lower-body sessions on two days in a row.

use super::RuleContext;
use crate::model::{Model, SessionView};

declare_rule! {
    name: "consecutive-strength-days",
    category: Schedule,
    default: warning,
    summary: "lower-body sessions on two adjacent days",
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let lower_body: Vec<&SessionView<'_>> = model.sessions().map(|(_, s)| s).filter(|s| s.is_lower_body).collect();
    let mut previous_day: Option<u64> = None;
    for (index, session) in lower_body.iter().enumerate() {
        // Only the first lower-body session of a day is compared, so a day with two
        // sessions after a lifting day is reported once.
        if previous_day == Some(session.day_number) {
            continue;
        }
        previous_day = Some(session.day_number);
        // Sessions are in calendar order: the day before can only be just behind.
        let earlier = lower_body
            .get(..index)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|s| s.day_number + 1 >= session.day_number)
            .find(|s| s.day_number + 1 == session.day_number);
        let Some(earlier) = earlier else { continue };
        let finding = cx
            .session_finding(
                session,
                format!(
                    "lower-body strength on {} right after {}",
                    session.weekday.full_name(),
                    earlier.weekday.full_name()
                ),
            )
            .with_span_label("second day in a row")
            .with_label(earlier.session.kind_key, format!("lower-body session the day before (week {})", earlier.week))
            .with_help("leave at least one day between lower-body sessions so the legs recover");
        cx.report(finding);
    }
}
