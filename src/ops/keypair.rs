//! Create Key Pair (KMIP 2.1 §6.1.8; 1.4 §4.2): RSA 2048/3072/4096, EC
//! P-256/P-384 and Ed25519, each half linked to the other.
//!
//! RSA halves are stored as PKCS#1 (the form the OASIS test cases' Digest
//! names), EC and Ed25519 private keys as PKCS#8 and public keys as
//! SubjectPublicKeyInfo (X.509).

use bytes::Bytes;
use kmip_ttlv::enums::{CryptographicAlgorithm, KeyFormatType, LinkType, ObjectType, RecommendedCurve};
use kmip_ttlv::model::{Attribute, AttributeKey, Fields};
use kmip_ttlv::{Tag, Ttlv, Value};

use super::attributes::group_attributes;
use super::context::OpContext;
use super::crypto_params::format_error;
use super::lifecycle::{client_attributes, link, new_id, requested_enum, requested_int, stamp_new};
use super::object::ManagedObject;
use crate::crypto::{Curve, KeyPairSpec, formats};
use crate::error::KmsError;

/// Create Key Pair.
pub(crate) async fn create_key_pair(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let (mut private_attributes, mut public_attributes) = pair_attributes(ctx, &fields).await?;
    let in_token = super::hsm::pair_wanted(ctx, &mut private_attributes, &mut public_attributes)?;
    let algorithm = requested_enum(&private_attributes, Tag::CRYPTOGRAPHIC_ALGORITHM)
        .map(CryptographicAlgorithm)
        .ok_or_else(|| KmsError::MissingData("Create Key Pair needs a Cryptographic Algorithm".into()))?;
    let length = requested_int(&private_attributes, Tag::CRYPTOGRAPHIC_LENGTH);
    let curve = requested_curve(&private_attributes);
    let (spec, bits) = key_pair_spec(algorithm, length, curve)?;
    if in_token {
        return create_pair_in_token(ctx, spec, algorithm, bits, private_attributes, public_attributes).await;
    }
    let pair = ctx.crypto.generate_key_pair(spec)?;
    let (private_value, private_material, public_value, public_material) = match spec {
        KeyPairSpec::Rsa { .. } => {
            let private = formats::private_to_pkcs1(&pair.private_pkcs8).map_err(format_error)?;
            let public = formats::public_to_pkcs1(&pair.public_spki).map_err(format_error)?;
            (
                key_object(Tag::PRIVATE_KEY, KeyFormatType::PKCS_1, &private, algorithm, bits),
                private.to_vec(),
                key_object(Tag::PUBLIC_KEY, KeyFormatType::PKCS_1, &public, algorithm, bits),
                public,
            )
        }
        _ => (
            key_object(Tag::PRIVATE_KEY, KeyFormatType::PKCS_8, &pair.private_pkcs8, algorithm, bits),
            pair.private_pkcs8.to_vec(),
            key_object(Tag::PUBLIC_KEY, KeyFormatType::X_509, &pair.public_spki, algorithm, bits),
            pair.public_spki.clone(),
        ),
    };
    let private_material = zeroize::Zeroizing::new(private_material);
    let private_id = new_id(ctx)?;
    let public_id = new_id(ctx)?;
    let mut private = ctx.new_object(
        private_id.clone(),
        ObjectType::PRIVATE_KEY,
        private_value,
        with_length(private_attributes, bits),
    );
    let mut public =
        ctx.new_object(public_id.clone(), ObjectType::PUBLIC_KEY, public_value, with_length(public_attributes, bits));
    stamp_new(ctx, &mut private, &private_material, true)?;
    stamp_new(ctx, &mut public, &public_material, true)?;
    Ok(save_pair(ctx, private, public))
}

