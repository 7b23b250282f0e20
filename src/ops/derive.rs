//! Derive Key (KMIP 2.1 §6.1.12; 1.4 §4.6): PBKDF2, HKDF, HMAC and
//! Encrypt-based derivation from a managed Symmetric Key or Secret Data.
//! The new object is linked to its base and the base to it.

use bytes::Bytes;
use kmip_ttlv::enums::{CryptographicAlgorithm, DerivationMethod, HashingAlgorithm, LinkType, ObjectType};
use kmip_ttlv::model::Fields;
use kmip_ttlv::{Tag, Ttlv, Value};
use zeroize::Zeroizing;

use super::attributes::request_attributes;
use super::context::OpContext;
use super::crypto_params::{CryptoParams, Use, check_usable, engine_key, hash_of};
use super::lifecycle::{client_attributes, link, new_id, requested_enum, requested_int, stamp_new, symmetric_key};
use super::object::ManagedObject;
use crate::crypto::{Derivation, KeyKind, KeyRef, MacAlgorithm};
use crate::error::KmsError;

/// Derive Key.
pub(crate) async fn derive_key(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let object_type =
        ObjectType(fields.enumeration(Tag::OBJECT_TYPE)?.ok_or_else(|| fields.missing(Tag::OBJECT_TYPE))?);
    if object_type != ObjectType::SYMMETRIC_KEY && object_type != ObjectType::SECRET_DATA {
        return Err(KmsError::InvalidField(format!(
            "Derive Key makes Symmetric Keys or Secret Data, not {object_type:?}"
        )));
    }
    let base_ids: Vec<String> =
        fields.all(Tag::UNIQUE_IDENTIFIER).filter_map(|i| i.value.as_text()).map(str::to_owned).collect();
    let base_id = match base_ids.first() {
        Some(id) => id.clone(),
        None => ctx.target(None)?,
    };
    let method = DerivationMethod(
        fields.enumeration(Tag::DERIVATION_METHOD)?.ok_or_else(|| fields.missing(Tag::DERIVATION_METHOD))?,
    );
    let parameters_item = fields.required(Tag::DERIVATION_PARAMETERS)?;
    let parameters = Fields::of(parameters_item)?;
    let requested = client_attributes(request_attributes(ctx, &fields).await?, object_type)?;
    let bits = requested_int(&requested, Tag::CRYPTOGRAPHIC_LENGTH)
        .ok_or_else(|| KmsError::MissingData("Derive Key needs a Cryptographic Length".into()))?;
    if bits <= 0 || bits % 8 != 0 {
        return Err(KmsError::InvalidField(format!("cannot derive {bits} bits (a positive multiple of 8)")));
    }
    let len = usize::try_from(bits / 8).unwrap_or(0);
    let algorithm = requested_enum(&requested, Tag::CRYPTOGRAPHIC_ALGORITHM).map(CryptographicAlgorithm);
    if object_type == ObjectType::SYMMETRIC_KEY {
        let algorithm = algorithm
            .ok_or_else(|| KmsError::MissingData("a derived Symmetric Key needs a Cryptographic Algorithm".into()))?;
        super::lifecycle::key_bytes(algorithm, bits)?;
    }

    let mut base = ctx.object(&base_id).await?;
    check_usable(&base, Use::DeriveKey, ctx.now)?;
    let secret = base_secret(&base)?;
    let params = match parameters.one(Tag::CRYPTOGRAPHIC_PARAMETERS)? {
        Some(p) => CryptoParams::parse(p)?,
        None => CryptoParams::default(),
    };
    let data = parameters.bytes(Tag::DERIVATION_DATA)?;
    let salt = parameters.bytes(Tag::SALT)?;
    let derived: Zeroizing<Vec<u8>> = match method {
        DerivationMethod::PBKDF2 => {
            let iterations =
                parameters.integer(Tag::ITERATION_COUNT)?.ok_or_else(|| parameters.missing(Tag::ITERATION_COUNT))?;
            let iterations = u32::try_from(iterations)
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| KmsError::InvalidField("Iteration Count must be positive".into()))?;
            let hash = hash_of(params.hashing_algorithm.unwrap_or(HashingAlgorithm::SHA_1))?;
            let salt = salt.ok_or_else(|| parameters.missing(Tag::SALT))?;
            ctx.crypto.derive(&Derivation::Pbkdf2 { hash, salt, iterations }, &secret, len)?
        }
        DerivationMethod::HKDF => {
            let hash = hash_of(params.hashing_algorithm.unwrap_or(HashingAlgorithm::SHA_256))?;
            let salt = salt.map_or(&[][..], |s| &s[..]);
            let info = data.map_or(&[][..], |d| &d[..]);
            ctx.crypto.derive(&Derivation::Hkdf { hash, salt, info }, &secret, len)?
        }
        DerivationMethod::HMAC => {
            let hash = hash_of(params.hashing_algorithm.unwrap_or(HashingAlgorithm::SHA_256))?;
            let data = data.ok_or_else(|| parameters.missing(Tag::DERIVATION_DATA))?;
            if len > hash.output_len() {
                return Err(KmsError::InvalidField(format!(
                    "HMAC derivation gives at most {} bytes with {hash:?}",
                    hash.output_len()
                )));
            }
            let key = KeyRef { kind: KeyKind::Hmac, material: &secret };
            let mut mac = Zeroizing::new(ctx.crypto.mac(key, MacAlgorithm::Hmac(hash), data)?);
            mac.truncate(len);
            mac
        }
        DerivationMethod::ENCRYPT => {
            let data = data.ok_or_else(|| parameters.missing(Tag::DERIVATION_DATA))?;
            let key = engine_key(&base)?;
            let mut cipher = params.cipher_params(key.kind, super::crypto_params::object_algorithm(&base))?;
            let iv = parameters.bytes(Tag::INITIALIZATION_VECTOR)?;
            cipher.iv = iv.map(|b| &b[..]);
            if cipher.iv.is_none() && cipher.cipher.iv_len() > 0 {
                return Err(KmsError::MissingData("Encrypt derivation needs an Initialization Vector".into()));
            }
            let out = ctx.crypto.encrypt(key.key_ref(), &cipher, data)?;
            if out.data.len() < len {
                return Err(KmsError::InvalidField("the encrypted Derivation Data is shorter than the key".into()));
            }
            let mut derived = Zeroizing::new(out.data);
            derived.truncate(len);
            derived
        }
        other => return Err(KmsError::Unsupported(format!("the {other:?} derivation method"))),
    };

    let id = new_id(ctx)?;
    let value = match object_type {
        ObjectType::SYMMETRIC_KEY => {
            let algorithm = algorithm.unwrap_or(CryptographicAlgorithm::AES);
            symmetric_key(&derived, algorithm, bits)
        }
        _ => secret_data(&derived),
    };
    let mut object = ctx.new_object(id.clone(), object_type, value, requested);
    stamp_new(ctx, &mut object, &derived, false)?;
    object.attributes.push(link(LinkType::DERIVATION_BASE_OBJECT_LINK, &base_id));
    base.attributes.push(link(LinkType::DERIVED_KEY_LINK, &id));
    base.set(Tag::LAST_CHANGE_DATE, Value::DateTime(ctx.now));
    ctx.save(base);
    ctx.save(object);
    ctx.id_placeholder = Some(id.clone());
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// The secret a derivation starts from: a symmetric key's bytes or a
/// Secret Data's.
fn base_secret(base: &ManagedObject) -> Result<Zeroizing<Vec<u8>>, KmsError> {
    match base.object_type {
        ObjectType::SYMMETRIC_KEY => Ok(engine_key(base)?.material),
        ObjectType::SECRET_DATA => {
            let material = base
                .key_block()
                .and_then(|b| b.child(Tag::KEY_VALUE))
                .and_then(|kv| kv.child(Tag::KEY_MATERIAL))
                .and_then(|m| m.value.as_bytes())
                .ok_or_else(|| KmsError::InvalidField(format!("the Secret Data {} holds no raw bytes", base.id)))?;
            Ok(Zeroizing::new(material.to_vec()))
        }
        other => Err(KmsError::InvalidField(format!("cannot derive from a {other:?}"))),
    }
}

/// A Secret Data object (Password type) holding `bytes`.
fn secret_data(bytes: &[u8]) -> Ttlv {
    Ttlv::structure(
        Tag::SECRET_DATA,
        vec![
            Ttlv::new(Tag::SECRET_DATA_TYPE, Value::Enumeration(kmip_ttlv::enums::SecretDataType::SEED.0)),
            Ttlv::structure(
                Tag::KEY_BLOCK,
                vec![
                    Ttlv::new(Tag::KEY_FORMAT_TYPE, Value::Enumeration(kmip_ttlv::enums::KeyFormatType::OPAQUE.0)),
                    Ttlv::structure(
                        Tag::KEY_VALUE,
                        vec![Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(Bytes::copy_from_slice(bytes)))],
                    ),
                ],
            ),
        ],
    )
}
