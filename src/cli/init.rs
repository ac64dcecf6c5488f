//! `runlint init`: a starter plan a coach edits, and a `runlint.toml` with every rule
//! and option at its default, each said in a comment. Never overwrites a file.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::output::{RunError, report_run_error, say};
use super::{EXIT_CLEAN, EXIT_FAILURE};
use crate::config::{CONFIG_NAMES, Config};
use crate::safe_text;

/// The plan `runlint init` writes: short, and clean under the default rules.
pub const STARTER_PLAN: &str = include_str!("../../examples/starter-plan.yaml");

/// The name of the plan `runlint init` writes.
const PLAN_NAME: &str = "training-plan.yaml";

/// The `runlint.toml` of the defaults, with what each part is for.
pub fn default_config_toml() -> String {
    let mut text = String::from(
        "# runlint.toml: how runlint judges the plans in this directory and below it (up to the\n\
         # repository root, unless a nearer runlint.toml says otherwise). Every rule and option\n\
         # is at its default; `runlint --explain RULE` says what a rule checks and why.\n\
         \n\
         # Paths to skip when walking directories (globs, relative to this file).\n\
         exclude = []\n",
    );
    text.push_str(&super::settings::rules_toml(&Config::default()));
    text.push_str(
        "\n# Exercises of your own, by their tags or like a known one (`runlint exercises` lists\n\
         # the known ones):\n\
         [exercises]\n\
         # \"copenhagen adduction\" = { tags = [\"core\", \"adductors\", \"isometric\"] }\n\
         # \"skater bound\" = { like = \"lateral bound\" }\n",
    );
    text
}

/// `runlint init DIR`.
pub(super) fn init(dir: &Path) -> ExitCode {
    let config_taken = CONFIG_NAMES.iter().find(|name| dir.join(name).exists());
    let files = [(PLAN_NAME, STARTER_PLAN.to_owned(), None), ("runlint.toml", default_config_toml(), config_taken)];
    let mut failed = false;
    for (name, text, taken) in files {
        let path = dir.join(name);
        let shown = safe_text::line(&crate::discover::display_path(&path)).into_owned();
        if let Some(existing) = taken {
            say(format_args!("runlint: `{existing}` exists; left as it is"));
            continue;
        }
        // `create_new` refuses an existing file, even one made a moment ago.
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| file.write_all(text.as_bytes()).and_then(|()| file.flush()));
        match written {
            Ok(()) => say(format_args!("runlint: wrote `{shown}`")),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                say(format_args!("runlint: `{shown}` exists; left as it is"));
            }
            Err(error) => {
                report_run_error(RunError::Output { path: shown, message: crate::discover::describe_io_error(&error) });
                failed = true;
            }
        }
    }
    ExitCode::from(if failed { EXIT_FAILURE } else { EXIT_CLEAN })
}
