//! What the cryptographic operations share: Cryptographic Parameters
//! (KMIP 2.1 §11.8) merged over the key's own, the checks that a key may be
//! used (state, dates, usage mask, usage limits), and the key block turned
//! into the form the engine takes.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use kmip_ttlv::enums::{
    BlockCipherMode, CryptographicAlgorithm, CryptographicUsageMask, DigitalSignatureAlgorithm, HashingAlgorithm,
    KeyFormatType, ObjectType, PaddingMethod, RecommendedCurve, State, UsageLimitsUnit,
};
use kmip_ttlv::model::Fields;
use kmip_ttlv::{Tag, Ttlv, Value};
use zeroize::Zeroizing;

use super::context::OpContext;
use super::object::ManagedObject;
use crate::crypto::formats::{self, AsymmetricKind};
use crate::crypto::{
    Cipher, CipherParams, Curve, HashAlgorithm, KeyKind, KeyRef, MacAlgorithm, Padding, SignatureScheme,
};
use crate::error::KmsError;

/// Cryptographic Parameters: the request's fields over the key's.
#[derive(Clone, Debug, Default)]
pub(crate) struct CryptoParams {
    pub block_cipher_mode: Option<BlockCipherMode>,
    pub padding_method: Option<PaddingMethod>,
    pub hashing_algorithm: Option<HashingAlgorithm>,
    pub digital_signature_algorithm: Option<DigitalSignatureAlgorithm>,
    pub cryptographic_algorithm: Option<CryptographicAlgorithm>,
    pub random_iv: Option<bool>,
    pub iv_length: Option<i32>,
    pub tag_length: Option<i32>,
    pub mask_generator_hashing_algorithm: Option<HashingAlgorithm>,
    pub p_source: Option<Bytes>,
    pub salt_length: Option<i32>,
}

impl CryptoParams {
    /// The parameters of a Cryptographic Parameters structure.
    pub fn parse(item: &Ttlv) -> Result<CryptoParams, KmsError> {
        let f = Fields::of(item)?;
        Ok(CryptoParams {
            block_cipher_mode: f.enumeration(Tag::BLOCK_CIPHER_MODE)?.map(BlockCipherMode),
            padding_method: f.enumeration(Tag::PADDING_METHOD)?.map(PaddingMethod),
            hashing_algorithm: f.enumeration(Tag::HASHING_ALGORITHM)?.map(HashingAlgorithm),
            digital_signature_algorithm: f
                .enumeration(Tag::DIGITAL_SIGNATURE_ALGORITHM)?
                .map(DigitalSignatureAlgorithm),
            cryptographic_algorithm: f.enumeration(Tag::CRYPTOGRAPHIC_ALGORITHM)?.map(CryptographicAlgorithm),
            random_iv: f.boolean(Tag::RANDOM_IV)?,
            iv_length: f.integer(Tag::IV_LENGTH)?,
            tag_length: f.integer(Tag::TAG_LENGTH)?,
            mask_generator_hashing_algorithm: f
                .enumeration(Tag::MASK_GENERATOR_HASHING_ALGORITHM)?
                .map(HashingAlgorithm),
            p_source: f.bytes(Tag::P_SOURCE)?.cloned(),
            salt_length: f.integer(Tag::SALT_LENGTH)?,
        })
    }

    /// The request's parameters (`request`, the payload's Cryptographic
    /// Parameters if any) over the object's Cryptographic Parameters
    /// attribute, field by field.
    pub fn merged(request: Option<&Ttlv>, object: &ManagedObject) -> Result<CryptoParams, KmsError> {
        let base = match object.attribute(Tag::CRYPTOGRAPHIC_PARAMETERS) {
            Some(value) => CryptoParams::parse(&Ttlv::new(Tag::CRYPTOGRAPHIC_PARAMETERS, value.clone()))?,
            None => CryptoParams::default(),
        };
        let Some(request) = request else { return Ok(base) };
        let over = CryptoParams::parse(request)?;
        Ok(CryptoParams {
            block_cipher_mode: over.block_cipher_mode.or(base.block_cipher_mode),
            padding_method: over.padding_method.or(base.padding_method),
            hashing_algorithm: over.hashing_algorithm.or(base.hashing_algorithm),
            digital_signature_algorithm: over.digital_signature_algorithm.or(base.digital_signature_algorithm),
            cryptographic_algorithm: over.cryptographic_algorithm.or(base.cryptographic_algorithm),
            random_iv: over.random_iv.or(base.random_iv),
            iv_length: over.iv_length.or(base.iv_length),
            tag_length: over.tag_length.or(base.tag_length),
            mask_generator_hashing_algorithm: over
                .mask_generator_hashing_algorithm
                .or(base.mask_generator_hashing_algorithm),
            p_source: over.p_source.or(base.p_source),
            salt_length: over.salt_length.or(base.salt_length),
        })
    }

