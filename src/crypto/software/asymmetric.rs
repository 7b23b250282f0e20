//! RSA, ECDSA and Ed25519 with aws-lc-rs: key pair generation, signatures
//! and RSA encryption. Private-key operations never use the `rsa` crate
//! 0.9 (RUSTSEC-2023-0071); the few aws-lc-rs lacks use rsa 0.10
//! (`rsa_private.rs`).

use aws_lc_rs::digest::Digest;
use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der, PublicKeyX509Der};
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{
    self, OaepPrivateDecryptingKey, OaepPublicEncryptingKey, Pkcs1PrivateDecryptingKey, Pkcs1PublicEncryptingKey,
    PrivateDecryptingKey, PublicEncryptingKey,
};
use aws_lc_rs::signature::{
    self, EcdsaKeyPair, EcdsaSigningAlgorithm, Ed25519KeyPair, KeyPair, ParsedPublicKey, RsaKeyPair, UnparsedPublicKey,
    VerificationAlgorithm,
};
use zeroize::Zeroizing;

use super::super::{Cipher, Curve, GeneratedKeyPair, HashAlgorithm, KeyKind, KeyPairSpec, SignInput, SignatureScheme};
use crate::error::KmsError;

/// A generated key pair as PKCS#8 and SubjectPublicKeyInfo.
pub(super) fn generate(spec: KeyPairSpec) -> Result<GeneratedKeyPair, KmsError> {
    let failed = |_| KmsError::Crypto("key pair generation failed".into());
    match spec {
        KeyPairSpec::Rsa { bits } => {
            let size = match bits {
                2048 => rsa::KeySize::Rsa2048,
                3072 => rsa::KeySize::Rsa3072,
                4096 => rsa::KeySize::Rsa4096,
                n => return Err(KmsError::InvalidField(format!("RSA keys have 2048, 3072 or 4096 bits, not {n}"))),
            };
            let pair = RsaKeyPair::generate(size).map_err(failed)?;
            let private: Pkcs8V1Der<'_> = pair.as_der().map_err(failed)?;
            let public: PublicKeyX509Der<'_> = pair.public_key().as_der().map_err(failed)?;
            Ok(GeneratedKeyPair {
                private_pkcs8: Zeroizing::new(private.as_ref().to_vec()),
                public_spki: public.as_ref().to_vec(),
            })
        }
        KeyPairSpec::Ec(curve) => {
            let pair = EcdsaKeyPair::generate(ecdsa_signing(curve, default_hash(curve))?).map_err(failed)?;
            let private = pair.to_pkcs8v1().map_err(failed)?;
            let public: PublicKeyX509Der<'_> = pair.public_key().as_der().map_err(failed)?;
            Ok(GeneratedKeyPair {
                private_pkcs8: Zeroizing::new(private.as_ref().to_vec()),
                public_spki: public.as_ref().to_vec(),
            })
        }
        KeyPairSpec::Ed25519 => {
            let pair = Ed25519KeyPair::generate().map_err(failed)?;
            let private = pair.to_pkcs8v1().map_err(failed)?;
            let public: PublicKeyX509Der<'_> = pair.public_key().as_der().map_err(failed)?;
            Ok(GeneratedKeyPair {
                private_pkcs8: Zeroizing::new(private.as_ref().to_vec()),
                public_spki: public.as_ref().to_vec(),
            })
        }
    }
}

/// A parsed key, ready to use: what the engine caches.
pub(super) enum Prepared {
    /// An AES-GCM key.
    Gcm(aws_lc_rs::aead::LessSafeKey),
    /// An RSA private key for signing.
    RsaSigning(RsaKeyPair),
    /// An RSA private key for decryption.
    RsaDecrypting(PrivateDecryptingKey),
    /// An RSA public key for encryption.
    RsaEncrypting(PublicEncryptingKey),
    /// An ECDSA private key bound to its hash.
    Ecdsa(EcdsaKeyPair),
    /// An Ed25519 private key.
    Ed25519(Ed25519KeyPair),
    /// A public key bound to its verification algorithm.
    Verifying(ParsedPublicKey),
    /// An RSA key parsed by rsa 0.10, for what aws-lc-rs does not offer.
    Rsa10(super::rsa_private::Rsa10Key),
}

