//! What the criterion benchmarks share: a deterministic generator for
//! their inputs, and the CPU-time measurement that keeps their figures
//! meaningful on a busy machine. Each bench is a crate of its own and
//! includes this module (`mod support;`).

use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// A small xorshift generator: deterministic, and no dependency for it.
pub struct Sequence(pub u64);

impl Sequence {
    /// The next number of the sequence.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number from 0 to `n` - 1.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `values`.
    pub fn pick<T: Copy>(&mut self, values: &[T]) -> T {
        values[self.below(values.len())]
    }
}

/// The CPU time of the benchmark's thread, from its CPU-time clock. On a
/// machine shared with other work (two cores, and a build or a browser
/// running beside), wall-clock figures include the time the thread waited
/// for a core; this leaves that out, so the budget can be checked anyway.
pub struct CpuTime;

impl CpuTime {
    fn now() -> Duration {
        let mut time = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: `time` is a valid timespec for the call to write; the clock
        // id is a constant every Linux and macOS kernel knows.
        let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
        assert_eq!(status, 0, "the thread's CPU-time clock is readable");
        Duration::new(time.tv_sec as u64, time.tv_nsec as u32)
    }
}

impl Measurement for CpuTime {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        CpuTime::now()
    }

    fn end(&self, start: Duration) -> Duration {
        CpuTime::now().saturating_sub(start)
    }

    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        // The same nanoseconds as wall time, so the same units.
        static WALL_TIME: WallTime = WallTime;
        WALL_TIME.formatter()
    }
}