    /// The cipher for a key of `kind`, and its engine parameters (IV,
    /// AAD and tag are filled in by the caller).
    pub fn cipher_params(
        &self,
        kind: KeyKind,
        algorithm: Option<CryptographicAlgorithm>,
    ) -> Result<CipherParams<'_>, KmsError> {
        let mode = self.block_cipher_mode;
        let cipher = match kind {
            KeyKind::Aes => match mode {
                None | Some(BlockCipherMode::GCM) | Some(BlockCipherMode::AEAD) => Cipher::AesGcm,
                Some(BlockCipherMode::CBC) => Cipher::AesCbc,
                Some(BlockCipherMode::ECB) => Cipher::AesEcb,
                Some(BlockCipherMode::CTR) => Cipher::AesCtr,
                Some(BlockCipherMode::XTS) => Cipher::AesXts,
                Some(BlockCipherMode::NIST_KEY_WRAP) => Cipher::AesKeyWrap,
                Some(BlockCipherMode::AES_KEY_WRAP_PADDING) => Cipher::AesKeyWrapPadded,
                Some(other) => return Err(KmsError::Unsupported(format!("AES in {other:?} mode"))),
            },
            KeyKind::TripleDes => match mode {
                None | Some(BlockCipherMode::CBC) => Cipher::TripleDesCbc,
                Some(BlockCipherMode::ECB) => Cipher::TripleDesEcb,
                Some(other) => return Err(KmsError::Unsupported(format!("Triple-DES in {other:?} mode"))),
            },
            KeyKind::ChaCha20 => {
                let requested = self.cryptographic_algorithm.or(algorithm);
                if requested == Some(CryptographicAlgorithm::CHA_CHA20_POLY1305) || mode == Some(BlockCipherMode::AEAD)
                {
                    Cipher::ChaCha20Poly1305
                } else {
                    Cipher::ChaCha20
                }
            }
            KeyKind::RsaPrivate | KeyKind::RsaPublic => match self.padding_method {
                None | Some(PaddingMethod::OAEP) => {
                    let hash = hash_of(self.hashing_algorithm.unwrap_or(HashingAlgorithm::SHA_1))?;
                    let mgf = hash_of(self.mask_generator_hashing_algorithm.unwrap_or(HashingAlgorithm::SHA_1))?;
                    if mgf == hash { Cipher::RsaOaep(hash) } else { Cipher::RsaOaepMgf { hash, mgf } }
                }
                Some(PaddingMethod::PKCS1_V1_5) => Cipher::RsaPkcs1v15,
                Some(other) => return Err(KmsError::Unsupported(format!("RSA encryption with {other:?} padding"))),
            },
            other => return Err(KmsError::IncompatibleUsageMask(format!("a {other:?} key does not encrypt"))),
        };
        let padding = match self.padding_method {
            Some(PaddingMethod::PKCS5) => Padding::Pkcs7,
            None | Some(PaddingMethod::NONE) => Padding::None,
            Some(_) if matches!(cipher, Cipher::RsaOaep(_) | Cipher::RsaOaepMgf { .. } | Cipher::RsaPkcs1v15) => {
                Padding::None
            }
            Some(other) => return Err(KmsError::Unsupported(format!("{other:?} padding"))),
        };
        let mut params = CipherParams::new(cipher);
        params.padding = padding;
        if let Some(len) = self.tag_length {
            params.tag_len = usize::try_from(len).map_err(|_| KmsError::InvalidField("negative Tag Length".into()))?;
        }
        if let Some(label) = &self.p_source {
            params.label = label;
        }
        Ok(params)
    }

    /// The signature scheme for a key of `kind`.
    pub fn signature_scheme(&self, kind: KeyKind) -> Result<SignatureScheme, KmsError> {
        use DigitalSignatureAlgorithm as D;
        let pss = |hash: HashAlgorithm| -> Result<SignatureScheme, KmsError> {
            let salt = match self.salt_length {
                Some(n) => Some(usize::try_from(n).map_err(|_| KmsError::InvalidField("negative Salt Length".into()))?),
                None => None,
            };
            // An MGF1 hash given explicitly is honoured (signing with one
            // that differs is refused by the engine, verifying works);
            // without one MGF1 uses the message hash, as aws-lc-rs does.
            match self.mask_generator_hashing_algorithm.map(hash_of).transpose()? {
                Some(mgf) if mgf != hash => Ok(SignatureScheme::RsaPssMgf { hash, mgf, salt }),
                _ => Ok(SignatureScheme::RsaPssSalt(hash, salt)),
            }
        };
        if let Some(algorithm) = self.digital_signature_algorithm {
            let pss_hash = || hash_of(self.hashing_algorithm.unwrap_or(HashingAlgorithm::SHA_256));
            return Ok(match algorithm {
                D::SHA_1_WITH_RSA_ENCRYPTION => SignatureScheme::RsaPkcs1v15(HashAlgorithm::Sha1),
                D::SHA_224_WITH_RSA_ENCRYPTION => SignatureScheme::RsaPkcs1v15(HashAlgorithm::Sha224),
                D::SHA_256_WITH_RSA_ENCRYPTION => SignatureScheme::RsaPkcs1v15(HashAlgorithm::Sha256),
                D::SHA_384_WITH_RSA_ENCRYPTION => SignatureScheme::RsaPkcs1v15(HashAlgorithm::Sha384),
                D::SHA_512_WITH_RSA_ENCRYPTION => SignatureScheme::RsaPkcs1v15(HashAlgorithm::Sha512),
                D::RSASSA_PSS => pss(pss_hash()?)?,
                D::ECDSA_WITH_SHA_1 => SignatureScheme::Ecdsa(HashAlgorithm::Sha1),
                D::ECDSA_WITH_SHA224 => SignatureScheme::Ecdsa(HashAlgorithm::Sha224),
                D::ECDSA_WITH_SHA256 => SignatureScheme::Ecdsa(HashAlgorithm::Sha256),
                D::ECDSA_WITH_SHA384 => SignatureScheme::Ecdsa(HashAlgorithm::Sha384),
                D::ECDSA_WITH_SHA512 => SignatureScheme::Ecdsa(HashAlgorithm::Sha512),
                other => return Err(KmsError::Unsupported(format!("the {other:?} signature algorithm"))),
            });
        }
        match kind {
            KeyKind::RsaPrivate | KeyKind::RsaPublic => {
                let hash = hash_of(self.hashing_algorithm.unwrap_or(HashingAlgorithm::SHA_256))?;
                match self.padding_method {
                    Some(PaddingMethod::PSS) => pss(hash),
                    None | Some(PaddingMethod::PKCS1_V1_5) => Ok(SignatureScheme::RsaPkcs1v15(hash)),
                    Some(other) => Err(KmsError::Unsupported(format!("RSA signatures with {other:?} padding"))),
                }
            }
            KeyKind::EcPrivate(curve) | KeyKind::EcPublic(curve) => {
                let default = match curve {
                    Curve::P256 => HashingAlgorithm::SHA_256,
                    Curve::P384 => HashingAlgorithm::SHA_384,
                };
                Ok(SignatureScheme::Ecdsa(hash_of(self.hashing_algorithm.unwrap_or(default))?))
            }
            KeyKind::Ed25519Private | KeyKind::Ed25519Public => Ok(SignatureScheme::Ed25519),
            other => Err(KmsError::IncompatibleUsageMask(format!("a {other:?} key does not sign"))),
        }
    }
}

