//! The crypto library's own primitives, called directly with a parsed key:
//! the reference `kms bench --raw` measures the server's signing and
//! encryption against (no KMIP, no TLS, no key unwrapping, no audit).

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use aws_lc_rs::rsa::KeySize;
use aws_lc_rs::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, RSA_PKCS1_SHA256, RsaKeyPair};

/// What is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawKind {
    /// ECDSA P-256 with SHA-256 (ASN.1 signature).
    EcdsaP256Sign,
    /// RSA-2048 PKCS#1 v1.5 with SHA-256.
    Rsa2048Sign,
    /// AES-256-GCM with a random 96-bit nonce and a 16-byte tag.
    Aes256GcmEncrypt,
}

impl RawKind {
    /// How the report names it.
    pub fn name(self) -> &'static str {
        match self {
            RawKind::EcdsaP256Sign => "sign ecdsa-p256",
            RawKind::Rsa2048Sign => "sign rsa-2048",
            RawKind::Aes256GcmEncrypt => "encrypt aes-256-gcm",
        }
    }
}

/// One operation on the data it is given, with a key made for it.
pub type Work = Box<dyn FnMut(&[u8]) -> Result<(), String> + Send>;

/// A fresh key of `kind` and the operation with it.
pub fn work(kind: RawKind) -> Result<Work, String> {
    let failed = |e: aws_lc_rs::error::Unspecified| format!("{e}");
    let rng = SystemRandom::new();
    match kind {
        RawKind::EcdsaP256Sign => {
            let pair = EcdsaKeyPair::generate(&ECDSA_P256_SHA256_ASN1_SIGNING).map_err(failed)?;
            Ok(Box::new(move |data| pair.sign(&rng, data).map(drop).map_err(failed)))
        }
        RawKind::Rsa2048Sign => {
            let pair = RsaKeyPair::generate(KeySize::Rsa2048).map_err(failed)?;
            let mut out = vec![0u8; pair.public_modulus_len()];
            Ok(Box::new(move |data| pair.sign(&RSA_PKCS1_SHA256, &rng, data, &mut out).map_err(failed)))
        }
        RawKind::Aes256GcmEncrypt => {
            let mut key = [0u8; 32];
            rng.fill(&mut key).map_err(failed)?;
            let key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &key).map_err(failed)?);
            let mut buf = Vec::new();
            Ok(Box::new(move |data| {
                let mut nonce = [0u8; 12];
                rng.fill(&mut nonce).map_err(failed)?;
                buf.clear();
                buf.extend_from_slice(data);
                key.seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::empty(), &mut buf)
                    .map_err(failed)
            }))
        }
    }
}
