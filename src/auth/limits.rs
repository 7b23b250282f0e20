//! Rate limits and login lockout, in memory (they protect this process;
//! a restart forgets them, as Infisical's Redis keys expire).
//!
//! - [`TokenBucket`]: `capacity` requests at once, refilled at `rate` per
//!   second; an empty bucket says how long until the next token.
//! - [`RateLimiter`]: one bucket per key (a client address, an identity),
//!   with the buckets that are full again dropped when the map grows.
//! - [`Lockout`]: failed logins per client id; after `threshold` failures
//!   within the counter-reset window the client id is locked for the
//!   lockout duration, whatever the secret.
//!
//! Time is an input ([`Instant`]), so the tests need no sleeping.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A token bucket.
#[derive(Clone, Copy, Debug)]
pub struct TokenBucket {
    capacity: f64,
    /// Tokens per second.
    rate: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    /// A full bucket of `capacity` tokens, refilled at `per_minute` tokens
    /// a minute.
    pub fn new(capacity: u32, per_minute: u32, now: Instant) -> TokenBucket {
        let capacity = f64::from(capacity.max(1));
        TokenBucket { capacity, rate: f64::from(per_minute.max(1)) / 60.0, tokens: capacity, last: now }
    }

    fn refill(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.capacity);
        self.last = now.max(self.last);
    }

    /// Takes one token; else the wait until one is there.
    pub fn take(&mut self, now: Instant) -> Result<(), Duration> {
        self.refill(now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            return Ok(());
        }
        Err(Duration::from_secs_f64((1.0 - self.tokens) / self.rate))
    }

    /// True if the bucket is full (nothing to remember about its key).
    fn is_full(&mut self, now: Instant) -> bool {
        self.refill(now);
        self.tokens >= self.capacity
    }
}

/// Token buckets by key; `per_minute` 0 turns the limit off.
#[derive(Debug)]
pub struct RateLimiter {
    capacity: u32,
    per_minute: u32,
    buckets: Mutex<HashMap<String, TokenBucket>>,
}

/// How many buckets a limiter keeps before it drops the full ones.
const PRUNE_AT: usize = 10_000;

impl RateLimiter {
    /// A limiter of `per_minute` requests a minute per key, in bursts of
    /// up to `burst` (0: `per_minute`).
    pub fn new(per_minute: u32, burst: u32) -> RateLimiter {
        let capacity = if burst == 0 { per_minute } else { burst };
        RateLimiter { capacity, per_minute, buckets: Mutex::new(HashMap::new()) }
    }

    /// Counts one request of `key`; else the whole seconds to wait (at
    /// least 1), for `Retry-After`.
    pub fn check(&self, key: &str, now: Instant) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        if buckets.len() >= PRUNE_AT && !buckets.contains_key(key) {
            buckets.retain(|_, bucket| !bucket.is_full(now));
        }
        let bucket =
            buckets.entry(key.to_owned()).or_insert_with(|| TokenBucket::new(self.capacity, self.per_minute, now));
        bucket.take(now).map_err(|wait| wait.as_secs_f64().ceil().max(1.0) as u64)
    }
}

/// The lockout settings of one identity's Universal Auth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockoutPolicy {
    /// Lockout on at all.
    pub enabled: bool,
    /// Failures that lock.
    pub threshold: u32,
    /// How long a lock lasts.
    pub duration: Duration,
    /// Failures older than this (counted from the first) are forgotten.
    pub counter_reset: Duration,
}

#[derive(Clone, Copy, Debug)]
struct Failures {
    count: u32,
    first: Instant,
    locked_until: Option<Instant>,
}

/// Failed logins by client id.
#[derive(Debug, Default)]
pub struct Lockout {
    failures: Mutex<HashMap<String, Failures>>,
}

impl Lockout {
    /// True if `client_id` is locked at `now`.
    pub fn is_locked(&self, client_id: &str, now: Instant) -> bool {
        let failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        failures.get(client_id).and_then(|f| f.locked_until).is_some_and(|until| now < until)
    }