/// The engine hash for a KMIP Hashing Algorithm.
pub(crate) fn hash_of(algorithm: HashingAlgorithm) -> Result<HashAlgorithm, KmsError> {
    Ok(match algorithm {
        HashingAlgorithm::SHA_1 => HashAlgorithm::Sha1,
        HashingAlgorithm::SHA_224 => HashAlgorithm::Sha224,
        HashingAlgorithm::SHA_256 => HashAlgorithm::Sha256,
        HashingAlgorithm::SHA_384 => HashAlgorithm::Sha384,
        HashingAlgorithm::SHA_512 => HashAlgorithm::Sha512,
        other => return Err(KmsError::Unsupported(format!("the {other:?} hashing algorithm"))),
    })
}

/// The MAC algorithm for a key: HMAC per the key's algorithm (or the
/// request's), CMAC for an AES key.
pub(crate) fn mac_algorithm(object: &ManagedObject, params: &CryptoParams) -> Result<MacAlgorithm, KmsError> {
    let algorithm = params.cryptographic_algorithm.or_else(|| object_algorithm(object));
    Ok(match algorithm {
        Some(CryptographicAlgorithm::HMAC_SHA1) => MacAlgorithm::Hmac(HashAlgorithm::Sha1),
        Some(CryptographicAlgorithm::HMAC_SHA224) => MacAlgorithm::Hmac(HashAlgorithm::Sha224),
        Some(CryptographicAlgorithm::HMAC_SHA256) => MacAlgorithm::Hmac(HashAlgorithm::Sha256),
        Some(CryptographicAlgorithm::HMAC_SHA384) => MacAlgorithm::Hmac(HashAlgorithm::Sha384),
        Some(CryptographicAlgorithm::HMAC_SHA512) => MacAlgorithm::Hmac(HashAlgorithm::Sha512),
        Some(CryptographicAlgorithm::AES) if params.block_cipher_mode == Some(BlockCipherMode::CMAC) => {
            MacAlgorithm::AesCmac
        }
        Some(CryptographicAlgorithm::AES) => match params.hashing_algorithm {
            Some(h) => MacAlgorithm::Hmac(hash_of(h)?),
            None => MacAlgorithm::AesCmac,
        },
        other => return Err(KmsError::Unsupported(format!("MAC with {other:?}"))),
    })
}

