//! Work on many items in parallel, results consumed in the items' order as soon as each
//! is next: how a run lints files on worker threads while writing their output in file
//! order, holding only the few results that finished early.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `work` on every item on up to `threads` threads and passes the results to
/// `consume` in the items' order. Workers take items in order, and at most `4 × threads`
/// results wait for an earlier one. With one thread (or when no thread can be started) everything
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
    // A worker takes a ticket before it takes an item and the consumer hands one back for
    // each result it consumes: no worker gets more than `window` items ahead of the output,
    // however slow an early item is. Items are taken in order, so the one the consumer
    // waits for is always held by a worker with a ticket: no deadlock.
    let window = threads * 4;
    let (return_ticket, take_ticket) = crossbeam_channel::bounded::<()>(window);
    for _ in 0..window {
        let _ = return_ticket.send(());
    }
    let (sender, receiver) = crossbeam_channel::unbounded::<(usize, std::thread::Result<R>)>();
    // A panic in `work` is a bug: it reaches the caller as a panic, never as a run that
    // waits forever for the result that will not come.
    let mut failure = None;
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..threads {
            let (sender, take_ticket) = (sender.clone(), take_ticket.clone());
            let (next_item, work) = (&next_item, &work);
            let worker = std::thread::Builder::new().spawn_scoped(scope, move || {
                while take_ticket.recv().is_ok() {
                    let index = next_item.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(index) else { break };
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)));
                    let failed = result.is_err();
                    if sender.send((index, result)).is_err() || failed {
                        break;
                    }
                }
            });
            started += usize::from(worker.is_ok());
        }
        drop((sender, take_ticket));
        if started == 0 {
            items.iter().map(&work).for_each(&mut consume);
            return;
        }
        let mut waiting = BTreeMap::new();
        let mut expected = 0;
        for (index, result) in &receiver {
            let result = match result {
                Ok(result) => result,
                Err(panic) => {
                    failure = Some(panic);
                    break;
                }
            };
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&expected) {
                consume(result);
                expected += 1;
                let _ = return_ticket.try_send(());
            }
            if expected == items.len() {
                break;
            }
        }
        // Workers still waiting for a ticket see the channel close and stop.
        drop(return_ticket);
        drop(receiver);
    });
    if let Some(panic) = failure {
        std::panic::resume_unwind(panic);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_first_item_holds_the_others_back_instead_of_piling_them_up() {
        let items: Vec<u64> = (0..200).collect();
        let finished = AtomicUsize::new(0);
        let ahead_of_the_first = AtomicUsize::new(usize::MAX);
        let mut consumed = Vec::new();
        for_each_in_order(
            &items,
            2,
            |&n| {
                if n == 0 {
                    // Time for the other worker to run as far ahead as it may.
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    ahead_of_the_first.store(finished.load(Ordering::SeqCst), Ordering::SeqCst);
                }
                finished.fetch_add(1, Ordering::SeqCst);
                n
            },
            |n| consumed.push(n),
        );
        assert_eq!(consumed, items);
        // Eight tickets for two workers: the first item holds one, the other worker the rest.
        assert!(ahead_of_the_first.load(Ordering::SeqCst) <= 7, "{ahead_of_the_first:?}");
    }

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
