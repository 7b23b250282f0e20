//! Create Split Key and Join Split Key (KMIP 2.1 §6.1.10, §6.1.31; 1.4
//! §4.39, §4.40), and the Split Key object they make and read (2.1 §2.2.6,
//! 1.4 §2.2.5).
//!
//! A Split Key object holds one part: `SplitKey { SplitKeyParts,
//! KeyPartIdentifier, SplitKeyThreshold, SplitKeyMethod, KeyBlock }`, the
//! Key Block in Raw format with the part's bytes as Key Material and the
//! split secret's Cryptographic Algorithm and Length. Two methods are
//! implemented ([`crate::crypto::shamir`]): XOR (n-of-n) and Polynomial
//! Sharing GF(2^8); GF(2^16) and Prime Field are refused as unsupported.
//!
//! Links: when an existing object is split, every part gets a Parent Link
//! to it and it gets a Child Link to every part. A key generated to be
//! split is never stored, so its parts have no links. The joined object
//! has no links either. Nothing in a Split Key says which split it belongs
//! to, so parts of two splits with the same method, counts, algorithm and
//! length cannot be told apart: joining them gives an unrelated value.

use bytes::Bytes;
use kmip_ttlv::enums::{CryptographicAlgorithm, KeyFormatType, LinkType, ObjectType, SecretDataType, SplitKeyMethod};
use kmip_ttlv::model::{Attribute, AttributeKey, Fields};
use kmip_ttlv::{Tag, Ttlv, Value};
use zeroize::Zeroizing;

use super::attributes::request_attributes;
use super::context::OpContext;
use super::lifecycle::{client_attributes, key_bytes, link, new_id, requested_enum, requested_int, stamp_new};
use super::object::ManagedObject;
use super::transfer::exportable;
use crate::crypto::CryptoEngine;
use crate::crypto::shamir::{self, ShamirError, Share};
use crate::error::KmsError;

/// Create Split Key: splits an existing Symmetric Key or Secret Data, or a
/// new symmetric key, into Split Key objects; their Unique Identifiers in
/// Key Part Identifier order. The ID Placeholder is the first part's.
pub(crate) async fn create_split_key(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let object_type =
        ObjectType(fields.enumeration(Tag::OBJECT_TYPE)?.ok_or_else(|| fields.missing(Tag::OBJECT_TYPE))?);
    // The type made is Split Key; the type of the secret being split is
    // accepted too, as some clients send it.
    if !matches!(object_type, ObjectType::SPLIT_KEY | ObjectType::SYMMETRIC_KEY | ObjectType::SECRET_DATA) {
        return Err(KmsError::InvalidField(format!("Create Split Key makes Split Keys, not {object_type:?} objects")));
    }
    let base_id = fields.text(Tag::UNIQUE_IDENTIFIER)?.map(str::to_owned);
    let parts = count(&fields, Tag::SPLIT_KEY_PARTS)?;
    let threshold = count(&fields, Tag::SPLIT_KEY_THRESHOLD)?;
    let method = SplitKeyMethod(
        fields.enumeration(Tag::SPLIT_KEY_METHOD)?.ok_or_else(|| fields.missing(Tag::SPLIT_KEY_METHOD))?,
    );
    if threshold > parts {
        return Err(KmsError::InvalidField(format!(
            "the Split Key Threshold ({threshold}) exceeds the Split Key Parts ({parts})"
        )));
    }
    match method {
        SplitKeyMethod::XOR if threshold != parts => {
            return Err(KmsError::InvalidField(format!(
                "an XOR split needs every part: the threshold ({threshold}) must equal the parts ({parts})"
            )));
        }
        SplitKeyMethod::XOR | SplitKeyMethod::POLYNOMIAL_SHARING_GF28 => {}
        other => return Err(KmsError::Unsupported(format!("the {other:?} split key method"))),
    }
    let mut requested = client_attributes(request_attributes(ctx, &fields).await?, ObjectType::SPLIT_KEY)?;

    let (secret, algorithm, bits, mut base) = match base_id {
        Some(id) => {
            let base = ctx.object(&id).await?;
            if !matches!(base.object_type, ObjectType::SYMMETRIC_KEY | ObjectType::SECRET_DATA) {
                return Err(KmsError::InvalidField(format!("{id} is a {:?}: it cannot be split", base.object_type)));
            }
            if object_type != ObjectType::SPLIT_KEY && object_type != base.object_type {
                return Err(KmsError::InvalidField(format!(
                    "the Object Type {object_type:?} disagrees with {id}, a {:?}",
                    base.object_type
                )));
            }
            // The parts leave the server, and with them the key.
            exportable(&base)?;
            let secret = block_material(&base)?;
            // The key's own attributes take precedence over the request's.
            let algorithm = base
                .attribute(Tag::CRYPTOGRAPHIC_ALGORITHM)
                .and_then(Value::as_enumeration)
                .or_else(|| block_enum(&base, Tag::CRYPTOGRAPHIC_ALGORITHM))
                .map(CryptographicAlgorithm);
            let bits = base
                .attribute(Tag::CRYPTOGRAPHIC_LENGTH)
                .and_then(Value::as_integer)
                .or_else(|| block_int(&base, Tag::CRYPTOGRAPHIC_LENGTH))
                .unwrap_or_else(|| bit_length(secret.len()));
            (secret, algorithm, bits, Some(base))
        }
        None => {
            if object_type == ObjectType::SECRET_DATA {
                return Err(KmsError::MissingData("splitting Secret Data needs its Unique Identifier".into()));
            }
            let algorithm = requested_enum(&requested, Tag::CRYPTOGRAPHIC_ALGORITHM)
                .map(CryptographicAlgorithm)
                .ok_or_else(|| KmsError::MissingData("a new split key needs a Cryptographic Algorithm".into()))?;
            let bits = requested_int(&requested, Tag::CRYPTOGRAPHIC_LENGTH)
                .ok_or_else(|| KmsError::MissingData("a new split key needs a Cryptographic Length".into()))?;
            let secret = ctx.crypto.generate_key(key_bytes(algorithm, bits)?)?;
            (secret, Some(algorithm), bits, None)
        }
    };
    requested.retain(|a| {
        a.key() != AttributeKey::Standard(Tag::CRYPTOGRAPHIC_ALGORITHM)
            && a.key() != AttributeKey::Standard(Tag::CRYPTOGRAPHIC_LENGTH)
    });
    if let Some(algorithm) = algorithm {
        requested.push(Attribute::standard(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(algorithm.0)));
    }
    requested.push(Attribute::standard(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(bits)));

    let shares = split_secret(ctx.crypto, &secret, method, parts, threshold)?;
    let mut ids = Vec::with_capacity(shares.len());
    for share in &shares {
        let id = new_id(ctx)?;
        let layout = SplitLayout { parts, threshold, method, algorithm, bits };
        let mut object =
            ctx.new_object(id.clone(), ObjectType::SPLIT_KEY, split_key_value(&layout, share), requested.clone());
        stamp_new(ctx, &mut object, &share.y, true)?;
        if let Some(base) = &mut base {
            object.attributes.push(link(LinkType::PARENT_LINK, &base.id));
            base.attributes.push(link(LinkType::CHILD_LINK, &id));
        }
        ctx.save(object);
        ids.push(id);
    }
    if let Some(mut base) = base {
        base.set(Tag::LAST_CHANGE_DATE, Value::DateTime(ctx.now));
        ctx.save(base);
    }
    ctx.id_placeholder = ids.first().cloned();
    Ok(ids.into_iter().map(|id| Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))).collect())
}