/// The object's Cryptographic Algorithm.
pub(crate) fn object_algorithm(object: &ManagedObject) -> Option<CryptographicAlgorithm> {
    object.attribute(Tag::CRYPTOGRAPHIC_ALGORITHM).and_then(Value::as_enumeration).map(CryptographicAlgorithm)
}

/// A use of a key, for the state, date and usage-mask checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Use {
    Encrypt,
    Decrypt,
    Sign,
    Verify,
    MacGenerate,
    MacVerify,
    WrapKey,
    DeriveKey,
}

impl Use {
    /// Protect uses apply cryptographic protection; they need an Active
    /// key. Process uses (decrypt, verify, unwrap) also work with a
    /// Deactivated or Compromised key (KMIP 2.1 §5: such keys may still
    /// process protected data).
    fn protects(self) -> bool {
        matches!(self, Use::Encrypt | Use::Sign | Use::MacGenerate | Use::WrapKey | Use::DeriveKey)
    }

    fn mask(self) -> CryptographicUsageMask {
        match self {
            Use::Encrypt => CryptographicUsageMask::ENCRYPT,
            Use::Decrypt => CryptographicUsageMask::DECRYPT,
            Use::Sign => CryptographicUsageMask::SIGN,
            Use::Verify => CryptographicUsageMask::VERIFY,
            Use::MacGenerate => CryptographicUsageMask::MAC_GENERATE,
            Use::MacVerify => CryptographicUsageMask::MAC_VERIFY,
            Use::WrapKey => CryptographicUsageMask::WRAP_KEY,
            Use::DeriveKey => CryptographicUsageMask::DERIVE_KEY,
        }
    }
}

/// Checks that `object` may be used for `use_` now: it holds key
/// material, is not archived, is in a state and inside the dates that allow
/// the use, and its Cryptographic Usage Mask (when set) allows it.
pub(crate) fn check_usable(object: &ManagedObject, use_: Use, now: i64) -> Result<(), KmsError> {
    let id = &object.id;
    if object.date(Tag::ARCHIVE_DATE).is_some() {
        return Err(KmsError::ObjectArchived(id.clone()));
    }
    if object.value.is_none() {
        return Err(KmsError::ObjectDestroyed(id.clone()));
    }
    let state = object.state();
    let allowed = if use_.protects() {
        state == State::ACTIVE
    } else {
        state == State::ACTIVE || state == State::DEACTIVATED || state == State::COMPROMISED
    };
    if !allowed {
        return Err(KmsError::WrongState(format!("{id} is {state:?}: it cannot be used to {use_:?}")));
    }
    if use_.protects()
        && let Some(stop) = object.date(Tag::PROTECT_STOP_DATE)
        && now >= stop
    {
        return Err(KmsError::WrongState(format!("{id} is past its Protect Stop Date")));
    }
    if !use_.protects()
        && let Some(start) = object.date(Tag::PROCESS_START_DATE)
        && now < start
    {
        return Err(KmsError::WrongState(format!("{id} is before its Process Start Date")));
    }
    if let Some(mask) = object.attribute(Tag::CRYPTOGRAPHIC_USAGE_MASK).and_then(Value::as_integer) {
        let mask = CryptographicUsageMask(mask as u32);
        if !mask.contains(use_.mask()) {
            return Err(KmsError::IncompatibleUsageMask(format!(
                "the Cryptographic Usage Mask of {id} does not allow {use_:?}"
            )));
        }
    }
    Ok(())
}

