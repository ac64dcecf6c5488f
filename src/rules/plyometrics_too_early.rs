//! `plyometrics-too-early`: jumping and hopping before the strength base is built.

use super::RuleContext;
use crate::model::Model;
use crate::tags::Tag;

declare_rule! {
    name: "plyometrics-too-early",
    category: Progression,
    default: warning,
    summary: "a plyometric exercise before the athlete's training week `from-week`",
    options: {
        min_week: integer = 12, "from-week", "the first training week (`strength_weeks` + the weeks since the plan's first strength work) in which plyometrics are fine";
    },
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let min_week = Options::read(cx).min_week;
    let prior = model.plan.athlete.strength_weeks;
    let first = model.weeks.iter().find(|week| week.has_strength_work()).map_or(1, |week| week.week.number);
    for (week, session) in model.sessions() {
        if week.training_week >= min_week {
            continue;
        }
        for exercise in session.exercises.iter().filter(|e| e.tags.contains(Tag::Plyometric)) {
            let message = format!(
                "plyometric `{}` in training week {}, before week {min_week}",
                exercise.exercise.name.value, week.training_week
            );
            let how = format!(
                "training week {}: {} of strength training before the plan (`strength_weeks`), then counted from week {first}, the plan's first strength work",
                week.training_week,
                weeks(prior)
            );
            let help = format!(
                "build a strength base first and add low-volume jumps from training week {min_week}; until then train the calves with slow raises, e.g. `- single-leg calf raise: 2x12 each`"
            );
            let finding = cx.exercise_finding(session, exercise, message).with_span_label(how).with_help(help);
            cx.report(finding);
        }
    }
}

/// `1 week`, `3 weeks`.
fn weeks(count: u32) -> String {
    if count == 1 { "1 week".to_owned() } else { format!("{count} weeks") }
}
