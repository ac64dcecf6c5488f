//! Stable identities for findings, shared by the formats that let a CI service follow a
//! finding from run to run (SARIF's `partialFingerprints`, GitLab's `fingerprint`).

use std::collections::HashMap;

use super::{LintedFile, RenderOptions};
use crate::diagnostic::Diagnostic;

/// Fingerprints of one file's findings: from the file, the rule and the logical location
/// in the plan, so a finding keeps its identity when lines move above it. Repeats get a
/// counter.
pub(super) struct Fingerprinter {
    /// The file by its repository path when the run knows it, so the identity does not
    /// depend on the folder runlint ran from.
    file: String,
    seen: HashMap<String, usize>,
}

impl Fingerprinter {
    /// Fingerprints for the findings of `report`.
    pub(super) fn new(report: &LintedFile, options: &RenderOptions) -> Fingerprinter {
        let name = report.source.name();
        let file = options.base.as_ref().and_then(|base| base.relative(name)).unwrap_or_else(|| name.to_owned());
        Fingerprinter { file, seen: HashMap::new() }
    }

    /// The next finding's fingerprint.
    pub(super) fn next(&mut self, diagnostic: &Diagnostic) -> String {
        let place = diagnostic.path.as_deref().unwrap_or(&diagnostic.message);
        let key = format!("{}\u{0}{}\u{0}{place}", self.file, diagnostic.rule.name);
        let hash = fnv1a(key.as_bytes());
        let count = self.seen.entry(key).or_insert(0);
        *count += 1;
        format!("{hash:016x}:{count}")
    }
}

/// FNV-1a, a small stable hash: fingerprints must not change between runs or versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}
