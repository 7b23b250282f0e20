//! RSA operations with a private key that aws-lc-rs does not offer, with
//! the `rsa` crate 0.10 (`rsa10`): RSAES-OAEP decryption whose MGF1 hash
//! differs from the label hash or whose hash is SHA-224 (and the matching
//! encryption, which shares the padding code), and RSASSA-PSS signing with
//! a salt other than the hash length.
//!
//! rsa 0.10 computes with crypto-bigint (constant-time modular
//! exponentiation) where 0.9 used num-bigint-dig, the cause of
//! RUSTSEC-2023-0071. Every private-key operation here is blinded with
//! aws-lc-rs's DRBG as the RNG (`decrypt_blinded`, `sign_with_rng`); the
//! unblinded entry points are never called. aws-lc-rs stays the path for
//! everything it supports, so these are rare requests.

use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use rsa10::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa10::rand_core::{TryCryptoRng, TryRng};
use rsa10::sha2::{Sha224, Sha256, Sha384, Sha512};
use rsa10::signature::digest::{Digest, FixedOutputReset};
use rsa10::traits::PublicKeyParts;
use rsa10::{Oaep, PrivateKey, Pss, PublicKey};
use rsa10_sha1::Sha1;
use zeroize::Zeroizing;

use super::super::{HashAlgorithm, KeyKind, SignInput};
use super::asymmetric::Prepared;
use crate::error::KmsError;

/// Calls the generic `$f::<D, M>(args)` with the digest types of two
/// engine hashes.
macro_rules! with_hashes {
    ($hash:expr, $mgf:expr, $f:ident($($arg:expr),*)) => {
        match $hash {
            HashAlgorithm::Sha1 => with_hashes!(@mgf Sha1, $mgf, $f($($arg),*)),
            HashAlgorithm::Sha224 => with_hashes!(@mgf Sha224, $mgf, $f($($arg),*)),
            HashAlgorithm::Sha256 => with_hashes!(@mgf Sha256, $mgf, $f($($arg),*)),
            HashAlgorithm::Sha384 => with_hashes!(@mgf Sha384, $mgf, $f($($arg),*)),
            HashAlgorithm::Sha512 => with_hashes!(@mgf Sha512, $mgf, $f($($arg),*)),
        }
    };
    (@mgf $d:ty, $mgf:expr, $f:ident($($arg:expr),*)) => {
        match $mgf {
            HashAlgorithm::Sha1 => $f::<$d, Sha1>($($arg),*),
            HashAlgorithm::Sha224 => $f::<$d, Sha224>($($arg),*),
            HashAlgorithm::Sha256 => $f::<$d, Sha256>($($arg),*),
            HashAlgorithm::Sha384 => $f::<$d, Sha384>($($arg),*),
            HashAlgorithm::Sha512 => $f::<$d, Sha512>($($arg),*),
        }
    };
}

/// A key parsed by rsa 0.10, as the engine caches it.
pub(super) enum Rsa10Key {
    /// A private key (it zeroizes its components when dropped; boxed, it
    /// is the largest of the cached forms).
    Private(Box<PrivateKey>),
    /// A public key.
    Public(PublicKey),
}

impl Rsa10Key {
    /// Parses a private key (PKCS#8) or a public key (SubjectPublicKeyInfo)
    /// of 2048 to 8192 bits, the sizes aws-lc-rs takes for the same
    /// operations (rsa 0.10 alone would take 1024). The DER is read in
    /// place: no copy of it is made.
    pub(super) fn parse(kind: KeyKind, material: &[u8]) -> Result<Rsa10Key, KmsError> {
        let key = match kind {
            KeyKind::RsaPrivate => PrivateKey::from_pkcs8_der(material)
                .map(|key| Rsa10Key::Private(Box::new(key)))
                .map_err(|e| KmsError::InvalidField(format!("the RSA private key is not usable: {e}")))?,
            KeyKind::RsaPublic => PublicKey::from_public_key_der(material)
                .map(Rsa10Key::Public)
                .map_err(|e| KmsError::InvalidField(format!("the RSA public key is not usable: {e}")))?,
            other => return Err(KmsError::InvalidField(format!("an RSA operation needs an RSA key, not {other:?}"))),
        };
        let bits = key.public().n().as_ref().bit_width();
        if !(2048..=8192).contains(&bits) {
            return Err(KmsError::InvalidField(format!("RSA keys have 2048 to 8192 bits here, not {bits}")));
        }
        Ok(key)
    }