    /// Counts a failed login of `client_id`; true if it is now locked.
    pub fn failed(&self, client_id: &str, policy: &LockoutPolicy, now: Instant) -> bool {
        if !policy.enabled {
            return false;
        }
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        if failures.len() >= PRUNE_AT && !failures.contains_key(client_id) {
            failures.retain(|_, f| {
                f.locked_until.is_some_and(|until| now < until)
                    || now.saturating_duration_since(f.first) < policy.counter_reset
            });
        }
        let entry =
            failures.entry(client_id.to_owned()).or_insert(Failures { count: 0, first: now, locked_until: None });
        let expired_lock = entry.locked_until.is_some_and(|until| now >= until);
        if expired_lock || now.saturating_duration_since(entry.first) >= policy.counter_reset {
            *entry = Failures { count: 0, first: now, locked_until: None };
        }
        entry.count += 1;
        if entry.count >= policy.threshold.max(1) {
            entry.locked_until = Some(now + policy.duration);
            return true;
        }
        false
    }

    /// Forgets the failures of `client_id` (a successful login).
    pub fn succeeded(&self, client_id: &str) {
        self.failures.lock().unwrap_or_else(PoisonError::into_inner).remove(client_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_allows_its_burst_then_refills_at_its_rate() {
        let start = Instant::now();
        let mut bucket = TokenBucket::new(3, 60, start);
        for _ in 0..3 {
            bucket.take(start).expect("within the burst");
        }
        let wait = bucket.take(start).expect_err("empty");
        assert_eq!(wait, Duration::from_secs(1), "60 a minute: one a second");
        assert!(bucket.take(start + Duration::from_millis(500)).is_err());
        bucket.take(start + Duration::from_secs(1)).expect("refilled");
        assert!(bucket.take(start + Duration::from_secs(1)).is_err());
        // Never above the capacity, however long it waited.
        let later = start + Duration::from_secs(3600);
        for _ in 0..3 {
            bucket.take(later).expect("full again");
        }
        assert!(bucket.take(later).is_err());
    }

    #[test]
    fn the_limiter_keeps_one_bucket_per_key_and_says_when_to_retry() {
        let now = Instant::now();
        let limiter = RateLimiter::new(2, 0);
        assert_eq!(limiter.check("a", now), Ok(()));
        assert_eq!(limiter.check("a", now), Ok(()));
        assert_eq!(limiter.check("a", now), Err(30), "2 a minute: the next in 30 s");
        assert_eq!(limiter.check("b", now), Ok(()), "another key has its own bucket");
        let off = RateLimiter::new(0, 0);
        for _ in 0..1000 {
            assert_eq!(off.check("a", now), Ok(()));
        }
    }

    #[test]
    fn failures_within_the_window_lock_and_the_lock_expires() {
        let policy = LockoutPolicy {
            enabled: true,
            threshold: 3,
            duration: Duration::from_secs(300),
            counter_reset: Duration::from_secs(30),
        };
        let lockout = Lockout::default();
        let t0 = Instant::now();
        assert!(!lockout.failed("c", &policy, t0));
        assert!(!lockout.failed("c", &policy, t0 + Duration::from_secs(1)));
        assert!(!lockout.is_locked("c", t0 + Duration::from_secs(1)));
        assert!(lockout.failed("c", &policy, t0 + Duration::from_secs(2)), "the third failure locks");
        assert!(lockout.is_locked("c", t0 + Duration::from_secs(200)));
        assert!(!lockout.is_locked("other", t0 + Duration::from_secs(200)));
        assert!(!lockout.is_locked("c", t0 + Duration::from_secs(303)), "the lock lasts 300 s");
        // Failures spread wider than the counter-reset window never lock.
        let spread = Lockout::default();
        for i in 0..10 {
            assert!(!spread.failed("c", &policy, t0 + Duration::from_secs(i * 20)), "failure {i}");
        }
        // A success forgets the failures; lockout off never locks.
        let reset = Lockout::default();
        reset.failed("c", &policy, t0);
        reset.failed("c", &policy, t0);
        reset.succeeded("c");
        assert!(!reset.failed("c", &policy, t0));
        let off = LockoutPolicy { enabled: false, ..policy };
        for _ in 0..10 {
            assert!(!reset.failed("d", &off, t0));
        }
        assert!(!reset.is_locked("d", t0));
    }
}
