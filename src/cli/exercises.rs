//! `runlint exercises [FILTER]`: the names runlint knows, so a coach can find the one
//! to write (or see why a name is unknown).

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::safe_text;

/// Prints each exercise of the catalogue whose name, spellings or tags contain `filter`
/// (any case): its name, its tags, then the other spellings it accepts.
pub(super) fn print(catalog: &Catalog, filter: Option<&str>) -> io::Result<()> {
    let filter = filter.map(str::to_lowercase);
    let mut out = io::stdout().lock();
    let mut shown = 0;
    for entry in catalog.entries() {
        // A config may redefine a built-in exercise: only the definition in force is shown.
        if catalog.lookup(&entry.name).is_some_and(|found| !std::ptr::eq(found, entry)) {
            continue;
        }
        let tags = entry.tags.iter().map(crate::tags::Tag::as_str).collect::<Vec<_>>().join(", ");
        let spellings = catalog.other_spellings(&entry.name);
        let matches = |text: &str| filter.as_ref().is_none_or(|filter| text.to_lowercase().contains(filter.as_str()));
        if !(matches(&entry.name) || matches(&tags) || spellings.iter().any(|spelling| matches(spelling))) {
            continue;
        }
        shown += 1;
        // Configured exercises come from a config file: shown as text, never as controls.
        writeln!(out, "{}  [{tags}]", safe_text::line(&entry.name))?;
        if !spellings.is_empty() {
            writeln!(out, "    also: {}", safe_text::line(&spellings.join(", ")))?;
        }
    }
    if shown == 0 {
        let filter = safe_text::line(filter.as_deref().unwrap_or(""));
        super::output::say(format_args!("runlint: no exercise matches `{filter}`"));
    }
    Ok(())
}
