//! Work spread over the cores: reading and rendering posts is most of a build's time, and each
//! post is independent of the others.

use std::thread;

/// `work` applied to every item, results in the items' order. Items are striped over up to 8
/// threads rather than chunked, which keeps every thread busy when big posts cluster.
pub fn map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(items.len().max(1));
    let mut results: Vec<Option<R>> = Vec::new();
    results.resize_with(items.len(), || None);
    let work = &work;
    thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    (worker..items.len())
                        .step_by(workers)
                        .map(|i| (i, work(&items[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            match handle.join() {
                Ok(done) => {
                    for (i, result) in done {
                        results[i] = Some(result);
                    }
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    results.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_items_order() {
        let items: Vec<u32> = (0..100).collect();
        assert_eq!(
            super::map(&items, |n| n * 2),
            (0..100).map(|n| n * 2).collect::<Vec<_>>()
        );
        assert!(super::map(&[] as &[u32], |n| *n).is_empty());
    }
}
