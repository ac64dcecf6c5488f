//! Folding exercise names so spelling variants compare equal. Kept free of the rest of the
//! crate: the build script folds the catalogue's names with this same code.

/// Folds an exercise name so spelling variants compare equal: case, hyphens, spaces,
/// apostrophes, simple plurals and the abbreviations SL, RDL, BSS, KB, DB.
pub fn fold_name(name: &str) -> String {
    let lower = name.to_lowercase();
    let cleaned: String = lower
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '.'))
        .map(|c| if matches!(c, '-' | '_' | '/' | '–' | '—') { ' ' } else { c })
        .collect();
    let mut folded = String::with_capacity(cleaned.len() + 8);
    for word in cleaned.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        let singular = singular(word);
        folded.push_str(match singular {
            "sl" => "single leg",
            "rdl" => "romanian deadlift",
            "bss" => "bulgarian split squat",
            "kb" => "kettlebell",
            "db" => "dumbbell",
            other => other,
        });
    }
    folded
}

/// Strips a simple English plural: `lunges` -> `lunge`, `crunches` -> `crunch`; keeps `press`.
fn singular(word: &str) -> &str {
    if word.chars().count() < 3 || word.ends_with("ss") || word.ends_with("us") {
        return word;
    }
    for suffix in ["ches", "shes", "sses", "xes"] {
        if word.ends_with(suffix) {
            return word.get(..word.len() - 2).unwrap_or(word);
        }
    }
    word.strip_suffix('s').unwrap_or(word)
}