/// Create Key Pair in the PKCS#11 token (ops/hsm.rs): the private half
/// stays there, the public half is stored as any public key is.
async fn create_pair_in_token(
    ctx: &mut OpContext<'_>,
    spec: KeyPairSpec,
    algorithm: CryptographicAlgorithm,
    bits: i32,
    mut private_attributes: Vec<Attribute>,
    public_attributes: Vec<Attribute>,
) -> Result<Vec<Ttlv>, KmsError> {
    let private_id = new_id(ctx)?;
    let public_id = new_id(ctx)?;
    let (private_value, public_spki) = super::hsm::generate_pair(ctx, spec, &format!("kms:{private_id}")).await?;
    let (public_value, public_material) = match spec {
        KeyPairSpec::Rsa { .. } => {
            let public = formats::public_to_pkcs1(&public_spki).map_err(format_error)?;
            (key_object(Tag::PUBLIC_KEY, KeyFormatType::PKCS_1, &public, algorithm, bits), public)
        }
        _ => (key_object(Tag::PUBLIC_KEY, KeyFormatType::X_509, &public_spki, algorithm, bits), public_spki),
    };
    super::hsm::mark_new(&mut private_attributes);
    let mut private = ctx.new_object(
        private_id.clone(),
        ObjectType::PRIVATE_KEY,
        private_value,
        with_length(private_attributes, bits),
    );
    let mut public =
        ctx.new_object(public_id.clone(), ObjectType::PUBLIC_KEY, public_value, with_length(public_attributes, bits));
    stamp_new(ctx, &mut private, &[], true)?;
    super::hsm::after_stamp(&mut private);
    stamp_new(ctx, &mut public, &public_material, true)?;
    Ok(save_pair(ctx, private, public))
}

/// Links the two halves of a new pair to each other, stages both, and
/// answers with their identifiers (the private one becomes the ID
/// Placeholder).
fn save_pair(ctx: &mut OpContext<'_>, mut private: ManagedObject, mut public: ManagedObject) -> Vec<Ttlv> {
    let (private_id, public_id) = (private.id.clone(), public.id.clone());
    private.attributes.push(link(LinkType::PUBLIC_KEY_LINK, &public_id));
    public.attributes.push(link(LinkType::PRIVATE_KEY_LINK, &private_id));
    ctx.save(private);
    ctx.save(public);
    ctx.id_placeholder = Some(private_id.clone());
    vec![
        Ttlv::new(Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER, Value::TextString(private_id)),
        Ttlv::new(Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER, Value::TextString(public_id)),
    ]
}

/// The attributes a request gives each half of a key pair: the Common
/// ones (2.x Common Attributes, 1.x Common Template-Attribute) with the
/// half's own on top, checked as client-settable for its object type.
pub(crate) async fn pair_attributes(
    ctx: &mut OpContext<'_>,
    fields: &Fields<'_>,
) -> Result<(Vec<Attribute>, Vec<Attribute>), KmsError> {
    let common = group_attributes(ctx, fields, Tag::COMMON_TEMPLATE_ATTRIBUTE, Tag::COMMON_ATTRIBUTES, false).await?;
    let private_only =
        group_attributes(ctx, fields, Tag::PRIVATE_KEY_TEMPLATE_ATTRIBUTE, Tag::PRIVATE_KEY_ATTRIBUTES, false).await?;
    let public_only =
        group_attributes(ctx, fields, Tag::PUBLIC_KEY_TEMPLATE_ATTRIBUTE, Tag::PUBLIC_KEY_ATTRIBUTES, false).await?;
    Ok((
        client_attributes(merge(&common, private_only), ObjectType::PRIVATE_KEY)?,
        client_attributes(merge(&common, public_only), ObjectType::PUBLIC_KEY)?,
    ))
}

/// The common attributes with one half's own on top (an attribute given
/// for the half replaces the common one of the same name).
fn merge(common: &[Attribute], own: Vec<Attribute>) -> Vec<Attribute> {
    let mut out: Vec<Attribute> = common
        .iter()
        .filter(|a| {
            let key = a.key();
            key.rule().multiple || own.iter().all(|o| o.key() != key)
        })
        .cloned()
        .collect();
    out.extend(own);
    out
}

