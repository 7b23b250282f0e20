//! The cryptographic engine: a trait with a software implementation (and a
//! PKCS#11 one later), in the style of rustls's `CryptoProvider`.

mod software;

use zeroize::Zeroizing;

pub use self::software::SoftwareEngine;

use crate::error::KmsError;

/// Hash functions the engine computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum HashAlgorithm {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

/// The operations `ops` needs from a cryptographic implementation.
pub trait CryptoEngine: Send + Sync {
    /// Fresh key material of `len` bytes from the engine's DRBG.
    fn generate_key(&self, len: usize) -> Result<Zeroizing<Vec<u8>>, KmsError>;

    /// Fills `buf` with random bytes (identifiers, IVs).
    fn random(&self, buf: &mut [u8]) -> Result<(), KmsError>;

    /// The digest of `data`.
    fn digest(&self, algorithm: HashAlgorithm, data: &[u8]) -> Vec<u8>;
}
