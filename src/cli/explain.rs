//! Commands that only print: a rule's documentation, the rule list, the plan schema.

use std::io::{self, Write};
use std::process::ExitCode;

use super::EXIT_FAILURE;
use super::output::{RunError, finish, report_run_error};
use crate::diagnostic::Severity;
use crate::rules::RULES;
use crate::safe_text;

/// `--explain RULE`.
pub(super) fn explain(name: &str) -> ExitCode {
    match crate::rules::find_rule(name) {
        Some(rule) => finish(writeln!(io::stdout().lock(), "{}", rule.meta.doc.trim_end())),
        None => {
            let names = RULES.iter().map(|rule| rule.meta.name);
            let help = match crate::suggest::did_you_mean(name, names) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => "`runlint --list-rules` lists every rule".to_owned(),
            };
            report_run_error(RunError::UnknownRule { name: safe_text::line(name).into_owned(), help });
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `--list-rules`.
pub(super) fn print_rule_list() -> io::Result<()> {
    let mut out = io::stdout().lock();
    let width = RULES.iter().map(|rule| rule.meta.name.len()).max().unwrap_or(0);
    writeln!(out, "{:<width$}  {:<11}  {:<8}  summary", "rule", "category", "default")?;
    for meta in RULES.iter().map(|rule| &rule.meta) {
        let severity = meta.default_severity.map_or("off", Severity::as_str);
        let category = meta.category.map_or("", |category| category.as_str());
        writeln!(out, "{:<width$}  {:<11}  {:<8}  {}", meta.name, category, severity, meta.summary)?;
    }
    Ok(())
}

/// `--print-schema`.
pub(super) fn print_schema() -> ExitCode {
    let schema = serde_json::to_string_pretty(&crate::plan::schema::plan_schema()).unwrap_or_default();
    finish(writeln!(io::stdout().lock(), "{schema}"))
}