/// Parses `material` for signing with `scheme`.
pub(super) fn signing_key(kind: KeyKind, scheme: SignatureScheme, material: &[u8]) -> Result<Prepared, KmsError> {
    let rejected =
        |e: aws_lc_rs::error::KeyRejected| KmsError::InvalidField(format!("the private key is not usable: {e}"));
    match (kind, scheme) {
        (KeyKind::RsaPrivate, SignatureScheme::RsaPkcs1v15(_) | SignatureScheme::RsaPss(_)) => {
            Ok(Prepared::RsaSigning(RsaKeyPair::from_pkcs8(material).map_err(rejected)?))
        }
        (KeyKind::EcPrivate(curve), SignatureScheme::Ecdsa(hash)) => {
            Ok(Prepared::Ecdsa(EcdsaKeyPair::from_pkcs8(ecdsa_signing(curve, hash)?, material).map_err(rejected)?))
        }
        (KeyKind::Ed25519Private, SignatureScheme::Ed25519) => {
            Ok(Prepared::Ed25519(Ed25519KeyPair::from_pkcs8_maybe_unchecked(material).map_err(rejected)?))
        }
        (kind, scheme) => Err(mismatch(kind, scheme)),
    }
}

/// Parses a public key (SubjectPublicKeyInfo) for verifying `scheme`.
pub(super) fn verifying_key(kind: KeyKind, scheme: SignatureScheme, material: &[u8]) -> Result<Prepared, KmsError> {
    let algorithm: &'static dyn VerificationAlgorithm = match (kind, scheme) {
        (KeyKind::RsaPublic, SignatureScheme::RsaPkcs1v15(hash)) => match hash {
            HashAlgorithm::Sha1 => &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
            HashAlgorithm::Sha256 => &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
            HashAlgorithm::Sha384 => &signature::RSA_PKCS1_2048_8192_SHA384,
            HashAlgorithm::Sha512 => &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
            HashAlgorithm::Sha224 => return Err(unsupported_hash(hash)),
        },
        (KeyKind::RsaPublic, SignatureScheme::RsaPss(hash)) => match hash {
            HashAlgorithm::Sha256 => &signature::RSA_PSS_2048_8192_SHA256,
            HashAlgorithm::Sha384 => &signature::RSA_PSS_2048_8192_SHA384,
            HashAlgorithm::Sha512 => &signature::RSA_PSS_2048_8192_SHA512,
            other => return Err(unsupported_hash(other)),
        },
        (KeyKind::EcPublic(curve), SignatureScheme::Ecdsa(hash)) => match (curve, hash) {
            (Curve::P256, HashAlgorithm::Sha256) => &signature::ECDSA_P256_SHA256_ASN1,
            (Curve::P256, HashAlgorithm::Sha384) => &signature::ECDSA_P256_SHA384_ASN1,
            (Curve::P256, HashAlgorithm::Sha512) => &signature::ECDSA_P256_SHA512_ASN1,
            (Curve::P384, HashAlgorithm::Sha256) => &signature::ECDSA_P384_SHA256_ASN1,
            (Curve::P384, HashAlgorithm::Sha384) => &signature::ECDSA_P384_SHA384_ASN1,
            (Curve::P384, HashAlgorithm::Sha512) => &signature::ECDSA_P384_SHA512_ASN1,
            (_, other) => return Err(unsupported_hash(other)),
        },
        (KeyKind::Ed25519Public, SignatureScheme::Ed25519) => &signature::ED25519,
        (kind, scheme) => return Err(mismatch(kind, scheme)),
    };
    let parsed = UnparsedPublicKey::new(algorithm, material)
        .parse()
        .map_err(|e| KmsError::InvalidField(format!("the public key is not usable: {e}")))?;
    Ok(Prepared::Verifying(parsed))
}