/// Join Split Key: the Symmetric Key or Secret Data that at least
/// threshold parts of one split give back, stored as a new object.
pub(crate) async fn join_split_key(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let object_type =
        ObjectType(fields.enumeration(Tag::OBJECT_TYPE)?.ok_or_else(|| fields.missing(Tag::OBJECT_TYPE))?);
    if object_type != ObjectType::SYMMETRIC_KEY && object_type != ObjectType::SECRET_DATA {
        return Err(KmsError::Unsupported(format!("joining split keys into {object_type:?} objects")));
    }
    let mut ids: Vec<String> =
        fields.all(Tag::UNIQUE_IDENTIFIER).filter_map(|i| i.value.as_text()).map(str::to_owned).collect();
    if ids.is_empty() {
        ids.push(ctx.target(None)?);
    }
    let secret_data_type = fields.enumeration(Tag::SECRET_DATA_TYPE)?.map(SecretDataType);
    if secret_data_type.is_some() && object_type != ObjectType::SECRET_DATA {
        return Err(KmsError::InvalidField("a Secret Data Type is for joining into Secret Data".into()));
    }
    let mut requested = client_attributes(request_attributes(ctx, &fields).await?, object_type)?;

    let mut layout: Option<SplitLayout> = None;
    let mut shares = Vec::with_capacity(ids.len());
    for id in &ids {
        let part = ctx.object(id).await?;
        let (part_layout, share) = read_part(&part)?;
        match &layout {
            None => layout = Some(part_layout),
            Some(first) if *first != part_layout => {
                return Err(KmsError::InvalidField(format!("{id} is not a part of the same split as {}", ids[0])));
            }
            Some(_) => {}
        }
        if shares.first().is_some_and(|s: &Share| s.y.len() != share.y.len()) {
            return Err(KmsError::InvalidField(format!("{id} is not as long as the other parts")));
        }
        shares.push(share);
    }
    let layout = layout.ok_or_else(|| KmsError::MissingData("Join Split Key needs the parts".into()))?;
    if shares.len() < usize::from(layout.threshold) {
        return Err(KmsError::InvalidField(format!(
            "{} parts given; the split needs {}",
            shares.len(),
            layout.threshold
        )));
    }
    let secret = match layout.method {
        SplitKeyMethod::XOR => shamir::xor_join(&shares),
        SplitKeyMethod::POLYNOMIAL_SHARING_GF28 => shamir::join(&shares),
        other => return Err(KmsError::Unsupported(format!("the {other:?} split key method"))),
    }
    .map_err(split_error)?;

    let value = match object_type {
        ObjectType::SYMMETRIC_KEY => {
            let algorithm = match (requested_enum(&requested, Tag::CRYPTOGRAPHIC_ALGORITHM), layout.algorithm) {
                (Some(asked), Some(parts)) if asked != parts.0 => {
                    return Err(KmsError::InvalidField(format!(
                        "the parts are of a {parts:?} key, not {:?}",
                        CryptographicAlgorithm(asked)
                    )));
                }
                (_, Some(parts)) => parts,
                (Some(asked), None) => CryptographicAlgorithm(asked),
                (None, None) => {
                    return Err(KmsError::MissingData("the joined key needs a Cryptographic Algorithm".into()));
                }
            };
            let bits = layout.bits;
            if requested_int(&requested, Tag::CRYPTOGRAPHIC_LENGTH).is_some_and(|asked| asked != bits) {
                return Err(KmsError::InvalidField(format!("the parts are of a {bits}-bit key")));
            }
            if let Ok(len) = key_bytes(algorithm, bits)
                && len != secret.len()
            {
                return Err(KmsError::InvalidField(format!(
                    "the parts hold {} bytes, not a {bits}-bit {algorithm:?} key",
                    secret.len()
                )));
            }
            requested.retain(|a| {
                a.key() != AttributeKey::Standard(Tag::CRYPTOGRAPHIC_ALGORITHM)
                    && a.key() != AttributeKey::Standard(Tag::CRYPTOGRAPHIC_LENGTH)
            });
            requested.push(Attribute::standard(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(algorithm.0)));
            requested.push(Attribute::standard(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(bits)));
            super::lifecycle::symmetric_key(&secret, algorithm, bits)
        }
        _ => secret_data(&secret, secret_data_type.unwrap_or(SecretDataType::SEED)),
    };
    let id = new_id(ctx)?;
    let mut object = ctx.new_object(id.clone(), object_type, value, requested);
    stamp_new(ctx, &mut object, &secret, false)?;
    ctx.save(object);
    ctx.id_placeholder = Some(id.clone());
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// What the parts of one split share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SplitLayout {
    parts: u8,
    threshold: u8,
    method: SplitKeyMethod,
    algorithm: Option<CryptographicAlgorithm>,
    bits: i32,
}

