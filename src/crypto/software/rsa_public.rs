//! RSA public-key operations aws-lc-rs does not offer, with the `rsa`
//! crate. Only public-key operations go through it (they hold no secret,
//! so its timing side channel, RUSTSEC-2023-0071, does not apply):
//! RSASSA-PSS verification with another salt length or with SHA-1/SHA-224
//! (aws-lc-rs verifies salt length = hash length with SHA-2 only; OpenSSL
//! signs with the longest salt by default) or with an MGF1 hash other than
//! the message hash (checked here, RFC 8017 §9.1.2, after the `rsa` crate's
//! public-key operation: neither crate offers it), and RSASSA-PKCS1-v1_5
//! with SHA-224. OAEP with distinct hashes is in `rsa_private.rs` (rsa
//! 0.10), encryption included, as it shares the padding code.

use digest::Digest;
use num_bigint_dig::BigUint;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, Pss, RsaPublicKey};
use sha1::Sha1;
use sha2::{Sha224, Sha256, Sha384, Sha512};

use super::super::formats;
use super::super::{HashAlgorithm, SignInput, SignatureScheme};
use crate::error::KmsError;

/// Verifies an RSA signature the fast path cannot: `Ok(false)` when it does
/// not match.
pub(super) fn verify(
    spki: &[u8],
    scheme: SignatureScheme,
    input: SignInput<'_>,
    signature: &[u8],
) -> Result<bool, KmsError> {
    let key = public_key(spki)?;
    // `pss` holds the salt length: `Some(None)` means any.
    let (hash, pss) = match scheme {
        SignatureScheme::RsaPss(hash) => (hash, Some(Some(hash.output_len()))),
        SignatureScheme::RsaPssSalt(hash, salt) => (hash, Some(salt)),
        SignatureScheme::RsaPssMgf { hash, mgf, salt } => {
            let hashed = message_hash(hash, input)?;
            return Ok(pss_verify(&key, hash, mgf, salt, &hashed, signature));
        }
        SignatureScheme::RsaPkcs1v15(hash) => (hash, None),
        other => return Err(KmsError::InvalidField(format!("{other:?} is not an RSA signature scheme"))),
    };
    let hashed = message_hash(hash, input)?;
    let Some(salt) = pss else {
        let scheme = match hash {
            HashAlgorithm::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
            HashAlgorithm::Sha224 => Pkcs1v15Sign::new::<Sha224>(),
            HashAlgorithm::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
            HashAlgorithm::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
            HashAlgorithm::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
        };
        return Ok(key.verify(scheme, &hashed, signature).is_ok());
    };
    let Some(salt) = salt.or_else(|| pss_salt_len(&key, hash, signature)) else { return Ok(false) };
    let scheme = match hash {
        HashAlgorithm::Sha1 => Pss::new_with_salt::<Sha1>(salt),
        HashAlgorithm::Sha224 => Pss::new_with_salt::<Sha224>(salt),
        HashAlgorithm::Sha256 => Pss::new_with_salt::<Sha256>(salt),
        HashAlgorithm::Sha384 => Pss::new_with_salt::<Sha384>(salt),
        HashAlgorithm::Sha512 => Pss::new_with_salt::<Sha512>(salt),
    };
    Ok(key.verify(scheme, &hashed, signature).is_ok())
}

fn public_key(spki: &[u8]) -> Result<RsaPublicKey, KmsError> {
    let c = formats::rsa_public_components(spki)
        .map_err(|e| KmsError::InvalidField(format!("the RSA public key is not valid: {e}")))?;
    RsaPublicKey::new(BigUint::from_bytes_be(&c.n), BigUint::from_bytes_be(&c.e))
        .map_err(|e| KmsError::InvalidField(format!("the RSA public key is not usable: {e}")))
}

/// The message's digest, or the client's digest checked for length.
fn message_hash(hash: HashAlgorithm, input: SignInput<'_>) -> Result<Vec<u8>, KmsError> {
    match input {
        SignInput::Data(data) => Ok(digest(hash, data)),
        SignInput::Digest(d) if d.len() == hash.output_len() => Ok(d.to_vec()),
        SignInput::Digest(d) => {
            Err(KmsError::InvalidField(format!("a {hash:?} digest has {} bytes, not {}", hash.output_len(), d.len())))
        }
    }
}