/// Signs with a prepared private key.
pub(super) fn sign(key: &Prepared, scheme: SignatureScheme, input: SignInput<'_>) -> Result<Vec<u8>, KmsError> {
    let failed = |_| KmsError::Crypto("signing failed".into());
    match (key, scheme) {
        (Prepared::RsaSigning(pair), SignatureScheme::RsaPkcs1v15(hash) | SignatureScheme::RsaPss(hash)) => {
            let pss = matches!(scheme, SignatureScheme::RsaPss(_));
            let encoding: &'static dyn signature::RsaEncoding = match (pss, hash) {
                (false, HashAlgorithm::Sha256) => &signature::RSA_PKCS1_SHA256,
                (false, HashAlgorithm::Sha384) => &signature::RSA_PKCS1_SHA384,
                (false, HashAlgorithm::Sha512) => &signature::RSA_PKCS1_SHA512,
                (true, HashAlgorithm::Sha256) => &signature::RSA_PSS_SHA256,
                (true, HashAlgorithm::Sha384) => &signature::RSA_PSS_SHA384,
                (true, HashAlgorithm::Sha512) => &signature::RSA_PSS_SHA512,
                (_, other) => return Err(unsupported_hash(other)),
            };
            let mut out = vec![0u8; pair.public_modulus_len()];
            match input {
                SignInput::Data(data) => pair.sign(encoding, &SystemRandom::new(), data, &mut out).map_err(failed)?,
                SignInput::Digest(d) => pair.sign_digest(encoding, &imported(hash, d)?, &mut out).map_err(failed)?,
            }
            Ok(out)
        }
        (Prepared::Ecdsa(pair), SignatureScheme::Ecdsa(hash)) => {
            let signature = match input {
                SignInput::Data(data) => pair.sign(&SystemRandom::new(), data).map_err(failed)?,
                SignInput::Digest(d) => pair.sign_digest(&imported(hash, d)?).map_err(failed)?,
            };
            Ok(signature.as_ref().to_vec())
        }
        (Prepared::Ed25519(pair), SignatureScheme::Ed25519) => match input {
            SignInput::Data(data) => Ok(pair.sign(data).as_ref().to_vec()),
            SignInput::Digest(_) => Err(KmsError::InvalidField("Ed25519 signs the message, not a digest".into())),
        },
        _ => Err(KmsError::InvalidField("the key does not fit the signature scheme".into())),
    }
}

/// Verifies with a prepared public key.
pub(super) fn verify(
    key: &Prepared,
    scheme: SignatureScheme,
    input: SignInput<'_>,
    signature: &[u8],
) -> Result<bool, KmsError> {
    let Prepared::Verifying(parsed) = key else {
        return Err(KmsError::InvalidField("the key does not verify signatures".into()));
    };
    let result = match input {
        SignInput::Data(data) => parsed.verify_sig(data, signature),
        SignInput::Digest(d) => {
            let hash = match scheme {
                SignatureScheme::RsaPkcs1v15(h)
                | SignatureScheme::RsaPss(h)
                | SignatureScheme::RsaPssSalt(h, _)
                | SignatureScheme::RsaPssMgf { hash: h, .. }
                | SignatureScheme::Ecdsa(h) => h,
                SignatureScheme::Ed25519 => {
                    return Err(KmsError::InvalidField("Ed25519 verifies the message, not a digest".into()));
                }
            };
            parsed.verify_digest_sig(&imported(hash, d)?, signature)
        }
    };
    Ok(result.is_ok())
}

/// Parses an RSA key for `cipher`: a private key (PKCS#8) decrypts, a
/// public one (SPKI) encrypts.
pub(super) fn rsa_cipher_key(kind: KeyKind, material: &[u8]) -> Result<Prepared, KmsError> {
    match kind {
        KeyKind::RsaPrivate => Ok(Prepared::RsaDecrypting(
            PrivateDecryptingKey::from_pkcs8(material)
                .map_err(|e| KmsError::InvalidField(format!("the RSA private key is not usable: {e}")))?,
        )),
        KeyKind::RsaPublic => Ok(Prepared::RsaEncrypting(
            PublicEncryptingKey::from_der(material)
                .map_err(|e| KmsError::InvalidField(format!("the RSA public key is not usable: {e}")))?,
        )),
        other => Err(KmsError::InvalidField(format!("RSA encryption needs an RSA key, not {other:?}"))),
    }
}

