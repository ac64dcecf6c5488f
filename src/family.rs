//! Exercise families for "did you mean": a suggestion for an unknown exercise name only
//! proposes a known exercise of the same family, so `hammer curl` never becomes
//! `hamstring curl` and `hurdle hops` never becomes a calf raise.

use crate::tags::{Tag, TagSet};

/// What kind of exercise a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Jumps, hops, bounds.
    Plyometric,
    /// Stretching and rolling.
    Mobility,
    /// Trunk work.
    Core,
    /// Leg strength work.
    Legs,
    /// Arms, chest, back and shoulders.
    Upper,
}

/// Words that give a name's family away, checked in this order (so `leg press` is legs
/// before `press` makes it upper, and `pallof press` is core). Names are folded first:
/// lowercase, hyphens and underscores as spaces.
const WORDS: &[(Family, &[&str])] = &[
    (Family::Plyometric, &["jump", "hop", "bound", "skip", "burpee", "hurdle", "pogo", "plyo"]),
    (Family::Mobility, &["stretch", "foam", "roll ", "rolling", "mobility", "yoga"]),
    (
        Family::Core,
        &[
            "plank",
            "crunch",
            "sit up",
            "situp",
            "ab wheel",
            "rollout",
            "hollow",
            "twist",
            "v up",
            "leg raise",
            "knee raise",
            "dead bug",
            "bird dog",
            "pallof",
            "woodchop",
            "oblique",
            "flutter",
        ],
    ),
    (
        Family::Legs,
        &[
            "squat",
            "lunge",
            "deadlift",
            "calf",
            "step up",
            "step down",
            "bridge",
            "thrust",
            "leg ",
            "hamstring",
            "glute",
            "hip ",
            "nordic",
            "clam",
            "abduct",
            "adduct",
            "split",
            "rdl",
            "quad",
        ],
    ),
    (
        Family::Upper,
        &[
            "curl", "press", "bench", "row", "pull", "chin", "dip", "fly", "shrug", "tricep", "bicep", "skull",
            "raise", "push", "chest", "shoulder", "lat ", "delt", "arm",
        ],
    ),
];

/// The family a written name reveals, if any word gives it away.
pub fn of_name(name: &str) -> Option<Family> {
    let folded = format!(" {} ", name.to_lowercase().replace(['-', '_'], " "));
    WORDS.iter().find(|(_, words)| words.iter().any(|word| folded.contains(word))).map(|(family, _)| *family)
}

/// The family of a known exercise, from its tags.
pub fn of_tags(tags: TagSet) -> Option<Family> {
    if tags.contains(Tag::Plyometric) {
        Some(Family::Plyometric)
    } else if tags.contains(Tag::Mobility) {
        Some(Family::Mobility)
    } else if tags.trains_legs() {
        Some(Family::Legs)
    } else if tags.contains(Tag::Core) {
        Some(Family::Core)
    } else if tags.contains(Tag::Upper) {
        Some(Family::Upper)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_reveal_their_family() {
        assert_eq!(of_name("hammer curl"), Some(Family::Upper));
        assert_eq!(of_name("hamstring curl"), Some(Family::Legs));
        assert_eq!(of_name("Hurdle Hops"), Some(Family::Plyometric));
        assert_eq!(of_name("leg press"), Some(Family::Legs));
        assert_eq!(of_name("pallof press"), Some(Family::Core));
        assert_eq!(of_name("hanging leg raise"), Some(Family::Core));
        assert_eq!(of_name("single-leg calf raise"), Some(Family::Legs));
        assert_eq!(of_name("calf stretch"), Some(Family::Mobility));
        assert_eq!(of_name("zercher carry"), None);
    }
}
