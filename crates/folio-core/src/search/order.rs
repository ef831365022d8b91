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
    sort_keys(&mut keys);
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    keys.into_iter()
        .filter_map(|k| slots[(k & 0xFF_FFFF) as usize].take())
        .collect()
}

/// Sorts `u64` keys in increasing order. Heapsort: O(n log n) with no allocation, and a
/// fraction of the code of the standard library's sorts (which the search code no longer links).
pub fn sort_keys(keys: &mut [u64]) {
    let n = keys.len();
    for start in (0..n / 2).rev() {
        sift_down(keys, start, n);
    }
    for end in (1..n).rev() {
        keys.swap(0, end);
        sift_down(keys, 0, end);
    }
}

/// Moves `keys[root]` down the max-heap `keys[..end]` to its place.
fn sift_down(keys: &mut [u64], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && keys[child + 1] > keys[child] {
            child += 1;
        }
        if keys[root] >= keys[child] {
            return;
        }
        keys.swap(root, child);
        root = child;
    }
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

    #[test]
    fn sorts_keys_like_the_standard_sort() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for n in [0, 1, 2, 3, 10, 257, 4096] {
            let mut keys: Vec<u64> = (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state % 1000
                })
                .collect();
            let mut want = keys.clone();
            want.sort_unstable();
            sort_keys(&mut keys);
            assert_eq!(keys, want, "{n} keys");
        }
    }
}