/// RSA encryption with a public key (a private key's public half is used
/// when the caller gives the private key).
pub(super) fn rsa_encrypt(key: &Prepared, cipher: Cipher, label: &[u8], data: &[u8]) -> Result<Vec<u8>, KmsError> {
    let public = match key {
        Prepared::RsaEncrypting(public) => public.clone(),
        Prepared::RsaDecrypting(private) => private.public_key(),
        _ => return Err(KmsError::InvalidField("RSA encryption needs an RSA key".into())),
    };
    let failed = |_| KmsError::InvalidField("the data is too long for the RSA key".into());
    match cipher {
        Cipher::RsaOaep(hash) => {
            let key = OaepPublicEncryptingKey::new(public).map_err(|_| KmsError::Crypto("RSA key".into()))?;
            let mut out = vec![0u8; key.ciphertext_size()];
            let label = (!label.is_empty()).then_some(label);
            let len = key.encrypt(oaep(hash)?, data, &mut out, label).map_err(failed)?.len();
            out.truncate(len);
            Ok(out)
        }
        Cipher::RsaPkcs1v15 => {
            let key = Pkcs1PublicEncryptingKey::new(public).map_err(|_| KmsError::Crypto("RSA key".into()))?;
            let mut out = vec![0u8; key.ciphertext_size()];
            let len = key.encrypt(data, &mut out).map_err(failed)?.len();
            out.truncate(len);
            Ok(out)
        }
        other => Err(KmsError::InvalidField(format!("{other:?} is not an RSA cipher"))),
    }
}

/// RSA decryption with a private key.
pub(super) fn rsa_decrypt(
    key: &Prepared,
    cipher: Cipher,
    label: &[u8],
    data: &[u8],
) -> Result<Zeroizing<Vec<u8>>, KmsError> {
    let Prepared::RsaDecrypting(private) = key else {
        return Err(KmsError::InvalidField("RSA decryption needs the private key".into()));
    };
    let failed = |_| KmsError::Crypto("RSA decryption failed".into());
    let mut out = Zeroizing::new(vec![0u8; private.key_size_bytes()]);
    let len = match cipher {
        Cipher::RsaOaep(hash) => {
            let key = OaepPrivateDecryptingKey::new(private.clone()).map_err(failed)?;
            let label = (!label.is_empty()).then_some(label);
            key.decrypt(oaep(hash)?, data, &mut out, label).map_err(failed)?.len()
        }
        Cipher::RsaPkcs1v15 => {
            let key = Pkcs1PrivateDecryptingKey::new(private.clone()).map_err(failed)?;
            key.decrypt(data, &mut out).map_err(failed)?.len()
        }
        other => return Err(KmsError::InvalidField(format!("{other:?} is not an RSA cipher"))),
    };
    out.truncate(len);
    Ok(out)
}

fn oaep(hash: HashAlgorithm) -> Result<&'static rsa::OaepAlgorithm, KmsError> {
    Ok(match hash {
        HashAlgorithm::Sha1 => &rsa::OAEP_SHA1_MGF1SHA1,
        HashAlgorithm::Sha256 => &rsa::OAEP_SHA256_MGF1SHA256,
        HashAlgorithm::Sha384 => &rsa::OAEP_SHA384_MGF1SHA384,
        HashAlgorithm::Sha512 => &rsa::OAEP_SHA512_MGF1SHA512,
        other => return Err(unsupported_hash(other)),
    })
}

fn ecdsa_signing(curve: Curve, hash: HashAlgorithm) -> Result<&'static EcdsaSigningAlgorithm, KmsError> {
    match (curve, hash) {
        (Curve::P256, HashAlgorithm::Sha256) => Ok(&signature::ECDSA_P256_SHA256_ASN1_SIGNING),
        (Curve::P384, HashAlgorithm::Sha384) => Ok(&signature::ECDSA_P384_SHA384_ASN1_SIGNING),
        (curve, hash) => Err(KmsError::Unsupported(format!("ECDSA signing on {curve:?} with {hash:?}"))),
    }
}

fn default_hash(curve: Curve) -> HashAlgorithm {
    match curve {
        Curve::P256 => HashAlgorithm::Sha256,
        Curve::P384 => HashAlgorithm::Sha384,
    }
}

/// A digest the client computed, for signing or verifying.
fn imported(hash: HashAlgorithm, bytes: &[u8]) -> Result<Digest, KmsError> {
    let algorithm = super::digest_algorithm(hash);
    Digest::import_less_safe(bytes, algorithm).map_err(|_| {
        KmsError::InvalidField(format!("a {hash:?} digest has {} bytes, not {}", hash.output_len(), bytes.len()))
    })
}

fn unsupported_hash(hash: HashAlgorithm) -> KmsError {
    KmsError::Unsupported(format!("{hash:?} with this signature or padding scheme"))
}

fn mismatch(kind: KeyKind, scheme: SignatureScheme) -> KmsError {
    KmsError::InvalidField(format!("a {kind:?} key cannot be used with {scheme:?}"))
}