/// The Split Key object for one share.
fn split_key_value(layout: &SplitLayout, share: &Share) -> Ttlv {
    let mut block = vec![
        Ttlv::new(Tag::KEY_FORMAT_TYPE, Value::Enumeration(KeyFormatType::RAW.0)),
        Ttlv::structure(
            Tag::KEY_VALUE,
            vec![Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(Bytes::copy_from_slice(&share.y)))],
        ),
    ];
    if let Some(algorithm) = layout.algorithm {
        block.push(Ttlv::new(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(algorithm.0)));
    }
    block.push(Ttlv::new(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(layout.bits)));
    Ttlv::structure(
        Tag::SPLIT_KEY,
        vec![
            Ttlv::new(Tag::SPLIT_KEY_PARTS, Value::Integer(i32::from(layout.parts))),
            Ttlv::new(Tag::KEY_PART_IDENTIFIER, Value::Integer(i32::from(share.x))),
            Ttlv::new(Tag::SPLIT_KEY_THRESHOLD, Value::Integer(i32::from(layout.threshold))),
            Ttlv::new(Tag::SPLIT_KEY_METHOD, Value::Enumeration(layout.method.0)),
            Ttlv::structure(Tag::KEY_BLOCK, block),
        ],
    )
}

/// A Split Key object's layout and share, checked: a Split Key, on-line,
/// not destroyed, unwrapped, with a Key Part Identifier within its parts.
fn read_part(part: &ManagedObject) -> Result<(SplitLayout, Share), KmsError> {
    let id = &part.id;
    if part.object_type != ObjectType::SPLIT_KEY {
        return Err(KmsError::InvalidField(format!("{id} is a {:?}, not a Split Key", part.object_type)));
    }
    if part.date(Tag::ARCHIVE_DATE).is_some() {
        return Err(KmsError::ObjectArchived(id.clone()));
    }
    let value = part.value.as_ref().ok_or_else(|| KmsError::ObjectDestroyed(id.clone()))?;
    let split = Fields::of(value)?;
    let small = |tag: Tag| -> Result<u8, KmsError> {
        let n = split.integer(tag)?.ok_or_else(|| split.missing(tag))?;
        u8::try_from(n)
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| KmsError::InvalidField(format!("{id}: {tag} is {n}, outside 1..=255")))
    };
    let parts = small(Tag::SPLIT_KEY_PARTS)?;
    let threshold = small(Tag::SPLIT_KEY_THRESHOLD)?;
    let x = small(Tag::KEY_PART_IDENTIFIER)?;
    if x > parts || threshold > parts {
        return Err(KmsError::InvalidField(format!(
            "{id}: part {x}, threshold {threshold} of {parts} parts is inconsistent"
        )));
    }
    let method =
        SplitKeyMethod(split.enumeration(Tag::SPLIT_KEY_METHOD)?.ok_or_else(|| split.missing(Tag::SPLIT_KEY_METHOD))?);
    let y = block_material(part)?;
    let algorithm = block_enum(part, Tag::CRYPTOGRAPHIC_ALGORITHM)
        .or_else(|| part.attribute(Tag::CRYPTOGRAPHIC_ALGORITHM).and_then(Value::as_enumeration))
        .map(CryptographicAlgorithm);
    let bits = block_int(part, Tag::CRYPTOGRAPHIC_LENGTH)
        .or_else(|| part.attribute(Tag::CRYPTOGRAPHIC_LENGTH).and_then(Value::as_integer))
        .unwrap_or_else(|| bit_length(y.len()));
    Ok((SplitLayout { parts, threshold, method, algorithm, bits }, Share { x, y }))
}

