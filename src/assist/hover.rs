//! Hover: what runlint knows of the exercise under the cursor (its catalogue entry and
//! whether it counts as heavy where it is written), and what a rule named in an `allow`
//! comment is about.

use super::Analysis;
use crate::config::Config;
use crate::diagnostic::Span;
use crate::model::{ExerciseView, Model, effort};
use crate::plan::{Load, Plan};
use crate::source::Source;

/// How the client shows a hover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Markup {
    /// Markdown: names in bold, plan text escaped so it stays literal.
    #[default]
    Markdown,
    /// Plain text, for clients that ask for it.
    PlainText,
}

impl Markup {
    /// Text from a plan or a config, shown as written (one line).
    fn literal(self, text: &str) -> String {
        match self {
            Markup::Markdown => markdown_text(text),
            Markup::PlainText => crate::safe_text::line(text).into_owned(),
        }
    }

    /// A name from a plan or a config in bold, where the markup has bold.
    fn strong(self, text: &str) -> String {
        self.bold(&self.literal(text))
    }

    /// runlint's own words (a rule's name) in bold, where the markup has bold.
    fn bold(self, word: &str) -> String {
        match self {
            Markup::Markdown => format!("**{word}**"),
            Markup::PlainText => word.to_owned(),
        }
    }

    /// A word of the plan format (`exercises:`), set as code where the markup has it.
    fn code(self, word: &str) -> String {
        match self {
            Markup::Markdown => format!("`{word}`"),
            Markup::PlainText => word.to_owned(),
        }
    }

    /// A link.
    fn link(self, label: &str, url: &str) -> String {
        match self {
            Markup::Markdown => format!("[{label}]({url})"),
            Markup::PlainText => format!("{label}: {url}"),
        }
    }
}

/// What is shown for the position `offset` of `source` (analysed as `analysis`), in
/// `markup`, and the span it is about.
pub fn hover(source: &Source, analysis: &Analysis, offset: usize, markup: Markup) -> Option<(Span, String)> {
    let text_spans = analysis.plan().map_or(&[][..], |plan| plan.text_spans.as_slice());
    if let Some(found) = rule_in_comment(source, text_spans, offset, markup) {
        return Some(found);
    }
    let config = &analysis.config;
    exercise(analysis.model()?, config, offset, markup).or_else(|| definition(analysis.plan()?, config, offset, markup))
}

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// A rule named in a `# runlint: allow` comment.
fn rule_in_comment(source: &Source, text_spans: &[Span], offset: usize, markup: Markup) -> Option<(Span, String)> {
    let suppression = crate::suppress::parse(source, text_spans)
        .into_iter()
        .find(|suppression| contains(suppression.span, offset))?;
    let meta = crate::rules::find(&suppression.rule)?;
    let mut text = format!("{}: {}", markup.bold(meta.name), meta.summary);
    let sources = meta.doc_section("## Sources").trim();
    if !sources.is_empty() {
        text.push_str(&format!("\n\n{sources}"));
    }
    text.push_str(&format!("\n\n{}", markup.link("Documentation", &meta.help_uri())));
    Some((suppression.span, text))
}

/// An exercise in a session: catalogue facts and its weight at this prescription.
fn exercise(model: &Model<'_>, config: &Config, offset: usize, markup: Markup) -> Option<(Span, String)> {
    let (_, session, view) = model.exercises().find(|(_, _, view)| contains(view.exercise.name.span, offset))?;
    let mut text = catalogue_facts(config, &view.exercise.name.value, view, markup);
    text.push_str(&format!(
        "\n\nHere (week {}, {}): {}, {}.",
        session.week,
        session.day_key,
        markup.literal(&view.exercise.describe()),
        heaviness(view)
    ));
    Some((view.exercise.name.span, text))
}

/// A name in the plan's own `exercises:` list or in `athlete.one_rep_max`.
fn definition(plan: &Plan, config: &Config, offset: usize, markup: Markup) -> Option<(Span, String)> {
    let defined = plan.exercises.iter().map(|definition| &definition.name);
    let maxima = plan.athlete.one_rep_max.iter().map(|max| &max.exercise);
    let name = defined.chain(maxima).find(|name| contains(name.span, offset))?;
    let text = match config.catalog.lookup(&name.value) {
        Some(entry) => {
            let tags: Vec<&str> = entry.tags.iter().map(|tag| tag.as_str()).collect();
            format!("{} (runlint catalogue): {}", markup.strong(&entry.name), tag_list(&tags))
        }
        None => format!("{}: not in runlint's catalogue", markup.strong(&name.value)),
    };
    Some((name.span, text))
}

/// Name, other spellings and tags of an exercise as resolved in the plan.
fn catalogue_facts(config: &Config, written: &str, view: &ExerciseView<'_>, markup: Markup) -> String {
    let tags: Vec<&str> = view.tags.iter().map(|tag| tag.as_str()).collect();
    let shown = markup.strong(written);
    let Some(entry) = config.catalog.lookup(written) else {
        return match view.identity {
            Some(_) => format!("{shown} (defined in this plan): {}", tag_list(&tags)),
            None => format!(
                "{shown}: not in runlint's catalogue, so no rule counts it. Define it under {} in the \
                 plan or in {} with its tags.",
                markup.code("exercises:"),
                markup.code("runlint.toml")
            ),
        };
    };
    let mut text = format!("{} (runlint catalogue): {}", markup.strong(&entry.name), tag_list(&tags));
    let spellings = config.catalog.other_spellings(&entry.name);
    if !spellings.is_empty() {
        let spellings: Vec<String> = spellings.iter().map(|spelling| markup.literal(spelling)).collect();
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
