//! RSA public-key operations aws-lc-rs does not offer, with the `rsa`
//! crate. Only public-key operations go through it (they hold no secret,
//! so its timing side channel, RUSTSEC-2023-0071, does not apply):
//! RSASSA-PSS verification with another salt length or with SHA-1/SHA-224
//! (aws-lc-rs verifies salt length = hash length with SHA-2 only; OpenSSL
//! signs with the longest salt by default), RSASSA-PKCS1-v1_5 with SHA-224,
//! and RSAES-OAEP encryption whose MGF1 hash differs from the label hash.

use digest::{Digest, DynDigest};
use num_bigint_dig::BigUint;
use rand_core::OsRng;
use rsa::traits::PublicKeyParts;
use rsa::{Oaep, Pkcs1v15Sign, Pss, RsaPublicKey};
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
        SignatureScheme::RsaPkcs1v15(hash) => (hash, None),
        other => return Err(KmsError::InvalidField(format!("{other:?} is not an RSA signature scheme"))),
    };
    let hashed = match input {
        SignInput::Data(data) => digest(hash, data),
        SignInput::Digest(d) if d.len() == hash.output_len() => d.to_vec(),
        SignInput::Digest(d) => {
            return Err(KmsError::InvalidField(format!(
                "a {hash:?} digest has {} bytes, not {}",
                hash.output_len(),
                d.len()
            )));
        }
    };
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

/// RSAES-OAEP encryption with `hash` for the label and `mgf` for MGF1.
pub(super) fn oaep_encrypt(
    spki: &[u8],
    hash: HashAlgorithm,
    mgf: HashAlgorithm,
    label: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, KmsError> {
    let key = public_key(spki)?;
    let label = (!label.is_empty())
        .then(|| String::from_utf8(label.to_vec()))
        .transpose()
        .map_err(|_| KmsError::Unsupported("a non-UTF-8 OAEP label with distinct label and MGF1 hashes".into()))?;
    macro_rules! with_mgf {
        ($d:ty) => {
            match mgf {
                HashAlgorithm::Sha1 => padding::<$d, Sha1>(label),
                HashAlgorithm::Sha224 => padding::<$d, Sha224>(label),
                HashAlgorithm::Sha256 => padding::<$d, Sha256>(label),
                HashAlgorithm::Sha384 => padding::<$d, Sha384>(label),
                HashAlgorithm::Sha512 => padding::<$d, Sha512>(label),
            }
        };
    }
    let padding = match hash {
        HashAlgorithm::Sha1 => with_mgf!(Sha1),
        HashAlgorithm::Sha224 => with_mgf!(Sha224),
        HashAlgorithm::Sha256 => with_mgf!(Sha256),
        HashAlgorithm::Sha384 => with_mgf!(Sha384),
        HashAlgorithm::Sha512 => with_mgf!(Sha512),
    };
    key.encrypt(&mut OsRng, padding, data)
        .map_err(|_| KmsError::InvalidField("the data is too long for the RSA key and OAEP parameters".into()))
}

fn padding<D, M>(label: Option<String>) -> Oaep
where
    D: 'static + Digest + DynDigest + Send + Sync,
    M: 'static + Digest + DynDigest + Send + Sync,
{
    match label {
        Some(label) => Oaep::new_with_mgf_hash_and_label::<D, M, String>(label),
        None => Oaep::new_with_mgf_hash::<D, M>(),
    }
}

fn public_key(spki: &[u8]) -> Result<RsaPublicKey, KmsError> {
    let c = formats::rsa_public_components(spki)
        .map_err(|e| KmsError::InvalidField(format!("the RSA public key is not valid: {e}")))?;
    RsaPublicKey::new(BigUint::from_bytes_be(&c.n), BigUint::from_bytes_be(&c.e))
        .map_err(|e| KmsError::InvalidField(format!("the RSA public key is not usable: {e}")))
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
    if em_len < h_len + 2 || em[em_len - 1] != 0xbc {
        return None;
    }
    let (masked_db, rest) = em.split_at(em_len - h_len - 1);
    let h = &rest[..h_len];
    let mask = mgf1(hash, h, masked_db.len());
    let mut db: Vec<u8> = masked_db.iter().zip(&mask).map(|(a, b)| a ^ b).collect();
    let unused = 8 * em_len - em_bits;
    if let Some(first) = db.first_mut() {
        *first &= 0xffu8.checked_shr(u32::try_from(unused).ok()?).unwrap_or(0);
    }
    let start = db.iter().position(|&b| b != 0)?;
    (db[start] == 0x01).then(|| db.len() - start - 1)
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