/// Counts one use of `amount` bytes against the object's Usage Limits
/// (KMIP 2.1 §4.53), if it has any: Byte limits count the data, Object
/// limits count operations. A use beyond the limit is refused. Returns
/// true when the object changed and must be saved.
pub(crate) fn charge_usage(ctx: &mut OpContext<'_>, object: &ManagedObject, bytes: usize) -> Result<(), KmsError> {
    let Some(Value::Structure(children)) = object.attribute(Tag::USAGE_LIMITS).cloned() else {
        return Ok(());
    };
    let limits = Ttlv::new(Tag::USAGE_LIMITS, Value::Structure(children));
    let f = Fields::of(&limits)?;
    let unit = f.enumeration(Tag::USAGE_LIMITS_UNIT)?.map(UsageLimitsUnit);
    let total = f.long_integer(Tag::USAGE_LIMITS_TOTAL)?.unwrap_or(i64::MAX);
    let count = f.long_integer(Tag::USAGE_LIMITS_COUNT)?.unwrap_or(total);
    let cost = match unit {
        Some(UsageLimitsUnit::OBJECT) => 1,
        _ => i64::try_from(bytes).unwrap_or(i64::MAX),
    };
    if cost > count {
        return Err(KmsError::PermissionDenied(format!("the Usage Limits of {} are exhausted", object.id)));
    }
    let mut updated = Vec::new();
    let mut has_count = false;
    for child in f.items() {
        if child.tag == Tag::USAGE_LIMITS_COUNT {
            has_count = true;
            updated.push(Ttlv::new(Tag::USAGE_LIMITS_COUNT, Value::LongInteger(count - cost)));
        } else {
            updated.push(child.clone());
        }
    }
    if !has_count {
        updated.push(Ttlv::new(Tag::USAGE_LIMITS_COUNT, Value::LongInteger(count - cost)));
    }
    let mut object = object.clone();
    object.set(Tag::USAGE_LIMITS, Value::Structure(updated));
    ctx.save(object);
    Ok(())
}

/// [`charge_usage`] for one piece of a streamed operation: every piece's
/// bytes count against a Byte limit; an Object limit counts the stream once,
/// at its `first` piece.
pub(crate) fn charge_stream_piece(
    ctx: &mut OpContext<'_>,
    object: &ManagedObject,
    bytes: usize,
    first: bool,
) -> Result<(), KmsError> {
    let per_object = object
        .attribute(Tag::USAGE_LIMITS)
        .and_then(|limits| limits.as_structure())
        .and_then(|children| children.iter().find(|c| c.tag == Tag::USAGE_LIMITS_UNIT))
        .and_then(|unit| unit.value.as_enumeration())
        == Some(UsageLimitsUnit::OBJECT.0);
    if per_object && !first {
        return Ok(());
    }
    charge_usage(ctx, object, bytes)
}

/// Key material in the form the engine takes, with its kind.
pub(crate) struct EngineKey {
    pub kind: KeyKind,
    pub material: Zeroizing<Vec<u8>>,
}

impl EngineKey {
    /// The reference the engine calls take.
    pub fn key_ref(&self) -> KeyRef<'_> {
        KeyRef { kind: self.kind, material: &self.material }
    }
}

/// Asymmetric keys in the engine's form, converted once from the form the
/// store holds them in (PKCS#1, SEC1, transparent, certificates: converting
/// an EC private key computes its public point, which costs more than
/// signing). Keyed by a SHA-256 digest of the stored object value, so an
/// entry can never stand for other material; bounded.
pub(crate) struct EngineKeys {
    map: Mutex<HashMap<Vec<u8>, Arc<EngineKey>>>,
}

/// At most this many converted keys are kept.
const ENGINE_KEYS: usize = 4096;

impl EngineKeys {
    pub(crate) fn new() -> EngineKeys {
        EngineKeys { map: Mutex::new(HashMap::new()) }
    }
}

/// A key ready for the engine: a symmetric key's bytes borrowed from its
/// object, or an asymmetric key converted once and shared.
pub(crate) struct KeyForEngine<'o> {
    pub kind: KeyKind,
    material: KeyBytes<'o>,
}

enum KeyBytes<'o> {
    Stored(&'o [u8]),
    Converted(Arc<EngineKey>),
}

impl KeyForEngine<'_> {
    /// The reference the engine calls take.
    pub fn key_ref(&self) -> KeyRef<'_> {
        let material = match &self.material {
            KeyBytes::Stored(bytes) => bytes,
            KeyBytes::Converted(key) => &key.material[..],
        };
        KeyRef { kind: self.kind, material }
    }
}

