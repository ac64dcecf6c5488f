//! What every fuzz target checks after linting: diagnostics inside the text on character
//! boundaries, and every renderer accepting them.

use runlint::config::Config;
use runlint::diagnostic::Diagnostic;
use runlint::render::{LintedFile, Format, RenderOptions, render};
use runlint::source::Source;

pub fn lint_and_check(source: Source, unreadable: Option<Diagnostic>) {
    let diagnostics = match unreadable {
        Some(diagnostic) => vec![diagnostic],
        None => runlint::lint_source(&source, &Config::default()),
    };
    let text = source.text();
    for d in &diagnostics {
        for span in std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)) {
            assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} outside the text");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "span {span:?} splits a char");
        }
    }
    // Rendering costs more than linting; every format still sees a sixteenth of the inputs.
    if text.len() % 16 != 0 {
        return;
    }
    let reports = [LintedFile { source, diagnostics }];
    for format in [Format::Human, Format::Short, Format::Json, Format::Sarif, Format::Github, Format::Junit] {
        let mut out = Vec::new();
        assert!(render(format, &reports, &RenderOptions::default(), &mut out).is_ok());
    }
}
