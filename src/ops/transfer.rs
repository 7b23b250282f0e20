//! Get (KMIP 2.1 §6.1.18; 1.4 §4.11): the object, in the Key Format Type
//! asked for when the server can convert to it. Key wrapping comes with the
//! cryptographic services.

use bytes::Bytes;
use kmip_ttlv::enums::{EncodingOption, KeyFormatType, ObjectType, RecommendedCurve, WrappingMethod};
use kmip_ttlv::model::Fields;
use kmip_ttlv::{Tag, Ttlv, Value};

use super::context::OpContext;
use super::crypto_params::{CryptoParams, Use, check_usable, engine_key, to_big};
use super::object::ManagedObject;
use crate::crypto::formats::{self, AsymmetricKind};
use crate::error::KmsError;

/// Get.
pub(crate) async fn get(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    let value = served_value(ctx, &mut object, &fields).await?;
    Ok(vec![
        Ttlv::new(Tag::OBJECT_TYPE, Value::Enumeration(object.object_type.0)),
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
        value,
    ])
}

/// The object's value as it leaves the server (Get, Export): converted to
/// the request's Key Format Type and wrapped as its Key Wrapping
/// Specification asks; the object is no longer Fresh.
pub(crate) async fn served_value(
    ctx: &mut OpContext<'_>,
    object: &mut ManagedObject,
    request: &Fields<'_>,
) -> Result<Ttlv, KmsError> {
    let format = request.enumeration(Tag::KEY_FORMAT_TYPE)?.map(KeyFormatType);
    let wrapping = request.one(Tag::KEY_WRAPPING_SPECIFICATION)?;
    if request.has(Tag::KEY_COMPRESSION_TYPE) {
        return Err(KmsError::Unsupported("Key Compression Type".into()));
    }
    let value = exportable(object)?;
    let value = match format {
        Some(format) => convert(object, value, format)?,
        None => value.clone(),
    };
    let value = match wrapping {
        Some(spec) => wrap(ctx, object, value, spec).await?,
        None => value,
    };
    // KMIP 2.1 §4.26: Fresh means "not yet served to a client".
    if object.attribute(Tag::FRESH).and_then(Value::as_boolean) == Some(true) {
        object.set(Tag::FRESH, Value::Boolean(false));
        ctx.save(object.clone());
    }
    Ok(value)
}

/// The object's value, if its state and attributes let it leave the
/// server.
pub(crate) fn exportable(object: &ManagedObject) -> Result<&Ttlv, KmsError> {
    if object.date(Tag::ARCHIVE_DATE).is_some() {
        return Err(KmsError::ObjectArchived(object.id.clone()));
    }
    let value = object.value.as_ref().ok_or_else(|| KmsError::ObjectDestroyed(object.id.clone()))?;
    // Its key never leaves the token (ops/hsm.rs).
    if super::hsm::token_key(object).is_some() {
        return Err(KmsError::NotExtractable(object.id.clone()));
    }
    if object.attribute(Tag::SENSITIVE).and_then(Value::as_boolean) == Some(true) {
        return Err(KmsError::Sensitive(object.id.clone()));
    }
    if object.attribute(Tag::EXTRACTABLE).and_then(Value::as_boolean) == Some(false) {
        return Err(KmsError::NotExtractable(object.id.clone()));
    }
    Ok(value)
}

