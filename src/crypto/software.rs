//! The software engine: aws-lc-rs (the provider rustls already uses) for
//! random numbers and hashes.

use aws_lc_rs::digest;
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

use super::{CryptoEngine, HashAlgorithm};
use crate::error::KmsError;

/// Cryptography in software, with aws-lc-rs.
#[derive(Debug, Default)]
pub struct SoftwareEngine {
    rng: SystemRandom,
}

impl SoftwareEngine {
    /// A new engine.
    pub fn new() -> SoftwareEngine {
        SoftwareEngine { rng: SystemRandom::new() }
    }
}

impl CryptoEngine for SoftwareEngine {
    fn generate_key(&self, len: usize) -> Result<Zeroizing<Vec<u8>>, KmsError> {
        let mut key = Zeroizing::new(vec![0u8; len]);
        self.random(&mut key)?;
        Ok(key)
    }

    fn random(&self, buf: &mut [u8]) -> Result<(), KmsError> {
        self.rng.fill(buf).map_err(|_| KmsError::Crypto("the random number generator failed".into()))
    }

    fn digest(&self, algorithm: HashAlgorithm, data: &[u8]) -> Vec<u8> {
        let algorithm = match algorithm {
            HashAlgorithm::Sha256 => &digest::SHA256,
            HashAlgorithm::Sha384 => &digest::SHA384,
            HashAlgorithm::Sha512 => &digest::SHA512,
        };
        digest::digest(algorithm, data).as_ref().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc() {
        let engine = SoftwareEngine::new();
        let d = engine.digest(HashAlgorithm::Sha256, b"abc");
        assert_eq!(hex::encode(d), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn keys_are_random_and_sized() {
        let engine = SoftwareEngine::new();
        let a = engine.generate_key(32).expect("random");
        let b = engine.generate_key(32).expect("random");
        assert_eq!(a.len(), 32);
        assert_ne!(*a, *b);
    }
}