/// The bytes in an object's key block: Raw or Opaque Key Material, or the
/// Key of a Transparent Symmetric Key. Wrapped key material is refused.
fn block_material(object: &ManagedObject) -> Result<Zeroizing<Vec<u8>>, KmsError> {
    let id = &object.id;
    let block = object.key_block().ok_or_else(|| KmsError::InvalidField(format!("{id} has no key block")))?;
    if block.child(Tag::KEY_WRAPPING_DATA).is_some() {
        return Err(KmsError::InvalidField(format!("the key material of {id} is wrapped")));
    }
    let material = block
        .child(Tag::KEY_VALUE)
        .and_then(|kv| kv.child(Tag::KEY_MATERIAL))
        .ok_or_else(|| KmsError::Internal(format!("stored key {id} without Key Material")))?;
    let bytes = match &material.value {
        Value::ByteString(bytes) => bytes,
        Value::Structure(_) => material
            .child(Tag::KEY)
            .and_then(|k| k.value.as_bytes())
            .ok_or_else(|| KmsError::KeyFormatNotSupported(format!("splitting or joining the key of {id}")))?,
        _ => return Err(KmsError::Internal(format!("Key Material of {id} of an unexpected type"))),
    };
    if bytes.is_empty() {
        return Err(KmsError::InvalidField(format!("the key material of {id} is empty")));
    }
    Ok(Zeroizing::new(bytes.to_vec()))
}

fn block_enum(object: &ManagedObject, tag: Tag) -> Option<u32> {
    object.key_block()?.child(tag)?.value.as_enumeration()
}

fn block_int(object: &ManagedObject, tag: Tag) -> Option<i32> {
    object.key_block()?.child(tag)?.value.as_integer()
}

fn bit_length(bytes: usize) -> i32 {
    i32::try_from(bytes.saturating_mul(8)).unwrap_or(i32::MAX)
}

/// A part count (Split Key Parts, Split Key Threshold): 1..=255, the
/// Key Part Identifiers being the points 1..=n of GF(2^8).
fn count(fields: &Fields<'_>, tag: Tag) -> Result<u8, KmsError> {
    let n = fields.integer(tag)?.ok_or_else(|| fields.missing(tag))?;
    u8::try_from(n)
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| KmsError::InvalidField(format!("{tag} must be 1 to 255, not {n}")))
}

/// Splits `secret` with fresh coefficients from the engine.
fn split_secret(
    crypto: &dyn CryptoEngine,
    secret: &[u8],
    method: SplitKeyMethod,
    parts: u8,
    threshold: u8,
) -> Result<Vec<Share>, KmsError> {
    let mut failure = None;
    let mut random = |buf: &mut [u8]| {
        if let Err(e) = crypto.random(buf) {
            failure = Some(e);
        }
    };
    let shares = match method {
        SplitKeyMethod::XOR => shamir::xor_split(secret, parts, &mut random),
        SplitKeyMethod::POLYNOMIAL_SHARING_GF28 => shamir::split(secret, parts, threshold, &mut random),
        other => return Err(KmsError::Unsupported(format!("the {other:?} split key method"))),
    }
    .map_err(split_error)?;
    match failure {
        Some(e) => Err(e),
        None => Ok(shares),
    }
}

fn split_error(e: ShamirError) -> KmsError {
    KmsError::InvalidField(format!("split key: {e}"))
}