/// The object in Key Format Type `format`.
fn convert(object: &ManagedObject, value: &Ttlv, format: KeyFormatType) -> Result<Ttlv, KmsError> {
    let Some(block) = value.child(Tag::KEY_BLOCK) else {
        return Err(KmsError::KeyFormatNotSupported(format!("{format:?} for {:?} objects", object.object_type)));
    };
    let current = block.child(Tag::KEY_FORMAT_TYPE).and_then(|f| f.value.as_enumeration()).map(KeyFormatType);
    if current == Some(format) {
        return Ok(value.clone());
    }
    let key_material = match object.object_type {
        ObjectType::SYMMETRIC_KEY => {
            let material = raw_material(block)?;
            match format {
                KeyFormatType::RAW => Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(material)),
                KeyFormatType::TRANSPARENT_SYMMETRIC_KEY => {
                    Ttlv::structure(Tag::KEY_MATERIAL, vec![Ttlv::new(Tag::KEY, Value::ByteString(material))])
                }
                other => return Err(KmsError::KeyFormatNotSupported(format!("{other:?} for symmetric keys"))),
            }
        }
        ObjectType::PRIVATE_KEY => private_key_material(object, format)?,
        ObjectType::PUBLIC_KEY => public_key_material(object, format)?,
        other => return Err(KmsError::KeyFormatNotSupported(format!("{format:?} for {other:?} objects"))),
    };
    let children = block
        .children()
        .unwrap_or_default()
        .iter()
        .map(|child| match child.tag {
            t if t == Tag::KEY_FORMAT_TYPE => Ttlv::new(Tag::KEY_FORMAT_TYPE, Value::Enumeration(format.0)),
            t if t == Tag::KEY_VALUE => Ttlv::structure(Tag::KEY_VALUE, vec![key_material.clone()]),
            _ => child.clone(),
        })
        .collect();
    Ok(Ttlv::structure(value.tag, vec![Ttlv::structure(Tag::KEY_BLOCK, children)]))
}

/// The key bytes of a Raw or Transparent Symmetric Key block.
fn raw_material(block: &Ttlv) -> Result<Bytes, KmsError> {
    let material = block
        .child(Tag::KEY_VALUE)
        .and_then(|kv| kv.child(Tag::KEY_MATERIAL))
        .ok_or_else(|| KmsError::Internal("stored key without Key Material".into()))?;
    match &material.value {
        Value::ByteString(bytes) => Ok(bytes.clone()),
        Value::Structure(_) => material
            .child(Tag::KEY)
            .and_then(|k| k.value.as_bytes())
            .cloned()
            .ok_or_else(|| KmsError::Internal("Transparent Symmetric Key without Key".into())),
        _ => Err(KmsError::Internal("stored Key Material of an unexpected type".into())),
    }
}

/// A private key's Key Material in `format`, converted from what is
/// stored (any of PKCS#1, PKCS#8, SEC1 or transparent).
fn private_key_material(object: &ManagedObject, format: KeyFormatType) -> Result<Ttlv, KmsError> {
    let key = engine_key(object)?;
    let der = &key.material;
    let bytes = |b: &[u8]| Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(Bytes::copy_from_slice(b)));
    Ok(match format {
        KeyFormatType::PKCS_8 => bytes(der),
        KeyFormatType::PKCS_1 => bytes(&formats::private_to_pkcs1(der).map_err(not_convertible(format))?),
        KeyFormatType::EC_PRIVATE_KEY => bytes(&formats::ec_private_to_sec1(der).map_err(not_convertible(format))?),
        KeyFormatType::TRANSPARENT_RSA_PRIVATE_KEY => {
            let c = formats::rsa_private_components(der).map_err(not_convertible(format))?;
            Ttlv::structure(
                Tag::KEY_MATERIAL,
                vec![
                    Ttlv::new(Tag::MODULUS, to_big(&c.n)),
                    Ttlv::new(Tag::PRIVATE_EXPONENT, to_big(&c.d)),
                    Ttlv::new(Tag::PUBLIC_EXPONENT, to_big(&c.e)),
                    Ttlv::new(Tag::P, to_big(&c.p)),
                    Ttlv::new(Tag::Q, to_big(&c.q)),
                    Ttlv::new(Tag::PRIME_EXPONENT_P, to_big(&c.dp)),
                    Ttlv::new(Tag::PRIME_EXPONENT_Q, to_big(&c.dq)),
                    Ttlv::new(Tag::CRT_COEFFICIENT, to_big(&c.qinv)),
                ],
            )
        }
        KeyFormatType::TRANSPARENT_EC_PRIVATE_KEY => {
            let (kind, scalar) = formats::ec_private_scalar(der).map_err(not_convertible(format))?;
            Ttlv::structure(
                Tag::KEY_MATERIAL,
                vec![
                    Ttlv::new(Tag::RECOMMENDED_CURVE, Value::Enumeration(curve_of(kind, format)?.0)),
                    Ttlv::new(Tag::D, to_big(&scalar)),
                ],
            )
        }
        other => return Err(KmsError::KeyFormatNotSupported(format!("{other:?} for private keys"))),
    })
}

