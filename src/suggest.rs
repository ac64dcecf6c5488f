//! "Did you mean" suggestions by string similarity.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    nearest(word, candidates, 1).into_iter().next()
}

/// Up to `limit` candidates close to `word`, best first; ties keep candidate order.
pub fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>, limit: usize) -> Vec<&'c str> {
    let word = word.to_lowercase();
    let mut scored: Vec<(f64, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .map(|(index, candidate)| (strsim::jaro_winkler(&word, &candidate.to_lowercase()), index, candidate))
        .filter(|(score, _, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(limit).map(|(_, _, candidate)| candidate).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(did_you_mean("sest", ["sets", "reps", "load"]), Some("sets"));
        assert_eq!(did_you_mean("wek", ["week", "weeks", "days"]), Some("week"));
        assert_eq!(did_you_mean("banana", ["sets", "reps"]), None);
    }
}
