//! `speed-before-calf-base`: hills or speed work before the calves have been trained.

use super::RuleContext;
use crate::model::Model;
use crate::plan::{BodyPart, Level, SessionKind};

declare_rule! {
    name: "speed-before-calf-base",
    category: Schedule,
    default: warning,
    summary: "the first hills, intervals, speed, threshold, tempo or fartlek run comes before `min-weeks` weeks of calf work",
    options: {
        min_weeks: integer = 2, "min-weeks", "weeks with calf work needed before the first fast or hill session";
    },
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let min_weeks = Options::read(cx).min_weeks;
    let athlete = &model.plan.athlete;
    // The advice is for runners adding fast running to their legs for the first time: an
    // intermediate or advanced runner already runs fast, unless the Achilles has complained.
    let experienced = matches!(athlete.level, Level::Intermediate | Level::Advanced);
    if (athlete.strength_weeks >= min_weeks || experienced) && !athlete.has_history(BodyPart::Achilles) {
        return;
    }
    let mut calf_weeks = 0;
    for week in &model.weeks {
        let first_speed =
            week.sessions.iter().find(|s| matches!(s.session.kind, SessionKind::Run(t) if t.is_speed_work()));
        if let Some(run) = first_speed {
            if calf_weeks < min_weeks {
                let message = format!("first {} after {} of calf work", run.run_description(), weeks(calf_weeks));
                let label =
                    format!("build the calves and Achilles with {} of calf raises before this", weeks(min_weeks));
                let help = if calf_weeks == 0 {
                    format!(
                        "add calf raises from week 1 and hold back the first fast or hill session until the plan has had {} with calf raises",
                        weeks(min_weeks)
                    )
                } else {
                    format!(
                        "hold back the first fast or hill session until the plan has had {} with calf raises (so far {})",
                        weeks(min_weeks),
                        weeks(calf_weeks)
                    )
                };
                let finding = cx.session_finding(run, message).with_span_label(label).with_help(help);
                cx.report(finding);
            }
            return;
        }
        if week.exercises().any(|(session, e)| session.is_strength() && e.tags.is_calf_work()) {
            calf_weeks += 1;
        }
    }
}

/// `1 week`, `3 weeks`.
fn weeks(count: u32) -> String {
    if count == 1 { "1 week".to_owned() } else { format!("{count} weeks") }
}
