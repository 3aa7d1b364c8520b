//! Work spread over every core, in order: reading and parsing many small
//! files is the cost of history commands.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Maps `f` over `items` on every core, keeping the order. Reading and
/// parsing many small files is the cost of history commands; this spreads
/// it without a thread pool to carry around. Each thread takes the next
/// item as it finishes one (files differ in size), the calling thread too.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 || items.len() < 16 {
        return items.iter().map(&f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(at) else {
                return done;
            };
            done.push((at, f(item)));
        }
    };
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mine = work();
        let theirs = helpers
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        for (at, result) in theirs.chain(std::iter::once(mine)).flatten() {
            slots[at] = Some(result);
        }
    });
    slots.into_iter().flatten().collect()
}