fn digest(hash: HashAlgorithm, data: &[u8]) -> Vec<u8> {
    match hash {
        HashAlgorithm::Sha1 => Sha1::digest(data).to_vec(),
        HashAlgorithm::Sha224 => Sha224::digest(data).to_vec(),
        HashAlgorithm::Sha256 => Sha256::digest(data).to_vec(),
        HashAlgorithm::Sha384 => Sha384::digest(data).to_vec(),
        HashAlgorithm::Sha512 => Sha512::digest(data).to_vec(),
    }
}

/// The salt length a PSS signature was made with (RFC 8017 §9.1.2 steps
/// 1-10, reading the encoded message after the public-key operation), or
/// `None` when the encoding is malformed. The verification proper is then
/// the `rsa` crate's, with that salt length.
fn pss_salt_len(key: &RsaPublicKey, hash: HashAlgorithm, signature: &[u8]) -> Option<usize> {
    let (db, _) = pss_decode(key, hash, hash, signature)?;
    let start = db.iter().position(|&b| b != 0)?;
    (db[start] == 0x01).then(|| db.len() - start - 1)
}

/// EMSA-PSS-VERIFY (RFC 8017 §9.1.2) after RSAVP1, with `hash` for the
/// message and `H`, `mgf` for MGF1, and a salt of `salt` bytes (any length
/// with `None`): true when the signature matches `m_hash`. Only public
/// values are handled, so nothing here needs to be constant-time.
fn pss_verify(
    key: &RsaPublicKey,
    hash: HashAlgorithm,
    mgf: HashAlgorithm,
    salt: Option<usize>,
    m_hash: &[u8],
    signature: &[u8],
) -> bool {
    // §8.1.2 step 1: the signature has the modulus's length.
    if signature.len() != key.size() {
        return false;
    }
    let Some((db, h)) = pss_decode(key, hash, mgf, signature) else { return false };
    // Step 10: DB = PS || 0x01 || salt, PS all zeros.
    let Some(one) = db.iter().position(|&b| b != 0) else { return false };
    if db[one] != 0x01 {
        return false;
    }
    let found = &db[one + 1..];
    if salt.is_some_and(|len| len != found.len()) {
        return false;
    }
    // Steps 12-14: H' = Hash(0x00 * 8 || mHash || salt) must equal H.
    let mut m_prime = vec![0u8; 8];
    m_prime.extend_from_slice(m_hash);
    m_prime.extend_from_slice(found);
    digest(hash, &m_prime) == h
}

/// RFC 8017 §8.1.2 step 2 and §9.1.2 steps 3-9: the public-key operation,
/// then DB (unmasked with MGF1 of `mgf`, its top bits cleared) and `H`, or
/// `None` when the encoding is malformed.
fn pss_decode(
    key: &RsaPublicKey,
    hash: HashAlgorithm,
    mgf: HashAlgorithm,
    signature: &[u8],
) -> Option<(Vec<u8>, Vec<u8>)> {
    let n = key.n();
    let s = BigUint::from_bytes_be(signature);
    if &s >= n {
        return None;
    }
    let m = s.modpow(key.e(), n);
    let em_bits = n.bits().checked_sub(1)?;
    let em_len = em_bits.div_ceil(8);
    let bytes = m.to_bytes_be();
    if bytes.len() > em_len {
        return None;
    }
    let mut em = vec![0u8; em_len - bytes.len()];
    em.extend_from_slice(&bytes);
    let h_len = hash.output_len();
    // Steps 3-4.
    if em_len < h_len + 2 || em[em_len - 1] != 0xbc {
        return None;
    }
    // Step 5.
    let (masked_db, rest) = em.split_at(em_len - h_len - 1);
    let h = rest[..h_len].to_vec();
    // Step 6: the bits above emBits are zero.
    let unused = u32::try_from(8 * em_len - em_bits).ok()?;
    let top = 0xffu8.checked_shr(unused).unwrap_or(0);
    if masked_db.first().is_some_and(|first| first & !top != 0) {
        return None;
    }
    // Steps 7-9.
    let mask = mgf1(mgf, &h, masked_db.len());
    let mut db: Vec<u8> = masked_db.iter().zip(&mask).map(|(a, b)| a ^ b).collect();
    if let Some(first) = db.first_mut() {
        *first &= top;
    }
    Some((db, h))
}

/// MGF1 (RFC 8017 §B.2.1).
fn mgf1(hash: HashAlgorithm, seed: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + hash.output_len());
    let mut counter = 0u32;
    while out.len() < len {
        let mut block = seed.to_vec();
        block.extend_from_slice(&counter.to_be_bytes());
        out.extend_from_slice(&digest(hash, &block));
        counter += 1;
    }
    out.truncate(len);
    out
}
