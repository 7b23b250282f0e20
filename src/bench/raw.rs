//! `kms bench --raw`: the crypto library's own rate, the reference the
//! signing targets are measured against ("at least 45 % of the raw signing
//! rate of the crypto library on these cores").
//!
//! The same library the server's software engine uses (aws-lc-rs), called
//! directly with a parsed key: no KMIP, no TLS, no key unwrapping, no
//! audit. One thread per core, each signing (or encrypting) `--size` bytes
//! in a loop for `--duration`; the figure is the sum.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use aws_lc_rs::rsa::KeySize;
use aws_lc_rs::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, RSA_PKCS1_SHA256, RsaKeyPair};
use serde::Serialize;

use super::workload::{Alg, Op};

/// What `--raw` measured.
#[derive(Debug, Serialize)]
pub struct RawReport {
    /// `sign ecdsa-p256`, `sign rsa-2048` or `encrypt aes-256-gcm`.
    pub what: String,
    /// Bytes per operation.
    pub size: usize,
    /// Threads (one per core).
    pub threads: usize,
    /// Operations done in all.
    pub operations: u64,
    /// Seconds measured.
    pub seconds: f64,
    /// Operations per second, all threads.
    pub per_second: f64,
}

impl fmt::Display for RawReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "raw {} of {} bytes (aws-lc-rs, no server) · {} thread(s)", self.what, self.size, self.threads)?;
        writeln!(f, "{:<22} {:>12.0}", "operations/s", self.per_second)?;
        writeln!(f, "{:<22} {:>12}", "operations", self.operations)?;
        writeln!(f, "{:<22} {:>12.2}", "seconds", self.seconds)
    }
}

/// One thread's work: an operation on `data`, done once per call.
type Work = Box<dyn FnMut(&[u8]) -> Result<(), String> + Send>;

fn work(op: Op, alg: Alg) -> Result<(String, Work), String> {
    let failed = |e: aws_lc_rs::error::Unspecified| format!("{e}");
    match (op, alg) {
        (Op::Sign, Alg::EcdsaP256) => {
            let pair = EcdsaKeyPair::generate(&ECDSA_P256_SHA256_ASN1_SIGNING).map_err(failed)?;
            let rng = SystemRandom::new();
            Ok(("sign ecdsa-p256".into(), Box::new(move |data| pair.sign(&rng, data).map(drop).map_err(failed))))
        }
        (Op::Sign, Alg::Rsa2048) => {
            let pair = RsaKeyPair::generate(KeySize::Rsa2048).map_err(failed)?;
            let rng = SystemRandom::new();
            let mut out = vec![0u8; pair.public_modulus_len()];
            Ok((
                "sign rsa-2048".into(),
                Box::new(move |data| pair.sign(&RSA_PKCS1_SHA256, &rng, data, &mut out).map_err(failed)),
            ))
        }
        (Op::Encrypt, Alg::Aes256Gcm) => {
            let rng = SystemRandom::new();
            let mut key = [0u8; 32];
            rng.fill(&mut key).map_err(failed)?;
            let key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &key).map_err(failed)?);
            let mut buf = Vec::new();
            Ok((
                "encrypt aes-256-gcm".into(),
                Box::new(move |data| {
                    let mut nonce = [0u8; 12];
                    rng.fill(&mut nonce).map_err(failed)?;
                    buf.clear();
                    buf.extend_from_slice(data);
                    key.seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::empty(), &mut buf)
                        .map_err(failed)
                }),
            ))
        }
        _ => Err(format!(
            "--raw measures --op sign with --alg ecdsa-p256 or rsa-2048, or --op encrypt with aes-256-gcm, not {} {alg:?}",
            op.name()
        )),
    }
}

/// Runs `op` with `alg` on one thread per core for `duration`.
pub fn raw(op: Op, alg: Alg, size: usize, duration: Duration) -> Result<RawReport, String> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let data = vec![0x5a_u8; size];
    let mut works = Vec::with_capacity(threads);
    let mut what = String::new();
    for _ in 0..threads {
        let (name, work) = work(op, alg)?;
        what = name;
        works.push(work);
    }
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let handles: Vec<_> = works
        .into_iter()
        .map(|mut work| {
            let (stop, data) = (Arc::clone(&stop), data.clone());
            std::thread::spawn(move || -> Result<u64, String> {
                let mut done = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    work(&data)?;
                    done += 1;
                }
                Ok(done)
            })
        })
        .collect();
    std::thread::sleep(duration);
    stop.store(true, Ordering::Relaxed);
    let mut operations = 0;
    for handle in handles {
        operations += handle.join().map_err(|_| "a signing thread panicked".to_owned())??;
    }
    let seconds = started.elapsed().as_secs_f64();
    Ok(RawReport { what, size, threads, operations, seconds, per_second: operations as f64 / seconds })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_supported_pair_runs_and_others_are_refused() {
        for (op, alg) in [(Op::Sign, Alg::EcdsaP256), (Op::Sign, Alg::Rsa2048), (Op::Encrypt, Alg::Aes256Gcm)] {
            let report = raw(op, alg, 64, Duration::from_millis(50)).expect("runs");
            assert!(report.operations > 0 && report.per_second > 0.0, "{report}");
            assert!(report.threads >= 1);
        }
        assert!(raw(Op::Get, Alg::Aes256Gcm, 64, Duration::from_millis(10)).is_err());
        assert!(raw(Op::Sign, Alg::HmacSha256, 64, Duration::from_millis(10)).is_err());
    }
}
