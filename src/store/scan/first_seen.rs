//! Telling a duplicate entry id from two ids that share a hash, in little memory: the day
//! each id was first seen, kept as a hash of the id and the day.

use super::*;

/// The day each entry id was first seen on, to notice an id seen again (a duplicate), in
/// 9 to 18 bytes an entry: a 32-bit hash of the id and the day. Kept whole, as ids and paths,
/// they made `closer doctor` take 163 MB at a million entries instead of 35. Two ids can share a hash (a hundred
/// pairs or so in a million): whenever an id's hash was seen before, the day file it was seen
/// in is read again to tell, and an id that only shares the hash is kept whole.
pub(super) struct FirstSeen {
    pub(super) hasher: foldhash::quality::RandomState,
    /// The bits of the hash kept (all but in a test, which makes ids share hashes).
    pub(super) mask: u32,
    /// The hash of the first id seen with it, and that id's day (days from the common era).
    pub(super) days: HashMap<u32, i32, foldhash::fast::RandomState>,
    /// Ids whose hash another id had first, and their day.
    pub(super) whole: HashMap<EntryId, i32, foldhash::fast::RandomState>,
}

impl Default for FirstSeen {
    fn default() -> FirstSeen {
        FirstSeen {
            hasher: Default::default(),
            // In this crate's own tests every id shares one of two hashes, so that each read
            // there goes through telling them apart (the tests in tests/ use the whole hash).
            mask: if cfg!(test) { 1 } else { u32::MAX },
            days: HashMap::default(),
            whole: HashMap::default(),
        }
    }
}

impl FirstSeen {
    /// The day `id` was first seen on, when it was seen before; otherwise it is noted as seen
    /// on `day`, and `None`. `holds(first)` says whether the day file of `first` holds `id`:
    /// asked only when an id seen on `first` has the same hash.
    pub(super) fn seen_before(
        &mut self,
        id: &EntryId,
        day: NaiveDate,
        holds: impl FnOnce(NaiveDate) -> bool,
    ) -> Option<NaiveDate> {
        let here = day.num_days_from_ce();
        if let Some(&first) = self.whole.get(id) {
            return NaiveDate::from_num_days_from_ce_opt(first);
        }
        match self.days.entry(self.hash(id)) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(here);
                None
            }
            std::collections::hash_map::Entry::Occupied(slot) => {
                let first = NaiveDate::from_num_days_from_ce_opt(*slot.get());
                match first.filter(|&first| holds(first)) {
                    Some(first) => Some(first),
                    None => {
                        self.whole.insert(id.clone(), here);
                        None
                    }
                }
            }
        }
    }

    /// Whether `id` was seen in a day file (`holds` as for [`FirstSeen::seen_before`]),
    /// noting nothing.
    pub(super) fn seen_in_a_day(
        &self,
        id: &EntryId,
        holds: impl FnOnce(NaiveDate) -> bool,
    ) -> bool {
        self.whole.contains_key(id)
            || self
                .days
                .get(&self.hash(id))
                .and_then(|&first| NaiveDate::from_num_days_from_ce_opt(first))
                .is_some_and(holds)
    }

    pub(super) fn hash(&self, id: &EntryId) -> u32 {
        // The low half of a good 64-bit hash.
        std::hash::BuildHasher::hash_one(&self.hasher, id.as_str()) as u32 & self.mask
    }
}