    /// The rsa 0.10 key a prepared key holds.
    fn of(prepared: &Prepared) -> Result<&Rsa10Key, KmsError> {
        match prepared {
            Prepared::Rsa10(key) => Ok(key),
            _ => Err(KmsError::Internal("the key cache holds another form for an rsa 0.10 key".into())),
        }
    }

    fn public(&self) -> &PublicKey {
        match self {
            Rsa10Key::Private(private) => private.as_public_key(),
            Rsa10Key::Public(public) => public,
        }
    }
}

/// RSAES-OAEP decryption (RFC 8017 §7.1.2) with `hash` for the label and
/// `mgf` for MGF1, blinded.
pub(super) fn oaep_decrypt(
    key: &Prepared,
    hash: HashAlgorithm,
    mgf: HashAlgorithm,
    label: &[u8],
    data: &[u8],
) -> Result<Zeroizing<Vec<u8>>, KmsError> {
    let Rsa10Key::Private(private) = Rsa10Key::of(key)? else {
        return Err(KmsError::InvalidField("RSA decryption needs the private key".into()));
    };
    fn run<D, M>(key: &PrivateKey, label: &[u8], data: &[u8]) -> rsa10::Result<Vec<u8>>
    where
        D: Digest + FixedOutputReset,
        M: Digest + FixedOutputReset,
    {
        key.decrypt_blinded(&mut Drbg::new(), padding::<D, M>(label), data)
    }
    let plaintext = with_hashes!(hash, mgf, run(private, label, data));
    // One error for every failure, as aws-lc-rs's path gives.
    plaintext.map(Zeroizing::new).map_err(|_| KmsError::Crypto("RSA decryption failed".into()))
}

