//! Sorting by packed `u64` keys.
//!
//! Every `sort_by` with its own comparator is a separate copy of the sort routine in the wasm
//! binary (3-4 kB each, measured: sorting was a quarter of the search code). Sorting plain `u64`
//! keys everywhere keeps one copy.

/// Items in increasing `key` order, ties in input order. `key` must fit in 40 bits (the low 24
/// bits carry the item's position, so at most 2^24 items).
pub fn sorted_by_key<T>(items: Vec<T>, key: impl Fn(&T) -> u64) -> Vec<T> {
    debug_assert!(items.len() < 1 << 24);
    let mut keys: Vec<u64> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item) << 24) | i as u64)
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    keys.into_iter()
        .filter_map(|k| slots[(k & 0xFF_FFFF) as usize].take())
        .collect()
}

/// Order-preserving bits of a non-negative float.
pub fn float_key(x: f32) -> u64 {
    u64::from(x.max(0.0).to_bits())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_key() {
        let v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd')];
        assert_eq!(
            sorted_by_key(v, |x| x.0),
            [(0, 'd'), (1, 'b'), (3, 'a'), (3, 'c')]
        );
        assert!(float_key(0.5) < float_key(1.5) && float_key(0.0) < float_key(1e-9));
    }
}
