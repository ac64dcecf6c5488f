//! Hover: what runlint knows of the exercise under the cursor (its catalogue entry and
//! whether it counts as heavy where it is written), and what a rule named in an `allow`
//! comment is about.

use crate::config::Config;
use crate::diagnostic::Span;
use crate::model::{ExerciseView, Model, effort};
use crate::plan::{Load, Plan};
use crate::source::Source;

/// The Markdown shown for the position `offset`, and the span it is about.
pub fn hover(source: &Source, config: &Config, offset: usize) -> Option<(Span, String)> {
    let plan = crate::plan::parse(source).ok();
    let text_spans = plan.as_ref().map_or(&[][..], |plan| plan.text_spans.as_slice());
    if let Some(found) = rule_in_comment(source, text_spans, offset) {
        return Some(found);
    }
    let plan = plan?;
    exercise(&plan, config, offset).or_else(|| definition(&plan, config, offset))
}

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// A rule named in a `# runlint: allow` comment.
fn rule_in_comment(source: &Source, text_spans: &[Span], offset: usize) -> Option<(Span, String)> {
    let suppression = crate::suppress::parse(source, text_spans)
        .into_iter()
        .find(|suppression| contains(suppression.span, offset))?;
    let meta = crate::rules::find(&suppression.rule)?;
    let mut text = format!("**{}**: {}", meta.name, meta.summary);
    let sources = meta.doc_section("## Sources").trim();
    if !sources.is_empty() {
        text.push_str(&format!("\n\n{sources}"));
    }
    if meta.is_rule() {
        text.push_str(&format!("\n\n[Documentation]({})", meta.help_uri()));
    }
    Some((suppression.span, text))
}

/// An exercise in a session: catalogue facts and its weight at this prescription.
fn exercise(plan: &Plan, config: &Config, offset: usize) -> Option<(Span, String)> {
    let (model, _) = Model::build(plan, &config.catalog);
    let (_, session, view) = model.exercises().find(|(_, _, view)| contains(view.exercise.name.span, offset))?;
    let mut text = catalogue_facts(config, &view.exercise.name.value, view);
    text.push_str(&format!(
        "\n\nHere (week {}, {}): {}, {}.",
        session.week,
        session.day_key,
        markdown_text(&view.exercise.describe()),
        heaviness(view)
    ));
    Some((view.exercise.name.span, text))
}

/// A name in the plan's own `exercises:` list or in `athlete.one_rep_max`.
fn definition(plan: &Plan, config: &Config, offset: usize) -> Option<(Span, String)> {
    let defined = plan.exercises.iter().map(|definition| &definition.name);
    let maxima = plan.athlete.one_rep_max.iter().map(|max| &max.exercise);
    let name = defined.chain(maxima).find(|name| contains(name.span, offset))?;
    let text = match config.catalog.lookup(&name.value) {
        Some(entry) => {
            let tags: Vec<&str> = entry.tags.iter().map(|tag| tag.as_str()).collect();
            format!("**{}** (runlint catalogue): {}", markdown_text(&entry.name), tag_list(&tags))
        }
        None => format!("**{}**: not in runlint's catalogue", markdown_text(&name.value)),
    };
    Some((name.span, text))
}

/// Name, other spellings and tags of an exercise as resolved in the plan.
fn catalogue_facts(config: &Config, written: &str, view: &ExerciseView<'_>) -> String {
    let tags: Vec<&str> = view.tags.iter().map(|tag| tag.as_str()).collect();
    let shown = markdown_text(written);
    let Some(entry) = config.catalog.lookup(written) else {
        return match view.identity {
            Some(_) => format!("**{shown}** (defined in this plan): {}", tag_list(&tags)),
            None => format!(
                "**{shown}**: not in runlint's catalogue, so no rule counts it. Define it under \
                 `exercises:` in the plan or in `runlint.toml` with its tags."
            ),
        };
    };
    let mut text = format!("**{}** (runlint catalogue): {}", markdown_text(&entry.name), tag_list(&tags));
    let spellings = config.catalog.other_spellings(&entry.name);
    if !spellings.is_empty() {
        let spellings: Vec<String> = spellings.iter().map(|spelling| markdown_text(spelling)).collect();
        text.push_str(&format!("\n\nAlso recognised as: {}", spellings.join(", ")));
    }
    text
}

/// Text from a plan or a config as literal Markdown: control characters and line breaks
/// shown escaped (one line, as everywhere), and every character Markdown could read as
/// markup (emphasis, links, HTML, code) backslash-escaped, so a name cannot add a link
/// or an image to the editor's hover.
fn markdown_text(text: &str) -> String {
    let line = crate::safe_text::line(text);
    let mut escaped = String::with_capacity(line.len());
    for character in line.chars() {
        if character.is_ascii_punctuation() {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

fn tag_list(tags: &[&str]) -> String {
    if tags.is_empty() { "no tags".to_owned() } else { tags.join(", ") }
}

/// Whether the lift counts as heavy here, and why, in the effort model's terms.
fn heaviness(view: &ExerciseView<'_>) -> String {
    let Some(load) = view.exercise.load.as_ref().map(|load| load.value) else {
        return "not heavy (no load given)".to_owned();
    };
    let verdict = if view.is_heavy { "heavy" } else { "not heavy" };
    let share = effort::share_of_max(load, view.max_kg);
    match (load, share) {
        (Load::Heavy, _) => "heavy (the load says so)".to_owned(),
        (Load::Rpe(rpe), _) => format!("{verdict} (RPE {rpe}; heavy from RPE {})", effort::HEAVY_RPE),
        (_, Some(share)) => format!(
            "{verdict} (about {:.0}% of one-rep max; heavy from {:.0}%)",
            share * 100.0,
            effort::HEAVY_SHARE_OF_MAX * 100.0
        ),
        (Load::Kg(_) | Load::Lb(_), None) => format!("{verdict} (no one-rep max known to compare the load with)"),
        (load, None) => format!("{verdict} (load `{load}`)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_is_literal_in_markdown() {
        let hostile = "[calf](https://evil.example) <img src=x> **bold** `code`\nline";
        let shown = markdown_text(hostile);
        assert_eq!(shown, r"\[calf\]\(https\:\/\/evil\.example\) \<img src\=x\> \*\*bold\*\* \`code\`\\u\{a\}line");
        assert!(!shown.contains('\n'));
        assert_eq!(markdown_text("reverse lunge"), "reverse lunge");
    }
}
