//! The body parts an injury history or a pain report speaks of, recognised inside the
//! phrases coaches write (`sore Achilles tendon two seasons ago`, `patellar tendinopathy`).

/// A body part that rules ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyPart {
    /// The Achilles tendon.
    Achilles,
    /// The knee, including the patellar tendon and the kneecap.
    Knee,
}

impl BodyPart {
    /// The starts of the words that name the part (`patell` covers patella, patellar and
    /// patellofemoral); a word ending in a space must be the whole word.
    fn word_starts(self) -> &'static [&'static str] {
        match self {
            BodyPart::Achilles => &["achilles", "achilles'", "insertional tendin"],
            BodyPart::Knee => &["knee", "patell", "pfps ", "meniscus", "menisci", "acl ", "mcl "],
        }
    }

    /// Whether a phrase speaks of this body part.
    pub fn is_named_in(self, phrase: &str) -> bool {
        // Words separated by single spaces, with one before and after, so `" knee"` is the
        // start of a word and `" acl "` a whole word.
        let mut words = String::with_capacity(phrase.len() + 2);
        words.push(' ');
        for word in phrase.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()) {
            words.push_str(&word.to_lowercase());
            words.push(' ');
        }
        self.word_starts().iter().any(|start| words.contains(&format!(" {start}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_part_inside_a_phrase() {
        assert!(BodyPart::Achilles.is_named_in("sore Achilles tendon two seasons ago"));
        assert!(BodyPart::Achilles.is_named_in("achilles"));
        assert!(BodyPart::Knee.is_named_in("patellar tendinopathy"));
        assert!(BodyPart::Knee.is_named_in("Runner's knee (PFPS), 2023"));
        assert!(BodyPart::Knee.is_named_in("left knee aches on stairs"));
        assert!(BodyPart::Knee.is_named_in("ACL reconstruction"));
    }

    #[test]
    fn does_not_find_it_inside_other_words() {
        assert!(!BodyPart::Knee.is_named_in("shin splints"));
        assert!(!BodyPart::Knee.is_named_in("oracle"));
        assert!(!BodyPart::Achilles.is_named_in("plantar fasciitis"));
    }
}
