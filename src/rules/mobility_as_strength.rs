//! `mobility-as-strength`: a strength session made only of mobility work.

use super::RuleContext;
use crate::model::Model;
use crate::tags::Tag;

declare_rule! {
    name: "mobility-as-strength",
    category: Selection,
    default: warning,
    summary: "a strength session whose exercises are all mobility work",
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for (_, session) in model.sessions() {
        let mut known = session.exercises.iter().filter(|e| e.identity.is_some()).peekable();
        if !session.is_strength() || known.peek().is_none() || !known.all(|e| e.tags.contains(Tag::Mobility)) {
            continue;
        }
        let finding = cx
            .session_finding(session, "strength session with only mobility work")
            .with_span_label("rolling and stretching do not build strength")
            .with_help("write it as `mobility:` and plan real strength work, e.g. `- split squat: 2x8 each` and `- single-leg calf raise: 2x12 each`");
        cx.report(finding);
    }
}