/// A Secret Data object of `kind` holding `bytes` (Opaque key format).
fn secret_data(bytes: &[u8], kind: SecretDataType) -> Ttlv {
    Ttlv::structure(
        Tag::SECRET_DATA,
        vec![
            Ttlv::new(Tag::SECRET_DATA_TYPE, Value::Enumeration(kind.0)),
            Ttlv::structure(
                Tag::KEY_BLOCK,
                vec![
                    Ttlv::new(Tag::KEY_FORMAT_TYPE, Value::Enumeration(KeyFormatType::OPAQUE.0)),
                    Ttlv::structure(
                        Tag::KEY_VALUE,
                        vec![Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(Bytes::copy_from_slice(bytes)))],
                    ),
                ],
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use kmip_ttlv::enums::{ResultReason, ResultStatus};
    use kmip_ttlv::model::ResponseBatchItem;
    use kmip_ttlv::{Tag, Ttlv, Value};

    use super::super::test_kms::{harness, text, uid};
    use crate::crypto::shamir::{self, Share};
    use zeroize::Zeroizing;

    const KNOWN_KEY: &str = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";

    harness!();

    impl Harness {
        /// Create Split Key; the part identifiers.
        async fn create_split(&self, version: &str, fields: &str) -> Vec<String> {
            let payload = self
                .ok(
                    version,
                    &format!(
                        r#"<Operation type="Enumeration" value="CreateSplitKey"/><RequestPayload>
                           <ObjectType type="Enumeration" value="SplitKey"/>{fields}</RequestPayload>"#
                    ),
                )
                .await;
            ids(&payload)
        }

        /// Get of a part: its Key Part Identifier and bytes, after checking
        /// the Split Key fields.
        async fn get_part(&self, version: &str, id: &str, parts: i32, threshold: i32, method: u32) -> Share {
            let payload = self
                .ok(
                    version,
                    &format!(
                        r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#,
                        uid(id)
                    ),
                )
                .await;
            assert_eq!(payload.child(Tag::OBJECT_TYPE).map(|t| &t.value), Some(&Value::Enumeration(0x05)));
            let split = payload.child(Tag::SPLIT_KEY).expect("a Split Key");
            let int = |tag: Tag| split.child(tag).and_then(|v| v.value.as_integer());
            assert_eq!(int(Tag::SPLIT_KEY_PARTS), Some(parts));
            assert_eq!(int(Tag::SPLIT_KEY_THRESHOLD), Some(threshold));
            assert_eq!(split.child(Tag::SPLIT_KEY_METHOD).and_then(|m| m.value.as_enumeration()), Some(method));
            let block = split.child(Tag::KEY_BLOCK).expect("key block");
            assert_eq!(block.child(Tag::KEY_FORMAT_TYPE).and_then(|f| f.value.as_enumeration()), Some(0x01));
            assert_eq!(block.child(Tag::CRYPTOGRAPHIC_ALGORITHM).and_then(|f| f.value.as_enumeration()), Some(0x03));
            assert_eq!(block.child(Tag::CRYPTOGRAPHIC_LENGTH).and_then(|f| f.value.as_integer()), Some(256));
            let bytes = block
                .child(Tag::KEY_VALUE)
                .and_then(|v| v.child(Tag::KEY_MATERIAL))
                .and_then(|m| m.value.as_bytes())
                .expect("part bytes");
            let x = int(Tag::KEY_PART_IDENTIFIER).and_then(|x| u8::try_from(x).ok()).expect("Key Part Identifier");
            Share { x, y: Zeroizing::new(bytes.to_vec()) }
        }

        async fn join(&self, version: &str, parts: &[&String]) -> ResponseBatchItem {
            let ids: String = parts.iter().map(|id| uid(id)).collect();
            self.one(
                version,
                &format!(
                    r#"<Operation type="Enumeration" value="JoinSplitKey"/><RequestPayload>
                       <ObjectType type="Enumeration" value="SymmetricKey"/>{ids}</RequestPayload>"#
                ),
            )
            .await
        }

        /// Joins at the server and gets the joined key's bytes.
        async fn join_and_get(&self, version: &str, parts: &[&String]) -> Vec<u8> {
            let response = self.join(version, parts).await;
            assert_eq!(response.result_status, ResultStatus::SUCCESS, "{response:?}");
            let id = text(&response.response_payload.expect("payload"), Tag::UNIQUE_IDENTIFIER);
            self.key_bytes(version, &id).await
        }

        async fn key_bytes(&self, version: &str, id: &str) -> Vec<u8> {
            let payload = self
                .ok(
                    version,
                    &format!(
                        r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#,
                        uid(id)
                    ),
                )
                .await;
            let block = payload.child(Tag::SYMMETRIC_KEY).and_then(|k| k.child(Tag::KEY_BLOCK)).expect("key block");
            assert_eq!(block.child(Tag::CRYPTOGRAPHIC_ALGORITHM).and_then(|f| f.value.as_enumeration()), Some(0x03));
            assert_eq!(block.child(Tag::CRYPTOGRAPHIC_LENGTH).and_then(|f| f.value.as_integer()), Some(256));
            block
                .child(Tag::KEY_VALUE)
                .and_then(|v| v.child(Tag::KEY_MATERIAL))
                .and_then(|m| m.value.as_bytes())
                .expect("key bytes")
                .to_vec()
        }

        async fn register_known_key(&self, version: &str) -> String {
            let attributes = if version.starts_with('2') { "<Attributes/>" } else { "<TemplateAttribute/>" };
            let payload = self
                .ok(
                    version,
                    &format!(
                        r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
                           <ObjectType type="Enumeration" value="SymmetricKey"/>{attributes}
                           <SymmetricKey><KeyBlock><KeyFormatType type="Enumeration" value="Raw"/>
                           <KeyValue><KeyMaterial type="ByteString" value="{KNOWN_KEY}"/></KeyValue>
                           <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="256"/>
                           </KeyBlock></SymmetricKey></RequestPayload>"#
                    ),
                )
                .await;
            text(&payload, Tag::UNIQUE_IDENTIFIER)
        }
    }

    fn ids(payload: &Ttlv) -> Vec<String> {
        payload
            .children()
            .unwrap_or_default()
            .iter()
            .filter(|c| c.tag == Tag::UNIQUE_IDENTIFIER)
            .filter_map(|c| c.value.as_text())
            .map(str::to_owned)
            .collect()
    }

    /// The Split Key fields of a request, and the attributes of an AES-256
    /// key in the version's form.
    fn split_fields(version: &str, parts: u8, threshold: u8, method: &str) -> String {
        let attributes = if version.starts_with('2') {
            r#"<Attributes><CryptographicAlgorithm type="Enumeration" value="AES"/>
               <CryptographicLength type="Integer" value="256"/></Attributes>"#
        } else {
            r#"<TemplateAttribute>
               <Attribute><AttributeName type="TextString" value="Cryptographic Algorithm"/><AttributeValue type="Enumeration" value="AES"/></Attribute>
               <Attribute><AttributeName type="TextString" value="Cryptographic Length"/><AttributeValue type="Integer" value="256"/></Attribute>
               </TemplateAttribute>"#
        };
        format!(
            r#"<SplitKeyParts type="Integer" value="{parts}"/><SplitKeyThreshold type="Integer" value="{threshold}"/>
               <SplitKeyMethod type="Enumeration" value="{method}"/>{attributes}"#
        )
    }

    #[tokio::test]
    async fn gf28_two_of_three_of_a_new_key() {
        for version in ["2.1", "1.4"] {
            let h = Harness::new();
            let parts = h.create_split(version, &split_fields(version, 3, 2, "PolynomialSharingGF28")).await;
            assert_eq!(parts.len(), 3, "{version}");
            let mut shares = Vec::new();
            for (i, id) in parts.iter().enumerate() {
                let share = h.get_part(version, id, 3, 2, 0x04).await;
                assert_eq!(usize::from(share.x), i + 1, "parts come in Key Part Identifier order");
                shares.push(share);
            }
            let local = shamir::join(&shares).expect("joins");
            assert_eq!(local.len(), 32);
            assert_eq!(&shamir::join(&shares[..2]).expect("joins")[..], &local[..]);
            for pair in [[0, 1], [0, 2], [2, 1]] {
                let joined = h.join_and_get(version, &[&parts[pair[0]], &parts[pair[1]]]).await;
                assert_eq!(&joined[..], &local[..], "{version} {pair:?}");
            }
            // All three also give the key; one is below the threshold.
            let all: Vec<&String> = parts.iter().collect();
            assert_eq!(&h.join_and_get(version, &all).await[..], &local[..]);
            let one = h.join(version, &[&parts[1]]).await;
            assert_eq!(one.result_status, ResultStatus::OPERATION_FAILED, "{one:?}");
            assert_eq!(one.result_reason, Some(ResultReason::INVALID_FIELD), "{one:?}");
            // The same part twice is not two parts.
            let twice = h.join(version, &[&parts[0], &parts[0]]).await;
            assert_eq!(twice.result_reason, Some(ResultReason::INVALID_FIELD), "{twice:?}");
        }
    }

    #[tokio::test]
    async fn splitting_a_registered_key_gives_it_back() {
        let known = hex::decode(KNOWN_KEY).expect("hex");
        for version in ["2.1", "1.4"] {
            let h = Harness::new();
            let base = h.register_known_key(version).await;
            let fields = format!(
                r#"{}<SplitKeyParts type="Integer" value="5"/><SplitKeyThreshold type="Integer" value="3"/>
                   <SplitKeyMethod type="Enumeration" value="PolynomialSharingGF28"/>{}"#,
                uid(&base),
                if version.starts_with('2') { "<Attributes/>" } else { "<TemplateAttribute/>" }
            );
            let parts = h.create_split(version, &fields).await;
            assert_eq!(parts.len(), 5);
            let mut shares = Vec::new();
            for id in &parts {
                shares.push(h.get_part(version, id, 5, 3, 0x04).await);
            }
            assert_eq!(&shamir::join(&shares[1..4]).expect("joins")[..], &known[..]);
            assert_ne!(&shamir::join(&shares[1..3]).expect("joins")[..], &known[..]);
            let joined = h.join_and_get(version, &[&parts[4], &parts[0], &parts[2]]).await;
            assert_eq!(joined, known, "{version}");
            h.fails(
                version,
                &format!(
                    r#"<Operation type="Enumeration" value="JoinSplitKey"/><RequestPayload>
                       <ObjectType type="Enumeration" value="SymmetricKey"/>{}{}</RequestPayload>"#,
                    uid(&parts[0]),
                    uid(&parts[1])
                ),
                ResultReason::INVALID_FIELD,
            )
            .await;
            // Each part links to the key it came from, and the key to its parts.
            let links = h
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}
                           <AttributeReference type="Enumeration" value="Link"/></RequestPayload>"#,
                        uid(&parts[0])
                    ),
                )
                .await;
            let link = links.child(Tag::ATTRIBUTES).and_then(|a| a.child(Tag::LINK)).expect("a Link");
            assert_eq!(link.child(Tag::LINKED_OBJECT_IDENTIFIER).and_then(|l| l.value.as_text()), Some(&base[..]));
            let base_links = h
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}
                           <AttributeReference type="Enumeration" value="Link"/></RequestPayload>"#,
                        uid(&base)
                    ),
                )
                .await;
            let count = base_links
                .child(Tag::ATTRIBUTES)
                .and_then(Ttlv::children)
                .unwrap_or_default()
                .iter()
                .filter(|c| c.tag == Tag::LINK)
                .count();
            assert_eq!(count, 5);
        }
    }

    #[tokio::test]
    async fn xor_three_of_three() {
        for version in ["2.1", "1.4"] {
            let h = Harness::new();
            let parts = h.create_split(version, &split_fields(version, 3, 3, "XOR")).await;
            assert_eq!(parts.len(), 3);
            let mut shares = Vec::new();
            for id in &parts {
                shares.push(h.get_part(version, id, 3, 3, 0x01).await);
            }
            let local = shamir::xor_join(&shares).expect("joins");
            let joined = h.join_and_get(version, &[&parts[2], &parts[0], &parts[1]]).await;
            assert_eq!(&joined[..], &local[..], "{version}");
            let two = h.join(version, &[&parts[0], &parts[1]]).await;
            assert_eq!(two.result_reason, Some(ResultReason::INVALID_FIELD), "{two:?}");
            // XOR needs every part: a threshold below the parts is refused.
            let item = format!(
                r#"<Operation type="Enumeration" value="CreateSplitKey"/><RequestPayload>
                   <ObjectType type="Enumeration" value="SplitKey"/>{}</RequestPayload>"#,
                split_fields(version, 3, 2, "XOR")
            );
            h.fails(version, &item, ResultReason::INVALID_FIELD).await;
        }
    }

    #[tokio::test]
    async fn splitting_a_known_key_with_xor_gives_it_back() {
        let h = Harness::new();
        let base = h.register_known_key("2.1").await;
        let fields = format!(
            r#"{}<SplitKeyParts type="Integer" value="2"/><SplitKeyThreshold type="Integer" value="2"/>
               <SplitKeyMethod type="Enumeration" value="XOR"/><Attributes/>"#,
            uid(&base)
        );
        let parts = h.create_split("2.1", &fields).await;
        let joined = h.join_and_get("2.1", &[&parts[0], &parts[1]]).await;
        assert_eq!(joined, hex::decode(KNOWN_KEY).expect("hex"));
    }

    #[tokio::test]
    async fn refusals() {
        let h = Harness::new();
        let create = |fields: String| {
            format!(
                r#"<Operation type="Enumeration" value="CreateSplitKey"/><RequestPayload>
                   <ObjectType type="Enumeration" value="SplitKey"/>{fields}</RequestPayload>"#
            )
        };
        // Methods other than XOR and GF(2^8).
        for method in ["PolynomialSharingGF216", "PolynomialSharingPrimeField"] {
            h.fails("2.1", &create(split_fields("2.1", 3, 2, method)), ResultReason::FEATURE_NOT_SUPPORTED).await;
        }
        // Threshold above the parts, zero parts, too many parts.
        h.fails("2.1", &create(split_fields("2.1", 2, 3, "PolynomialSharingGF28")), ResultReason::INVALID_FIELD).await;
        h.fails("2.1", &create(split_fields("2.1", 0, 0, "PolynomialSharingGF28")), ResultReason::INVALID_FIELD).await;
        let too_many = split_fields("2.1", 2, 2, "XOR")
            .replace(r#"value="2"/><SplitKeyThreshold"#, r#"value="256"/><SplitKeyThreshold"#);
        h.fails("2.1", &create(too_many), ResultReason::INVALID_FIELD).await;
        // A new key needs its algorithm and length.
        let bare = r#"<SplitKeyParts type="Integer" value="3"/><SplitKeyThreshold type="Integer" value="3"/>
                      <SplitKeyMethod type="Enumeration" value="XOR"/><Attributes/>"#;
        h.fails("2.1", &create(bare.to_owned()), ResultReason::MISSING_DATA).await;
        // Joining something that is not a Split Key.
        let key = h.register_known_key("2.1").await;
        let join = format!(
            r#"<Operation type="Enumeration" value="JoinSplitKey"/><RequestPayload>
               <ObjectType type="Enumeration" value="SymmetricKey"/>{}</RequestPayload>"#,
            uid(&key)
        );
        h.fails("2.1", &join, ResultReason::INVALID_FIELD).await;
        // Parts of splits with different thresholds do not mix.
        let a = h.create_split("2.1", &split_fields("2.1", 3, 2, "PolynomialSharingGF28")).await;
        let b = h.create_split("2.1", &split_fields("2.1", 3, 3, "PolynomialSharingGF28")).await;
        let mixed = h.join("2.1", &[&a[0], &b[1], &b[2]]).await;
        assert_eq!(mixed.result_reason, Some(ResultReason::INVALID_FIELD), "{mixed:?}");
        // Joining into a Secret Data works and keeps the bytes.
        let payload = h
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="JoinSplitKey"/><RequestPayload>
                       <ObjectType type="Enumeration" value="SecretData"/>{}{}
                       <SecretDataType type="Enumeration" value="Password"/></RequestPayload>"#,
                    uid(&a[0]),
                    uid(&a[2])
                ),
            )
            .await;
        let id = text(&payload, Tag::UNIQUE_IDENTIFIER);
        let got = h
            .ok(
                "2.1",
                &format!(r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#, uid(&id)),
            )
            .await;
        let secret = got.child(Tag::SECRET_DATA).expect("Secret Data");
        assert_eq!(secret.child(Tag::SECRET_DATA_TYPE).and_then(|t| t.value.as_enumeration()), Some(0x01));
        let joined_key = h.join_and_get("2.1", &[&a[1], &a[2]]).await;
        let bytes = secret
            .child(Tag::KEY_BLOCK)
            .and_then(|b| b.child(Tag::KEY_VALUE))
            .and_then(|v| v.child(Tag::KEY_MATERIAL))
            .and_then(|m| m.value.as_bytes())
            .expect("secret bytes");
        assert_eq!(&bytes[..], &joined_key[..]);
        // Split Key parts can be registered and joined too.
        let mut shares = Vec::new();
        for id in &a {
            shares.push(h.get_part("2.1", id, 3, 2, 0x04).await);
        }
        let mut registered = Vec::new();
        for share in &shares[..2] {
            let payload = h
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
                           <ObjectType type="Enumeration" value="SplitKey"/><Attributes/>
                           <SplitKey><SplitKeyParts type="Integer" value="3"/><KeyPartIdentifier type="Integer" value="{}"/>
                           <SplitKeyThreshold type="Integer" value="2"/><SplitKeyMethod type="Enumeration" value="PolynomialSharingGF28"/>
                           <KeyBlock><KeyFormatType type="Enumeration" value="Raw"/>
                           <KeyValue><KeyMaterial type="ByteString" value="{}"/></KeyValue>
                           <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="256"/>
                           </KeyBlock></SplitKey></RequestPayload>"#,
                        share.x,
                        hex::encode_upper(&share.y[..])
                    ),
                )
                .await;
            registered.push(text(&payload, Tag::UNIQUE_IDENTIFIER));
        }
        let rejoined = h.join_and_get("2.1", &[&registered[0], &registered[1]]).await;
        assert_eq!(rejoined, joined_key);
    }

    #[tokio::test]
    async fn query_lists_the_split_operations() {
        let h = Harness::new();
        let payload = h
            .ok(
                "2.1",
                r#"<Operation type="Enumeration" value="Query"/><RequestPayload>
                   <QueryFunction type="Enumeration" value="QueryOperations"/></RequestPayload>"#,
            )
            .await;
        let operations: Vec<u32> = payload
            .children()
            .unwrap_or_default()
            .iter()
            .filter(|c| c.tag == Tag::OPERATION)
            .filter_map(|c| c.value.as_enumeration())
            .collect();
        assert!(operations.contains(&0x28) && operations.contains(&0x29), "{operations:?}");
    }
}
