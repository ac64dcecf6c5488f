//! Folding: one entry per problem. The findings of one rule in one file are usually the
//! same advice in many places (a gym programme pasted into every week lacks calf work in
//! every session), so the human and GitHub formats show the first occurrence in full and
//! the other places as one compact list. The occurrence shown in full is the clearest one
//! (the most serious, then the one with the most evidence), and a file's entries come
//! errors first, then by place. Machine formats keep every occurrence and say which entry
//! each is folded into.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::meta::Fold;
use crate::source::Source;

/// Places listed by name after the first occurrence; the rest are counted.
const LISTED_PLACES: usize = 6;

/// One entry: the first occurrence of a problem and where else it occurs.
#[derive(Debug)]
pub struct Entry<'d> {
    /// The occurrence shown in full.
    pub first: &'d Diagnostic,
    /// The other occurrences, in file order.
    pub others: Vec<&'d Diagnostic>,
}

/// The group a diagnostic folds into, or `None` when it is always shown on its own.
fn group_key(diagnostic: &Diagnostic) -> Option<(&'static str, &str, &str)> {
    let check = diagnostic.check.unwrap_or("");
    match diagnostic.rule.fold {
        Fold::Never => None,
        Fold::ByRule => Some((diagnostic.rule.name, check, "")),
        Fold::ByMessage => Some((diagnostic.rule.name, check, diagnostic.message.as_str())),
    }
}

/// How clearly an occurrence shows its problem: the most serious first, then the one
/// with the most evidence (related places), then the earliest.
fn clarity(diagnostic: &Diagnostic) -> (crate::diagnostic::Severity, usize) {
    (diagnostic.severity, diagnostic.labels.len())
}

/// For each diagnostic of one file (sorted by position), the index of the diagnostic it
/// folds into (its group's clearest occurrence), or `None` when it is an entry of its own.
pub fn folded_into(diagnostics: &[Diagnostic]) -> Vec<Option<usize>> {
    let mut headline_of: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        let Some(key) = group_key(diagnostic) else { continue };
        let headline = headline_of.entry(key).or_insert(index);
        if diagnostics.get(*headline).is_some_and(|current| clarity(diagnostic) > clarity(current)) {
            *headline = index;
        }
    }
    diagnostics
        .iter()
        .enumerate()
        .map(|(index, diagnostic)| {
            let headline = *headline_of.get(&group_key(diagnostic)?)?;
            (headline != index).then_some(headline)
        })
        .collect()
}

/// The entries of one file, errors first, then by the place of their headline.
pub fn entries(diagnostics: &[Diagnostic]) -> Vec<Entry<'_>> {
    let folded = folded_into(diagnostics);
    let mut entry_of: HashMap<usize, usize> = HashMap::new();
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        if folded.get(index).copied().flatten().is_none() {
            entry_of.insert(index, entries.len());
            entries.push(Entry { first: diagnostic, others: Vec::new() });
        }
    }
    for (diagnostic, into) in diagnostics.iter().zip(folded) {
        if let Some(entry) = into.and_then(|headline| entry_of.get(&headline)).and_then(|&at| entries.get_mut(at)) {
            entry.others.push(diagnostic);
        }
    }
    by_severity(entries)
}

/// Every occurrence as an entry of its own (`--show-all`), errors first, then by place.
pub fn unfolded(diagnostics: &[Diagnostic]) -> Vec<Entry<'_>> {
    by_severity(diagnostics.iter().map(|first| Entry { first, others: Vec::new() }).collect())
}

/// Errors first, then warnings, then infos; by place within each (a stable sort keeps
/// the file order).
fn by_severity(mut entries: Vec<Entry<'_>>) -> Vec<Entry<'_>> {
    entries.sort_by_key(|entry| std::cmp::Reverse(entry.first.severity));
    entries
}

/// The entries a format shows: folded, or each occurrence with `--show-all`.
pub fn entries_for(diagnostics: &[Diagnostic], show_all: bool) -> Vec<Entry<'_>> {
    if show_all { unfolded(diagnostics) } else { entries(diagnostics) }
}

/// `week 3 tue, line 41`, or `line 41` for a finding outside the calendar.
fn place(source: &Source, diagnostic: &Diagnostic) -> String {
    let line = source.line_of(diagnostic.span.start);
    match (diagnostic.week, diagnostic.day) {
        (Some(week), Some(day)) => format!("week {week} {day}, line {line}"),
        (Some(week), None) => format!("week {week}, line {line}"),
        _ => format!("line {line}"),
    }
}

/// The note under a folded entry: `17 more in weeks 2-24: week 2 tue, line 58; ...`.
pub fn others_note(source: &Source, entry: &Entry<'_>) -> Option<String> {
    if entry.others.is_empty() {
        return None;
    }
    let weeks: Vec<u32> = entry.others.iter().filter_map(|d| d.week).collect();
    let span = match (weeks.iter().min(), weeks.iter().max()) {
        (Some(first), Some(last)) if first == last => format!(" in week {first}"),
        (Some(first), Some(last)) => format!(" in weeks {first}-{last}"),
        _ => String::new(),
    };
    let listed: Vec<String> = entry.others.iter().take(LISTED_PLACES).map(|d| place(source, d)).collect();
    let rest = entry.others.len().saturating_sub(LISTED_PLACES);
    let tail = if rest > 0 { format!("; and {rest} more") } else { String::new() };
    Some(format!("{} more{span}: {}{tail} (`--show-all` prints each)", entry.others.len(), listed.join("; ")))
}
