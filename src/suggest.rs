//! "Did you mean": one measure of how far a word is from a known one, the optimal string
//! alignment distance (edits, a swapped pair of letters counting as one), for every
//! suggestion and for deciding which renames are safe.

/// How many edits apart two words are (insertions, deletions, substitutions, and a swap
/// of two neighbouring letters), ignoring case.
pub fn distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase())
}

/// Whether `written` is a typo of `known`: two edits or fewer, and not a short word
/// turned into another (`squat` is no typo of `sprint`).
pub fn is_typo(written: &str, known: &str) -> bool {
    distance(written, known) <= 2
}

/// The most edits a candidate may be from `word` to be suggested: under half the
/// longer one's length (so `tempo run` finds `tempo`), at least one.
fn reach(word: &str, candidate: &str) -> usize {
    let longer = word.chars().count().max(candidate.chars().count());
    (longer.saturating_sub(1) / 2).max(1)
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    nearest(word, candidates, 1).into_iter().next()
}

/// Up to `limit` candidates close to `word`, best first; ties keep candidate order.
pub fn nearest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>, limit: usize) -> Vec<&'c str> {
    let mut scored: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .map(|(index, candidate)| (distance(word, candidate), index, candidate))
        .filter(|&(distance, _, candidate)| distance <= reach(word, candidate))
        .collect();
    scored.sort_by_key(|&(distance, index, _)| (distance, index));
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

    #[test]
    fn a_swapped_pair_is_one_typo() {
        assert_eq!(distance("dumbbell rdl", "dumbbell rld"), 1);
        assert!(is_typo("calf raize", "calf raise"));
        assert!(!is_typo("squat", "sprint"));
    }
}
