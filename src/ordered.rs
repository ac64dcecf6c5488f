//! Work on many items in parallel, results consumed in the items' order as soon as each
//! is next: how a run lints files on worker threads while writing their output in file
//! order, holding only the few results that finished early.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `work` on every item on up to `threads` threads and passes the results to
/// `consume` in the items' order. Workers take items in order, and at most a few results
/// wait for an earlier one. With one thread (or when no thread can be started) everything
/// runs on the calling thread.
pub fn for_each_in_order<T, R>(items: &[T], threads: usize, work: impl Fn(&T) -> R + Sync, mut consume: impl FnMut(R))
where
    T: Sync,
    R: Send,
{
    if threads <= 1 || items.len() <= 1 {
        items.iter().map(&work).for_each(consume);
        return;
    }
    let next_item = AtomicUsize::new(0);
    // Room for a few results per worker: a worker far ahead waits instead of piling up output.
    let (sender, receiver) = crossbeam_channel::bounded::<(usize, R)>(threads * 4);
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..threads {
            let sender = sender.clone();
            let (next_item, work) = (&next_item, &work);
            let worker = std::thread::Builder::new().spawn_scoped(scope, move || {
                loop {
                    let index = next_item.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(index) else { break };
                    if sender.send((index, work(item))).is_err() {
                        break;
                    }
                }
            });
            started += usize::from(worker.is_ok());
        }
        drop(sender);
        if started == 0 {
            items.iter().map(&work).for_each(&mut consume);
            return;
        }
        let mut waiting = BTreeMap::new();
        let mut expected = 0;
        for (index, result) in receiver {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&expected) {
                consume(result);
                expected += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_threads() {
        let items: Vec<u64> = (0..500).collect();
        for threads in [1, 2, 7] {
            let mut seen = Vec::new();
            // Uneven work, so results finish out of order.
            for_each_in_order(&items, threads, |&n| (0..(n % 13) * 1000).fold(n, |a, b| a ^ b) ^ n, |_| {});
            for_each_in_order(&items, threads, |&n| n * 2, |r| seen.push(r));
            assert_eq!(seen, items.iter().map(|n| n * 2).collect::<Vec<_>>(), "{threads} threads");
        }
    }
}