/// The engine key of `object` ([`engine_key`]), or with `public_half` the
/// public key of a private key. Symmetric keys are not copied; asymmetric
/// ones are converted once per stored value.
pub(crate) fn cached_engine_key<'o>(
    ctx: &OpContext<'_>,
    object: &'o ManagedObject,
    public_half: bool,
) -> Result<KeyForEngine<'o>, KmsError> {
    if object.object_type == ObjectType::SYMMETRIC_KEY {
        let (_, material) = stored_material(object)?;
        let (kind, bytes) = symmetric_material(object, material)?;
        return Ok(KeyForEngine { kind, material: KeyBytes::Stored(bytes) });
    }
    let converted = converted_key(ctx, object, public_half)?;
    Ok(KeyForEngine { kind: converted.kind, material: KeyBytes::Converted(converted) })
}

/// An asymmetric key (or any other) in the engine's form, from the cache or
/// converted now.
fn converted_key(ctx: &OpContext<'_>, object: &ManagedObject, public_half: bool) -> Result<Arc<EngineKey>, KmsError> {
    let asymmetric =
        matches!(object.object_type, ObjectType::PRIVATE_KEY | ObjectType::PUBLIC_KEY | ObjectType::CERTIFICATE);
    let Some(value) = object.value.as_ref().filter(|_| asymmetric) else {
        return engine_key(object).map(Arc::new);
    };
    let mut named = kmip_ttlv::wire::to_vec(value).map_err(|e| KmsError::Internal(format!("key value: {e}")))?;
    named.extend_from_slice(&object.object_type.0.to_be_bytes());
    named.push(u8::from(public_half));
    let name = ctx.crypto.digest(HashAlgorithm::Sha256, &named);
    zeroize::Zeroize::zeroize(&mut named);
    let poisoned = || KmsError::Internal("the engine key cache lock is poisoned".into());
    if let Some(found) = ctx.keys.map.lock().map_err(|_| poisoned())?.get(&name) {
        return Ok(Arc::clone(found));
    }
    let mut key = engine_key(object)?;
    if public_half {
        key = public_half_of(key)?;
    }
    let key = Arc::new(key);
    let mut map = ctx.keys.map.lock().map_err(|_| poisoned())?;
    if map.len() >= ENGINE_KEYS {
        let drop: Vec<Vec<u8>> = map.keys().take(ENGINE_KEYS / 2).cloned().collect();
        for k in drop {
            map.remove(&k);
        }
    }
    map.insert(name, Arc::clone(&key));
    Ok(key)
}

/// The public key of a private key (unchanged for any other key).
fn public_half_of(key: EngineKey) -> Result<EngineKey, KmsError> {
    let kind = match key.kind {
        KeyKind::RsaPrivate => KeyKind::RsaPublic,
        KeyKind::EcPrivate(c) => KeyKind::EcPublic(c),
        KeyKind::Ed25519Private => KeyKind::Ed25519Public,
        _ => return Ok(key),
    };
    let spki = formats::public_from_private(&key.material).map_err(format_error)?;
    Ok(EngineKey { kind, material: Zeroizing::new(spki) })
}

