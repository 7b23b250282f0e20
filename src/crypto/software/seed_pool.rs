//! Client entropy from RNG Seed (KMIP 2.1 §6.1.44).
//!
//! aws-lc's DRBG seeds and reseeds itself from the operating system and
//! takes no outside input, so a client's seed is kept beside it: the seed
//! bytes are hashed into a 32-byte pool (SHA-256 over the previous pool and
//! the new bytes), and while the pool holds client entropy, every key the
//! engine generates and every RNG Retrieve answer is the DRBG's output
//! XORed with a keystream derived from the pool (HMAC-SHA-256 over a block
//! counter). The pool then ratchets forward (HMAC-SHA-256 of a fixed label),
//! so one keystream never serves twice and an old pool cannot be recovered
//! from a later one.
//!
//! The keystream depends only on what clients sent, never on the DRBG's
//! output, so XORing it in cannot make that output less random: a seed can
//! add entropy, never take it away. Identifiers and IVs come from the DRBG
//! alone.

use std::sync::Mutex;

use aws_lc_rs::{digest, hmac};
use zeroize::Zeroizing;

use crate::error::KmsError;

/// The pool of client entropy; empty until the first RNG Seed.
#[derive(Default)]
pub(super) struct SeedPool {
    pool: Mutex<Option<Zeroizing<[u8; 32]>>>,
}

impl SeedPool {
    /// Hashes `data` into the pool; how many bytes were used (all).
    pub(super) fn add(&self, data: &[u8]) -> Result<usize, KmsError> {
        if data.is_empty() {
            return Ok(0);
        }
        let mut pool = self.pool.lock().map_err(|_| poisoned())?;
        let mut ctx = digest::Context::new(&digest::SHA256);
        ctx.update(b"kms rng seed pool");
        if let Some(previous) = pool.as_ref() {
            ctx.update(&previous[..]);
        }
        ctx.update(data);
        let mut next = Zeroizing::new([0u8; 32]);
        next.copy_from_slice(ctx.finish().as_ref());
        *pool = Some(next);
        Ok(data.len())
    }

    /// XORs the pool's keystream into `out` and ratchets the pool; nothing
    /// while no client has seeded.
    pub(super) fn mix_into(&self, out: &mut [u8]) -> Result<(), KmsError> {
        let mut pool = self.pool.lock().map_err(|_| poisoned())?;
        if let Some(current) = pool.as_mut() {
            **current = mix(current, out);
        }
        Ok(())
    }

    /// True once a client has seeded.
    #[cfg(test)]
    fn seeded(&self) -> bool {
        self.pool.lock().map(|p| p.is_some()).unwrap_or(false)
    }
}

/// XORs into `out` the keystream of `pool` (HMAC-SHA-256 of "out" and a
/// block counter); the next pool (HMAC-SHA-256 of "next").
fn mix(pool: &[u8; 32], out: &mut [u8]) -> [u8; 32] {
    let key = hmac::Key::new(hmac::HMAC_SHA256, pool);
    for (counter, chunk) in (0u64..).zip(out.chunks_mut(32)) {
        let mut ctx = hmac::Context::with_key(&key);
        ctx.update(b"out");
        ctx.update(&counter.to_be_bytes());
        let block = ctx.sign();
        for (byte, mask) in chunk.iter_mut().zip(block.as_ref()) {
            *byte ^= mask;
        }
    }
    let mut next = [0u8; 32];
    next.copy_from_slice(hmac::sign(&key, b"next").as_ref());
    next
}

fn poisoned() -> KmsError {
    KmsError::Internal("the RNG seed pool lock is poisoned".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_changes_until_a_client_seeds() {
        let pool = SeedPool::default();
        let mut out = [0x11u8; 40];
        pool.mix_into(&mut out).expect("mixes");
        assert_eq!(out, [0x11u8; 40]);
        assert!(!pool.seeded());
        assert_eq!(pool.add(&[]).expect("adds"), 0);
        assert!(!pool.seeded(), "an empty seed adds nothing");
    }

    #[test]
    fn a_seed_changes_the_output_by_its_keystream_then_ratchets() {
        let pool = SeedPool::default();
        assert_eq!(pool.add(b"client entropy").expect("adds"), 14);
        let expected_pool: [u8; 32] = {
            let mut ctx = digest::Context::new(&digest::SHA256);
            ctx.update(b"kms rng seed pool");
            ctx.update(b"client entropy");
            ctx.finish().as_ref().try_into().expect("32 bytes")
        };
        // The keystream, computed here independently: HMAC-SHA-256 blocks.
        let key = hmac::Key::new(hmac::HMAC_SHA256, &expected_pool);
        let block = |n: u64| {
            let mut ctx = hmac::Context::with_key(&key);
            ctx.update(b"out");
            ctx.update(&n.to_be_bytes());
            ctx.sign().as_ref().to_vec()
        };
        let mut out = [0u8; 40];
        pool.mix_into(&mut out).expect("mixes");
        assert_eq!(&out[..32], &block(0)[..]);
        assert_eq!(&out[32..], &block(1)[..8]);
        // The next use has a new keystream.
        let mut again = [0u8; 40];
        pool.mix_into(&mut again).expect("mixes");
        assert_ne!(again, out);
        let next: [u8; 32] = hmac::sign(&key, b"next").as_ref().try_into().expect("32 bytes");
        let next_key = hmac::Key::new(hmac::HMAC_SHA256, &next);
        let mut ctx = hmac::Context::with_key(&next_key);
        ctx.update(b"out");
        ctx.update(&0u64.to_be_bytes());
        assert_eq!(&again[..32], ctx.sign().as_ref());
    }

    #[test]
    fn seeds_accumulate() {
        let (a, b) = (SeedPool::default(), SeedPool::default());
        a.add(b"one").expect("adds");
        a.add(b"two").expect("adds");
        b.add(b"two").expect("adds");
        let (mut x, mut y) = ([0u8; 32], [0u8; 32]);
        a.mix_into(&mut x).expect("mixes");
        b.mix_into(&mut y).expect("mixes");
        assert_ne!(x, y, "the earlier seed still counts");
    }
}