/// A public key's Key Material in `format`.
fn public_key_material(object: &ManagedObject, format: KeyFormatType) -> Result<Ttlv, KmsError> {
    let key = engine_key(object)?;
    let der = &key.material;
    let bytes = |b: &[u8]| Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(Bytes::copy_from_slice(b)));
    Ok(match format {
        KeyFormatType::X_509 => bytes(der),
        KeyFormatType::PKCS_1 => bytes(&formats::public_to_pkcs1(der).map_err(not_convertible(format))?),
        KeyFormatType::TRANSPARENT_RSA_PUBLIC_KEY => {
            let c = formats::rsa_public_components(der).map_err(not_convertible(format))?;
            Ttlv::structure(
                Tag::KEY_MATERIAL,
                vec![Ttlv::new(Tag::MODULUS, to_big(&c.n)), Ttlv::new(Tag::PUBLIC_EXPONENT, to_big(&c.e))],
            )
        }
        KeyFormatType::TRANSPARENT_EC_PUBLIC_KEY => {
            let (kind, point) = formats::ec_public_point(der).map_err(not_convertible(format))?;
            Ttlv::structure(
                Tag::KEY_MATERIAL,
                vec![
                    Ttlv::new(Tag::RECOMMENDED_CURVE, Value::Enumeration(curve_of(kind, format)?.0)),
                    Ttlv::new(Tag::Q_STRING, Value::ByteString(Bytes::from(point))),
                ],
            )
        }
        other => return Err(KmsError::KeyFormatNotSupported(format!("{other:?} for public keys"))),
    })
}

fn curve_of(kind: AsymmetricKind, format: KeyFormatType) -> Result<RecommendedCurve, KmsError> {
    match kind {
        AsymmetricKind::EcP256 => Ok(RecommendedCurve::P_256),
        AsymmetricKind::EcP384 => Ok(RecommendedCurve::P_384),
        other => Err(KmsError::KeyFormatNotSupported(format!("{format:?} for a {other:?} key"))),
    }
}

/// A conversion the key's type does not allow (PKCS#1 of an EC key, ...).
fn not_convertible(format: KeyFormatType) -> impl Fn(formats::FormatError) -> KmsError {
    move |e| KmsError::KeyFormatNotSupported(format!("{format:?}: {e}"))
}