/// The object's key material for the engine: raw bytes for a symmetric
/// key, PKCS#8 for a private key, SubjectPublicKeyInfo for a public key.
pub(crate) fn engine_key(object: &ManagedObject) -> Result<EngineKey, KmsError> {
    let (format, material) = stored_material(object)?;
    match object.object_type {
        ObjectType::SYMMETRIC_KEY => {
            let (kind, bytes) = symmetric_material(object, material)?;
            Ok(EngineKey { kind, material: Zeroizing::new(bytes.to_vec()) })
        }
        ObjectType::PRIVATE_KEY => {
            let der: Zeroizing<Vec<u8>> = match (&material.value, format) {
                (Value::ByteString(b), _) => formats::private_to_pkcs8(b).map_err(format_error)?,
                (Value::Structure(_), Some(KeyFormatType::TRANSPARENT_RSA_PRIVATE_KEY)) => {
                    let pkcs1 =
                        formats::rsa_private_from_components(&rsa_private_input(material)?).map_err(format_error)?;
                    formats::private_to_pkcs8(&pkcs1).map_err(format_error)?
                }
                (Value::Structure(_), Some(KeyFormatType::TRANSPARENT_EC_PRIVATE_KEY)) => {
                    let (kind, scalar) = ec_private_input(material)?;
                    formats::ec_private_from_scalar(kind, &scalar).map_err(format_error)?
                }
                _ => return Err(KmsError::Unsupported(format!("cryptography with a {format:?} private key"))),
            };
            let (kind, _) = formats::identify_private(&der).map_err(format_error)?;
            let kind = match kind {
                AsymmetricKind::Rsa => KeyKind::RsaPrivate,
                AsymmetricKind::EcP256 => KeyKind::EcPrivate(Curve::P256),
                AsymmetricKind::EcP384 => KeyKind::EcPrivate(Curve::P384),
                AsymmetricKind::Ed25519 => KeyKind::Ed25519Private,
            };
            Ok(EngineKey { kind, material: der })
        }
        ObjectType::PUBLIC_KEY | ObjectType::CERTIFICATE => {
            let der = if object.object_type == ObjectType::CERTIFICATE {
                let cert = object
                    .value
                    .as_ref()
                    .and_then(|v| v.child(Tag::CERTIFICATE_VALUE))
                    .and_then(|v| v.value.as_bytes())
                    .ok_or_else(|| KmsError::Internal("certificate without a value".into()))?;
                formats::certificate_public_key(cert).map_err(format_error)?
            } else {
                match (&material.value, format) {
                    (Value::ByteString(b), _) => formats::public_to_spki(b).map_err(format_error)?,
                    (Value::Structure(_), Some(KeyFormatType::TRANSPARENT_RSA_PUBLIC_KEY)) => {
                        let f = Fields::of(material)?;
                        let n = big(&f, Tag::MODULUS)?.ok_or_else(|| f.missing(Tag::MODULUS))?;
                        let e = big(&f, Tag::PUBLIC_EXPONENT)?.ok_or_else(|| f.missing(Tag::PUBLIC_EXPONENT))?;
                        let pkcs1 = formats::rsa_public_from_components(&n, &e).map_err(format_error)?;
                        formats::public_to_spki(&pkcs1).map_err(format_error)?
                    }
                    (Value::Structure(_), Some(KeyFormatType::TRANSPARENT_EC_PUBLIC_KEY)) => {
                        let f = Fields::of(material)?;
                        let kind = curve_kind(f.enumeration(Tag::RECOMMENDED_CURVE)?)?;
                        let q = f.bytes(Tag::Q_STRING)?.ok_or_else(|| f.missing(Tag::Q_STRING))?;
                        formats::ec_public_from_point(kind, q).map_err(format_error)?
                    }
                    _ => return Err(KmsError::Unsupported(format!("cryptography with a {format:?} public key"))),
                }
            };
            let (kind, _) = formats::identify_public(&der).map_err(format_error)?;
            let kind = match kind {
                AsymmetricKind::Rsa => KeyKind::RsaPublic,
                AsymmetricKind::EcP256 => KeyKind::EcPublic(Curve::P256),
                AsymmetricKind::EcP384 => KeyKind::EcPublic(Curve::P384),
                AsymmetricKind::Ed25519 => KeyKind::Ed25519Public,
            };
            Ok(EngineKey { kind, material: Zeroizing::new(der) })
        }
        other => Err(KmsError::IncompatibleUsageMask(format!("a {other:?} object is not a key"))),
    }
}

/// The Key Format Type and Key Material of a key object that is usable:
/// not destroyed, not wrapped.
fn stored_material(object: &ManagedObject) -> Result<(Option<KeyFormatType>, &Ttlv), KmsError> {
    if let Some(key) = super::hsm::token_key(object) {
        return Err(super::hsm::unusable(object, &key));
    }
    let block = object.key_block().ok_or_else(|| KmsError::ObjectDestroyed(object.id.clone()))?;
    if block.child(Tag::KEY_WRAPPING_DATA).is_some() {
        return Err(KmsError::InvalidField(format!("the key material of {} is wrapped", object.id)));
    }
    let format = block.child(Tag::KEY_FORMAT_TYPE).and_then(|f| f.value.as_enumeration()).map(KeyFormatType);
    let material = block
        .child(Tag::KEY_VALUE)
        .and_then(|kv| kv.child(Tag::KEY_MATERIAL))
        .ok_or_else(|| KmsError::Internal(format!("stored key {} without Key Material", object.id)))?;
    Ok((format, material))
}

