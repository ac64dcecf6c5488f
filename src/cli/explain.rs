//! Commands that only print: a rule's documentation, the rule list, the plan schema.

use std::io::{self, Write};
use std::process::ExitCode;

use super::EXIT_FAILURE;
use super::output::{RunError, finish, report_run_error};
use crate::diagnostic::Severity;
use crate::meta::BUILTINS;
use crate::safe_text;

/// `--explain RULE`: the doc of a rule or built-in check, as plain text for a terminal.
pub(super) fn explain(name: &str) -> ExitCode {
    match crate::rules::find(name) {
        Some(meta) => finish(write!(io::stdout().lock(), "{}", super::terminal_text::plain(meta.doc))),
        None => {
            let names = crate::rules::registry().iter().map(|meta| meta.name);
            let help = match crate::suggest::did_you_mean(name, names) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => "`runlint --list-rules` lists every rule and check".to_owned(),
            };
            report_run_error(RunError::UnknownRule { name: safe_text::line(name).into_owned(), help });
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `--list-rules`: the rules, then the built-in checks (which have no category).
pub(super) fn print_rule_list() -> io::Result<()> {
    let mut out = io::stdout().lock();
    let metas = crate::rules::registry();
    let width = metas.iter().map(|meta| meta.name.len()).max().unwrap_or(0);
    writeln!(out, "{:<width$}  {:<11}  {:<8}  summary", "rule", "category", "default")?;
    for meta in metas.iter().filter(|meta| meta.is_rule()).chain(BUILTINS) {
        let severity = meta.default_severity.map_or("off", Severity::as_str);
        let category = meta.category.map_or("built-in", |category| category.as_str());
        writeln!(out, "{:<width$}  {:<11}  {:<8}  {}", meta.name, category, severity, meta.summary)?;
    }
    Ok(())
}

/// `--print-schema`.
pub(super) fn print_schema() -> ExitCode {
    let schema = serde_json::to_string_pretty(&crate::plan::schema::plan_schema()).unwrap_or_default();
    finish(writeln!(io::stdout().lock(), "{schema}"))
}