/// The object with its key block wrapped as the Key Wrapping Specification
/// asks (KMIP 2.1 §2.1.5–2.1.6): the Key Material (No Encoding) or the
/// whole Key Value (TTLV Encoding) encrypted with a managed key: AES Key
/// Wrap (RFC 3394), AES Key Wrap with Padding (RFC 5649) or RSA-OAEP /
/// PKCS#1 v1.5 with a public key.
async fn wrap(ctx: &mut OpContext<'_>, object: &ManagedObject, value: Ttlv, spec: &Ttlv) -> Result<Ttlv, KmsError> {
    let spec_fields = Fields::of(spec)?;
    let method = spec_fields.enumeration(Tag::WRAPPING_METHOD)?.map(WrappingMethod);
    if method != Some(WrappingMethod::ENCRYPT) {
        return Err(KmsError::Unsupported(format!("the {method:?} wrapping method")));
    }
    if spec_fields.has(Tag::MAC_SIGNATURE_KEY_INFORMATION) {
        return Err(KmsError::Unsupported("MAC/signature key information in a wrapping".into()));
    }
    let info_item = spec_fields.required(Tag::ENCRYPTION_KEY_INFORMATION)?;
    let info = Fields::of(info_item)?;
    let wrapping_id = info.text(Tag::UNIQUE_IDENTIFIER)?.ok_or_else(|| info.missing(Tag::UNIQUE_IDENTIFIER))?;
    let encoding = spec_fields.enumeration(Tag::ENCODING_OPTION)?.map(EncodingOption);
    let Some(block) = value.child(Tag::KEY_BLOCK) else {
        return Err(KmsError::InvalidField(format!("a {:?} has no key block to wrap", object.object_type)));
    };
    if block.child(Tag::KEY_WRAPPING_DATA).is_some() {
        return Err(KmsError::InvalidField(format!("the key material of {} is already wrapped", object.id)));
    }
    let key_value =
        block.child(Tag::KEY_VALUE).ok_or_else(|| KmsError::Internal("a key block without Key Value".into()))?;
    let plain: zeroize::Zeroizing<Vec<u8>> = match encoding {
        Some(EncodingOption::TTLV_ENCODING) => {
            zeroize::Zeroizing::new(kmip_ttlv::wire::to_vec(key_value).map_err(|e| KmsError::Internal(e.to_string()))?)
        }
        None | Some(EncodingOption::NO_ENCODING) => match key_value.child(Tag::KEY_MATERIAL).map(|m| &m.value) {
            Some(Value::ByteString(b)) => zeroize::Zeroizing::new(b.to_vec()),
            _ => {
                return Err(KmsError::InvalidField(
                    "a transparent key wraps only with TTLV Encoding (ask for a byte-string format)".into(),
                ));
            }
        },
        Some(other) => return Err(KmsError::Unsupported(format!("the {other:?} encoding option"))),
    };
    let wrapping_key = ctx.object_for(wrapping_id, crate::access::Permission::Encrypt).await?;
    check_usable(&wrapping_key, Use::WrapKey, ctx.now)?;
    let params = CryptoParams::merged(info.one(Tag::CRYPTOGRAPHIC_PARAMETERS)?, &wrapping_key)?;
    let key = engine_key(&wrapping_key)?;
    let mut cipher = params.cipher_params(key.kind, super::crypto_params::object_algorithm(&wrapping_key))?;
    if cipher.cipher.is_aead() || cipher.cipher.iv_len() > 0 {
        return Err(KmsError::Unsupported(format!(
            "wrapping with {:?} (use NIST Key Wrap or RSA-OAEP)",
            cipher.cipher
        )));
    }
    cipher.iv = None;
    let wrapped = ctx.crypto.encrypt(key.key_ref(), &cipher, &plain)?;
    let mut wrapping_data =
        vec![Ttlv::new(Tag::WRAPPING_METHOD, Value::Enumeration(WrappingMethod::ENCRYPT.0)), info_item.clone()];
    if let Some(encoding) = encoding {
        wrapping_data.push(Ttlv::new(Tag::ENCODING_OPTION, Value::Enumeration(encoding.0)));
    }
    let mut children: Vec<Ttlv> = Vec::new();
    for child in block.children().unwrap_or_default() {
        if child.tag == Tag::KEY_VALUE {
            children.push(Ttlv::new(Tag::KEY_VALUE, Value::ByteString(Bytes::from(wrapped.data.clone()))));
        } else {
            children.push(child.clone());
        }
    }
    children.push(Ttlv::structure(Tag::KEY_WRAPPING_DATA, wrapping_data));
    let mut object_children: Vec<Ttlv> =
        value.children().unwrap_or_default().iter().filter(|c| c.tag != Tag::KEY_BLOCK).cloned().collect();
    object_children.push(Ttlv::structure(Tag::KEY_BLOCK, children));
    Ok(Ttlv::structure(value.tag, object_children))
}