/// The Recommended Curve the client named, in a Cryptographic Domain
/// Parameters attribute or alone.
fn requested_curve(attributes: &[Attribute]) -> Option<RecommendedCurve> {
    attributes
        .iter()
        .find_map(|a| match a.key() {
            AttributeKey::Standard(t) if t == Tag::CRYPTOGRAPHIC_DOMAIN_PARAMETERS => {
                a.value().as_structure()?.iter().find(|c| c.tag == Tag::RECOMMENDED_CURVE)?.value.as_enumeration()
            }
            AttributeKey::Standard(t) if t == Tag::RECOMMENDED_CURVE => a.value().as_enumeration(),
            _ => None,
        })
        .map(RecommendedCurve)
}

/// What to generate, and the Cryptographic Length to record.
fn key_pair_spec(
    algorithm: CryptographicAlgorithm,
    length: Option<i32>,
    curve: Option<RecommendedCurve>,
) -> Result<(KeyPairSpec, i32), KmsError> {
    match algorithm {
        CryptographicAlgorithm::RSA => {
            let bits =
                length.ok_or_else(|| KmsError::MissingData("an RSA key pair needs a Cryptographic Length".into()))?;
            let bits_u =
                u32::try_from(bits).map_err(|_| KmsError::InvalidField("negative Cryptographic Length".into()))?;
            if !matches!(bits_u, 2048 | 3072 | 4096) {
                return Err(KmsError::InvalidField(format!("RSA key pairs have 2048, 3072 or 4096 bits, not {bits}")));
            }
            Ok((KeyPairSpec::Rsa { bits: bits_u }, bits))
        }
        CryptographicAlgorithm::EC | CryptographicAlgorithm::ECDSA => {
            let curve = match (curve, length) {
                (Some(RecommendedCurve::P_256), _) | (None, Some(256)) => Curve::P256,
                (Some(RecommendedCurve::P_384), _) | (None, Some(384)) => Curve::P384,
                (Some(other), _) => return Err(KmsError::Unsupported(format!("EC key pairs on {other:?}"))),
                (None, Some(other)) => {
                    return Err(KmsError::InvalidField(format!("no supported curve has {other} bits (256, 384)")));
                }
                (None, None) => {
                    return Err(KmsError::MissingData(
                        "an EC key pair needs a Recommended Curve or a Cryptographic Length".into(),
                    ));
                }
            };
            let bits = if curve == Curve::P256 { 256 } else { 384 };
            Ok((KeyPairSpec::Ec(curve), bits))
        }
        CryptographicAlgorithm::ED25519 => Ok((KeyPairSpec::Ed25519, 255)),
        other => Err(KmsError::Unsupported(format!("{other:?} key pairs"))),
    }
}

/// Records the Cryptographic Length if the client gave none.
fn with_length(mut attributes: Vec<Attribute>, bits: i32) -> Vec<Attribute> {
    if attributes.iter().all(|a| a.key() != AttributeKey::Standard(Tag::CRYPTOGRAPHIC_LENGTH)) {
        attributes.push(Attribute::standard(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(bits)));
    }
    attributes
}

/// A Private Key or Public Key object holding DER key material.
pub(crate) fn key_object(
    tag: Tag,
    format: KeyFormatType,
    der: &[u8],
    algorithm: CryptographicAlgorithm,
    bits: i32,
) -> Ttlv {
    Ttlv::structure(
        tag,
        vec![Ttlv::structure(
            Tag::KEY_BLOCK,
            vec![
                Ttlv::new(Tag::KEY_FORMAT_TYPE, Value::Enumeration(format.0)),
                Ttlv::structure(
                    Tag::KEY_VALUE,
                    vec![Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(Bytes::copy_from_slice(der)))],
                ),
                Ttlv::new(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(algorithm.0)),
                Ttlv::new(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(bits)),
            ],
        )],
    )
}