/// RSAES-OAEP encryption (RFC 8017 §7.1.1) with `hash` for the label and
/// `mgf` for MGF1, with the public key (or a private key's public half).
pub(super) fn oaep_encrypt(
    key: &Prepared,
    hash: HashAlgorithm,
    mgf: HashAlgorithm,
    label: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, KmsError> {
    fn run<D, M>(key: &PublicKey, label: &[u8], data: &[u8]) -> rsa10::Result<Vec<u8>>
    where
        D: Digest + FixedOutputReset,
        M: Digest + FixedOutputReset,
    {
        key.encrypt(&mut Drbg::new(), padding::<D, M>(label), data)
    }
    let public = Rsa10Key::of(key)?.public();
    let max = public.size().saturating_sub(2 * hash.output_len() + 2);
    if data.len() > max {
        return Err(KmsError::InvalidField(format!(
            "the data is too long for the RSA key and OAEP with {hash:?}: at most {max} bytes"
        )));
    }
    with_hashes!(hash, mgf, run(public, label, data))
        .map_err(|e| KmsError::Crypto(format!("RSA-OAEP encryption failed: {e}")))
}

/// RSASSA-PSS signing (RFC 8017 §8.1.1) with MGF1 of `hash` and a salt of
/// `salt_len` bytes, blinded.
pub(super) fn pss_sign(
    key: &Prepared,
    hash: HashAlgorithm,
    salt_len: usize,
    input: SignInput<'_>,
) -> Result<Vec<u8>, KmsError> {
    let Rsa10Key::Private(private) = Rsa10Key::of(key)? else {
        return Err(KmsError::InvalidField("signing needs the private key".into()));
    };
    // RFC 8017 §9.1.1 step 3: emLen >= hLen + sLen + 2, emLen the octets of
    // emBits = modBits - 1.
    let em_len = (private.n().as_ref().bit_width() as usize).saturating_sub(1).div_ceil(8);
    let max = em_len.saturating_sub(hash.output_len() + 2);
    if salt_len > max {
        return Err(KmsError::InvalidField(format!(
            "an RSASSA-PSS salt with {hash:?} and this key has at most {max} bytes, not {salt_len}"
        )));
    }
    let hashed = match input {
        SignInput::Data(data) => aws_lc_rs::digest::digest(super::digest_algorithm(hash), data).as_ref().to_vec(),
        SignInput::Digest(d) if d.len() == hash.output_len() => d.to_vec(),
        SignInput::Digest(d) => {
            return Err(KmsError::InvalidField(format!(
                "a {hash:?} digest has {} bytes, not {}",
                hash.output_len(),
                d.len()
            )));
        }
    };
    fn run<D: Digest + FixedOutputReset>(key: &PrivateKey, salt_len: usize, hashed: &[u8]) -> rsa10::Result<Vec<u8>> {
        // `Pss::new_with_salt` is blinded; the RNG gives the salt and the
        // blinding factors.
        key.sign_with_rng(&mut Drbg::new(), Pss::<D>::new_with_salt(salt_len), hashed)
    }
    let signature = match hash {
        HashAlgorithm::Sha1 => run::<Sha1>(private, salt_len, &hashed),
        HashAlgorithm::Sha224 => run::<Sha224>(private, salt_len, &hashed),
        HashAlgorithm::Sha256 => run::<Sha256>(private, salt_len, &hashed),
        HashAlgorithm::Sha384 => run::<Sha384>(private, salt_len, &hashed),
        HashAlgorithm::Sha512 => run::<Sha512>(private, salt_len, &hashed),
    };
    signature.map_err(|e| KmsError::Crypto(format!("RSASSA-PSS signing failed: {e}")))
}

/// The OAEP padding with `D` for the label and `M` for MGF1.
fn padding<D, M>(label: &[u8]) -> Oaep<D, M>
where
    D: Digest + FixedOutputReset,
    M: Digest + FixedOutputReset,
{
    if label.is_empty() { Oaep::new_with_mgf_hash() } else { Oaep::new_with_mgf_hash_and_label(label) }
}

/// aws-lc-rs's DRBG as the RNG rsa 0.10 takes: blinding factors, PSS
/// salts and OAEP seeds come from the same generator as the engine's keys.
struct Drbg(SystemRandom);

impl Drbg {
    fn new() -> Drbg {
        Drbg(SystemRandom::new())
    }
}

impl TryRng for Drbg {
    type Error = aws_lc_rs::error::Unspecified;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        let mut bytes = [0u8; 4];
        self.0.fill(&mut bytes)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        let mut bytes = [0u8; 8];
        self.0.fill(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        self.0.fill(dst)
    }
}

impl TryCryptoRng for Drbg {}

#[cfg(test)]
mod tests {
    use rsa10::traits::PublicKeyParts as _;

    use super::super::super::{Cipher, CipherParams, CryptoEngine, KeyPairSpec, KeyRef, SignatureScheme};
    use super::super::SoftwareEngine;
    use super::*;

    /// The first `value="…"` after `field` in an OASIS XML vector.
    fn field<'a>(xml: &'a str, field: &str, nth: usize) -> &'a str {
        let at = xml.match_indices(field).nth(nth).map(|(i, _)| i).expect("the field is in the vector");
        let rest = &xml[at..];
        let start = rest.find("value=\"").expect("a value") + 7;
        let end = start + rest[start..].find('"').expect("a closing quote");
        &rest[start..end]
    }

    /// RSASSA-PSS with a 222-byte salt (the longest SHA-256 and a 2048-bit
    /// key allow, as in OASIS CS-AC-M-1) signs through rsa 0.10, and the
    /// signature is checked by rsa 0.10's verifier with that salt length,
    /// not by aws-lc-rs nor by the engine's own verifier.
    #[test]
    fn pss_sign_with_a_222_byte_salt() {
        let engine = SoftwareEngine::new();
        let pair = engine.generate_key_pair(KeyPairSpec::Rsa { bits: 2048 }).expect("generates");
        let private = KeyRef { kind: KeyKind::RsaPrivate, material: &pair.private_pkcs8 };
        let public = KeyRef { kind: KeyKind::RsaPublic, material: &pair.public_spki };
        let checker = PublicKey::from_public_key_der(&pair.public_spki).expect("an SPKI");
        let scheme = SignatureScheme::RsaPssSalt(HashAlgorithm::Sha256, Some(222));
        let message = b"01020304050607080910111213141516";
        let hashed = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, message);

        let sig = engine.sign(private, scheme, SignInput::Data(message)).expect("signs");
        assert_eq!(sig.len(), checker.size());
        checker.verify(Pss::<Sha256>::new_with_salt(222), hashed.as_ref(), &sig).expect("a 222-byte salt");
        assert!(checker.verify(Pss::<Sha256>::new(), hashed.as_ref(), &sig).is_err(), "not a 32-byte salt");
        let other = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, b"another message");
        assert!(checker.verify(Pss::<Sha256>::new_with_salt(222), other.as_ref(), &sig).is_err());
        // The salt is random: signing again gives another signature.
        let again = engine.sign(private, scheme, SignInput::Data(message)).expect("signs");
        assert_ne!(sig, again);
        // A digest computed by the client signs the same way.
        let from_digest = engine.sign(private, scheme, SignInput::Digest(hashed.as_ref())).expect("signs");
        checker.verify(Pss::<Sha256>::new_with_salt(222), hashed.as_ref(), &from_digest).expect("verifies");
        // The engine's own verifier agrees: with 222, with any salt length
        // (read back from the signature), and not with 32.
        for (salt, expected) in [(Some(222), true), (None, true), (Some(32), false)] {
            let scheme = SignatureScheme::RsaPssSalt(HashAlgorithm::Sha256, salt);
            assert_eq!(engine.verify(public, scheme, SignInput::Data(message), &sig).expect("verifies"), expected);
        }
        // One byte more does not fit: emLen 256 >= 32 + 222 + 2.
        let too_long = engine.sign(
            private,
            SignatureScheme::RsaPssSalt(HashAlgorithm::Sha256, Some(223)),
            SignInput::Data(message),
        );
        assert!(matches!(too_long, Err(KmsError::InvalidField(_))), "{too_long:?}");
        // A salt of 0 bytes works too (RFC 8017 allows it), with SHA-384.
        let sig = engine
            .sign(private, SignatureScheme::RsaPssSalt(HashAlgorithm::Sha384, Some(0)), SignInput::Data(message))
            .expect("signs");
        let hashed = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA384, message);
        checker.verify(Pss::<Sha384>::new_with_salt(0), hashed.as_ref(), &sig).expect("an empty salt");
        // A public key does not sign.
        assert!(engine.sign(public, scheme, SignInput::Data(message)).is_err());
    }

    /// OAEP with SHA-384 for the label and SHA-256 for MGF1 (OASIS
    /// CS-AC-M-OAEP-8/10): a round trip, with and without a label, and the
    /// MGF1 hash matters (the same ciphertext does not open with SHA-384
    /// for both, nor with another label).
    #[test]
    fn oaep_sha384_mgf1_sha256_round_trip() {
        let engine = SoftwareEngine::new();
        let pair = engine.generate_key_pair(KeyPairSpec::Rsa { bits: 2048 }).expect("generates");
        let private = KeyRef { kind: KeyKind::RsaPrivate, material: &pair.private_pkcs8 };
        let public = KeyRef { kind: KeyKind::RsaPublic, material: &pair.public_spki };
        let cipher = Cipher::RsaOaepMgf { hash: HashAlgorithm::Sha384, mgf: HashAlgorithm::Sha256 };
        for label in [&b""[..], b"Kilroy was here"] {
            let mut params = CipherParams::new(cipher);
            params.label = label;
            let out = engine.encrypt(public, &params, b"a 28-byte secret for OAEP...").expect("encrypts");
            assert_eq!(out.data.len(), 256);
            let back = engine.decrypt(private, &params, &out.data, None).expect("decrypts");
            assert_eq!(&back[..], b"a 28-byte secret for OAEP...");
            // The private key encrypts with its public half.
            let out2 = engine.encrypt(private, &params, b"x").expect("encrypts");
            assert_eq!(&engine.decrypt(private, &params, &out2.data, None).expect("decrypts")[..], b"x");
            let mut same_hash = CipherParams::new(Cipher::RsaOaep(HashAlgorithm::Sha384));
            same_hash.label = label;
            assert!(engine.decrypt(private, &same_hash, &out.data, None).is_err(), "MGF1 with SHA-384");
            let mut other_label = CipherParams::new(cipher);
            other_label.label = b"another label";
            assert!(engine.decrypt(private, &other_label, &out.data, None).is_err(), "another label");
        }
        // At most k - 2 hLen - 2 = 158 bytes.
        let params = CipherParams::new(cipher);
        assert!(engine.encrypt(public, &params, &[7u8; 158]).is_ok());
        assert!(matches!(engine.encrypt(public, &params, &[7u8; 159]), Err(KmsError::InvalidField(_))));
        // A public key does not decrypt.
        assert!(engine.decrypt(public, &params, &[0u8; 256], None).is_err());
    }

    /// The ciphertexts of OASIS CS-AC-M-OAEP-8-14 (no label) and
    /// CS-AC-M-OAEP-10-14 (label "Kilroy was here") decrypt to the
    /// plaintext the vectors record, with their PKCS#1 keys.
    #[test]
    fn oaep_known_ciphertexts_from_the_oasis_vectors() {
        let engine = SoftwareEngine::new();
        let vectors = [
            include_str!("../../../vectors/oasis/kmip-1.4/mandatory/CS-AC-M-OAEP-8-14.xml"),
            include_str!("../../../vectors/oasis/kmip-1.4/mandatory/CS-AC-M-OAEP-10-14.xml"),
        ];
        for (i, xml) in vectors.into_iter().enumerate() {
            let pkcs1 = hex::decode(field(xml, "<KeyMaterial", 0)).expect("hex");
            let pkcs8 = crate::crypto::formats::private_to_pkcs8(&pkcs1).expect("a PKCS#1 key");
            let ciphertext = hex::decode(field(xml, "<Data ", 0)).expect("hex");
            let plaintext = hex::decode(field(xml, "<Data ", 1)).expect("hex");
            let label = if xml.contains("<PSource") {
                hex::decode(field(xml, "<PSource", 0)).expect("hex")
            } else {
                Vec::new()
            };
            assert_eq!(label.is_empty(), i == 0);
            let private = KeyRef { kind: KeyKind::RsaPrivate, material: &pkcs8 };
            let mut params =
                CipherParams::new(Cipher::RsaOaepMgf { hash: HashAlgorithm::Sha384, mgf: HashAlgorithm::Sha256 });
            params.label = &label;
            let back = engine.decrypt(private, &params, &ciphertext, None).expect("decrypts");
            assert_eq!(hex::encode(&back[..]), hex::encode(&plaintext), "vector {i}");
            // One flipped bit and the padding check fails.
            let mut bad = ciphertext.clone();
            bad[100] ^= 0x10;
            assert!(engine.decrypt(private, &params, &bad, None).is_err(), "vector {i}");
        }
    }
}