/// A symmetric key's kind and bytes (Raw, or the Key of a Transparent
/// Symmetric Key), borrowed from the object.
fn symmetric_material<'o>(object: &ManagedObject, material: &'o Ttlv) -> Result<(KeyKind, &'o [u8]), KmsError> {
    let bytes: &[u8] = match &material.value {
        Value::ByteString(b) => b,
        Value::Structure(_) => material
            .child(Tag::KEY)
            .and_then(|k| k.value.as_bytes())
            .map(|b| &b[..])
            .ok_or_else(|| KmsError::Internal("Transparent Symmetric Key without Key".into()))?,
        _ => return Err(KmsError::Internal("Key Material of an unexpected type".into())),
    };
    let kind = match object_algorithm(object) {
        Some(CryptographicAlgorithm::AES) => KeyKind::Aes,
        Some(CryptographicAlgorithm::DES3) => KeyKind::TripleDes,
        Some(CryptographicAlgorithm::CHA_CHA20 | CryptographicAlgorithm::CHA_CHA20_POLY1305) => KeyKind::ChaCha20,
        Some(
            CryptographicAlgorithm::HMAC_SHA1
            | CryptographicAlgorithm::HMAC_SHA224
            | CryptographicAlgorithm::HMAC_SHA256
            | CryptographicAlgorithm::HMAC_SHA384
            | CryptographicAlgorithm::HMAC_SHA512,
        ) => KeyKind::Hmac,
        other => return Err(KmsError::Unsupported(format!("cryptography with a {other:?} key"))),
    };
    Ok((kind, bytes))
}

/// A Transparent RSA Private Key's components.
pub(crate) fn rsa_private_input(material: &Ttlv) -> Result<formats::RsaPrivateComponentsInput, KmsError> {
    let f = Fields::of(material)?;
    let secret = |tag| -> Result<Option<Zeroizing<Vec<u8>>>, KmsError> { Ok(big(&f, tag)?.map(Zeroizing::new)) };
    Ok(formats::RsaPrivateComponentsInput {
        n: big(&f, Tag::MODULUS)?.ok_or_else(|| f.missing(Tag::MODULUS))?,
        e: big(&f, Tag::PUBLIC_EXPONENT)?,
        d: secret(Tag::PRIVATE_EXPONENT)?.unwrap_or_default(),
        p: secret(Tag::P)?,
        q: secret(Tag::Q)?,
        dp: secret(Tag::PRIME_EXPONENT_P)?,
        dq: secret(Tag::PRIME_EXPONENT_Q)?,
        qinv: secret(Tag::CRT_COEFFICIENT)?,
    })
}

/// A Transparent EC Private Key's curve and scalar.
pub(crate) fn ec_private_input(material: &Ttlv) -> Result<(AsymmetricKind, Zeroizing<Vec<u8>>), KmsError> {
    let f = Fields::of(material)?;
    let kind = curve_kind(f.enumeration(Tag::RECOMMENDED_CURVE)?)?;
    let d = big(&f, Tag::D)?.ok_or_else(|| f.missing(Tag::D))?;
    let len = if kind == AsymmetricKind::EcP384 { 48 } else { 32 };
    if d.len() > len {
        return Err(KmsError::InvalidField("the EC private scalar is too long for its curve".into()));
    }
    let mut scalar = Zeroizing::new(vec![0u8; len - d.len()]);
    scalar.extend_from_slice(&d);
    Ok((kind, scalar))
}

/// The curve of a Recommended Curve.
pub(crate) fn curve_kind(curve: Option<u32>) -> Result<AsymmetricKind, KmsError> {
    match curve.map(RecommendedCurve) {
        Some(RecommendedCurve::P_256) => Ok(AsymmetricKind::EcP256),
        Some(RecommendedCurve::P_384) => Ok(AsymmetricKind::EcP384),
        Some(other) => Err(KmsError::Unsupported(format!("the {other:?} curve"))),
        None => Err(KmsError::MissingData("an EC key needs its Recommended Curve".into())),
    }
}

/// A Big Integer field as unsigned big-endian bytes without leading zeros.
pub(crate) fn big(f: &Fields<'_>, tag: Tag) -> Result<Option<Vec<u8>>, KmsError> {
    let Some(item) = f.one(tag)? else { return Ok(None) };
    let bytes: &[u8] = match &item.value {
        Value::BigInteger(b) => b.as_bytes(),
        Value::ByteString(b) => b,
        _ => return Err(KmsError::InvalidField(format!("{tag:?} must be a Big Integer"))),
    };
    if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        return Err(KmsError::InvalidField(format!("{tag:?} is negative")));
    }
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    Ok(Some(bytes[start..].to_vec()))
}

/// Unsigned big-endian bytes as a KMIP Big Integer.
pub(crate) fn to_big(bytes: &[u8]) -> Value {
    let mut v = Vec::with_capacity(bytes.len() + 1);
    if bytes.first().is_none_or(|b| b & 0x80 != 0) {
        v.push(0);
    }
    v.extend_from_slice(bytes);
    Value::BigInteger(kmip_ttlv::BigInteger::from_twos_complement(&v))
}

/// A key-format error as the client sees it.
pub(crate) fn format_error(e: formats::FormatError) -> KmsError {
    KmsError::InvalidField(format!("the key material is not valid: {e}"))
}
