//! `load-with-current-pain`: loading an athlete who reports current pain.

use super::RuleContext;
use crate::diagnostic::Span;
use crate::model::Model;
use crate::plan::BodyPart;
use crate::tags::Tag;

declare_rule! {
    name: "load-with-current-pain",
    category: Safety,
    default: error,
    summary: "the athlete reports current pain but the plan has loaded exercises, jumps, heavy sessions or hard runs (or, for a painful knee, squats and lunges)",
}

const HELP: &str = "have a physiotherapist or sports doctor assess the pain before adding load; once they clear it, set `cleared: true`";

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let athlete = &model.plan.athlete;
    let Some(pain_span) = athlete.pain_span.filter(|_| !athlete.pain.is_empty() && !athlete.cleared) else {
        return;
    };
    // With a painful knee, squats and lunges load it even without weights.
    let sore_knee = athlete.has_pain(BodyPart::Knee);
    let first_load = model.sessions().find_map(|(_, session)| {
        // Jumps and hops load an irritated tendon as much as weights do, bodyweight or not.
        let loaded = session.exercises.iter().find_map(|e| {
            let external = session.is_strength() && e.exercise.load.as_ref().is_some_and(|l| l.value.is_external());
            let impact = e.tags.contains(Tag::Plyometric);
            let knee_dominant = sore_knee && e.tags.trains_legs() && e.tags.contains(Tag::Quads);
            match (external, impact, knee_dominant) {
                (true, _, _) => Some((e, "loaded")),
                (false, true, _) => Some((e, "impact")),
                (false, false, true) => Some((e, "loads the knee")),
                (false, false, false) => None,
            }
        });
        match loaded {
            Some((exercise, why)) => {
                Some((exercise.exercise.name.span, format!("{why}: `{}`", exercise.exercise.describe())))
            }
            None if session.is_heavy => Some((session.session.kind_key, "heavy session".to_owned())),
            None if session.is_hard_run => {
                Some((session.session.kind_key, format!("hard: {}", session.run_description())))
            }
            None => None,
        }
    });
    let Some((span, label)) = first_load else {
        return;
    };
    let pain: Vec<String> = athlete.pain.iter().map(|p| format!("`{}`", p.value)).collect();
    let finding = cx
        .finding(pain_span, format!("current pain ({}) but the plan adds load", pain.join(", ")))
        .with_span_label("not cleared for loading")
        .with_label(span as Span, label)
        .with_help(HELP);
    cx.report(finding);
}
