//! Finding and reading the run's config file.

use std::path::PathBuf;

use super::args::Args;
use super::output::{RunError, report_run_error, say};
use crate::config::Config;
use crate::discover;
use crate::render::PathProblem;
use crate::safe_text;
use crate::source::Source;

/// The run's configuration, or what is wrong with it (already shown on standard error).
pub(super) fn load_config(args: &Args) -> Result<Config, Vec<PathProblem>> {
    if args.no_config {
        if args.verbose {
            say(format_args!("runlint: config: none (--no-config)"));
        }
        return Ok(Config::default());
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let path = match &args.config {
        Some(path) => path.clone(),
        None => match crate::config::find(&cwd) {
            Some(path) => path,
            None => {
                if args.verbose {
                    say(format_args!("runlint: config: none found up to the repository root; defaults apply"));
                }
                return Ok(Config::default());
            }
        },
    };
    let name = discover::display_path(path.strip_prefix(&cwd).unwrap_or(&path));
    if args.verbose {
        say(format_args!("runlint: config: {}", safe_text::line(&name)));
    }
    let text = match discover::read_config_file(&path) {
        Ok(text) => text,
        Err(error) => {
            let message = discover::describe_io_error(&error);
            let path = safe_text::line(&name).into_owned();
            report_run_error(RunError::Config { path, message: message.clone() });
            return Err(vec![PathProblem { path: name, message }]);
        }
    };
    let base = path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), PathBuf::from);
    crate::config::parse(&name, &text, &base).map_err(|errors| {
        let source = Source::new(name.clone(), text.clone());
        errors
            .into_iter()
            .map(|error| {
                let at = source.position(error.range().start);
                let problem = PathProblem {
                    path: name.clone(),
                    message: format!("{}:{}: {}", at.line, at.column, error.message()),
                };
                say(format_args!("{:?}", miette::Report::new(error)));
                problem
            })
            .collect()
    })
}
