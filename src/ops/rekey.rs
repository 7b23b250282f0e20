//! Re-key Key Pair (KMIP 2.1 §6.1.43; 1.4 §4.5): a new key pair of the
//! same algorithm and size replacing an existing one.
//!
//! The request names the existing Private Key (or uses the ID
//! Placeholder); its public key is the one its Public Key Link names. Each
//! new half carries over the attributes the client set on the half it
//! replaces (not Links, lifecycle dates, Fresh, Original Creation Date or
//! Random Number Generator), with the request's Common, Private Key and
//! Public Key attributes (2.x; 1.x Template-Attributes) on top. With an
//! Offset the new halves' Activation Date is now plus the Offset and the
//! Deactivation Date keeps the old interval (as Re-key, 2.1 §6.1.42). The
//! Names move to the new halves. Links: each new half has a Replaced
//! Object Link to the half it replaces, which gets a Replacement Object
//! Link back, and the new halves link each other (Public Key Link, Private
//! Key Link). Key material is stored as Create Key Pair stores it (RSA as
//! PKCS#1, EC and Ed25519 as PKCS#8 and SubjectPublicKeyInfo). The new
//! Private Key's identifier goes into the ID Placeholder.

use kmip_ttlv::enums::{CryptographicAlgorithm, KeyFormatType, LinkType, ObjectType};
use kmip_ttlv::model::{AttributeKey, Fields};
use kmip_ttlv::{Tag, Ttlv, Value};
use zeroize::Zeroizing;

use super::certify::linked;
use super::context::OpContext;
use super::crypto_params::{engine_key, format_error};
use super::keypair::{key_object, pair_attributes};
use super::lifecycle::{carried_attributes, link, new_id, stamp_new};
use super::object::ManagedObject;
use crate::crypto::{Curve, KeyKind, KeyPairSpec, formats};
use crate::error::KmsError;

/// Re-key Key Pair: the new Private and Public Key Unique Identifiers.
pub(crate) async fn rekey_key_pair(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let private_id = ctx.target(fields.text(Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER)?)?;
    let offset = fields.interval(Tag::OFFSET)?;
    let mut old_private = ctx.object(&private_id).await?;
    if old_private.object_type != ObjectType::PRIVATE_KEY {
        return Err(KmsError::InvalidField(format!(
            "{private_id} is a {:?}: Re-key Key Pair takes a Private Key",
            old_private.object_type
        )));
    }
    if old_private.date(Tag::ARCHIVE_DATE).is_some() {
        return Err(KmsError::ObjectArchived(private_id));
    }
    if old_private.value.is_none() {
        return Err(KmsError::ObjectDestroyed(private_id));
    }
    let public_id = linked(&old_private, LinkType::PUBLIC_KEY_LINK)
        .ok_or_else(|| KmsError::MissingData(format!("the private key {private_id} has no Public Key Link")))?;
    let mut old_public = ctx.object(&public_id).await?;
    if old_public.object_type != ObjectType::PUBLIC_KEY {
        return Err(KmsError::InvalidField(format!("the Public Key Link of {private_id} names a non-public key")));
    }

    let (private_extra, public_extra) = pair_attributes(ctx, &fields).await?;

    // The same kind and size of key as the one replaced.
    let old_key = engine_key(&old_private)?;
    let (spec, kind_algorithm, kind_bits) = match old_key.kind {
        KeyKind::RsaPrivate => {
            let bits = formats::rsa_modulus_bits(&old_key.material).map_err(format_error)?;
            let length = i32::try_from(bits).map_err(|_| KmsError::InvalidField("RSA modulus too large".into()))?;
            (KeyPairSpec::Rsa { bits }, CryptographicAlgorithm::RSA, length)
        }
        KeyKind::EcPrivate(Curve::P256) => (KeyPairSpec::Ec(Curve::P256), CryptographicAlgorithm::EC, 256),
        KeyKind::EcPrivate(Curve::P384) => (KeyPairSpec::Ec(Curve::P384), CryptographicAlgorithm::EC, 384),
        KeyKind::Ed25519Private => (KeyPairSpec::Ed25519, CryptographicAlgorithm::ED25519, 255),
        other => return Err(KmsError::Unsupported(format!("Re-key Key Pair of a {other:?} key"))),
    };
    let algorithm = old_private
        .attribute(Tag::CRYPTOGRAPHIC_ALGORITHM)
        .and_then(Value::as_enumeration)
        .map_or(kind_algorithm, CryptographicAlgorithm);
    let bits = old_private.attribute(Tag::CRYPTOGRAPHIC_LENGTH).and_then(Value::as_integer).unwrap_or(kind_bits);
    let pair = ctx.crypto.generate_key_pair(spec)?;
    let (private_value, private_material, public_value, public_material) = match spec {
        KeyPairSpec::Rsa { .. } => {
            let private = formats::private_to_pkcs1(&pair.private_pkcs8).map_err(format_error)?;
            let public = formats::public_to_pkcs1(&pair.public_spki).map_err(format_error)?;
            (
                key_object(Tag::PRIVATE_KEY, KeyFormatType::PKCS_1, &private, algorithm, bits),
                private,
                key_object(Tag::PUBLIC_KEY, KeyFormatType::PKCS_1, &public, algorithm, bits),
                public,
            )
        }
        _ => (
            key_object(Tag::PRIVATE_KEY, KeyFormatType::PKCS_8, &pair.private_pkcs8, algorithm, bits),
            Zeroizing::new(pair.private_pkcs8.to_vec()),
            key_object(Tag::PUBLIC_KEY, KeyFormatType::X_509, &pair.public_spki, algorithm, bits),
            pair.public_spki.clone(),
        ),
    };

    let new_private_id = new_id(ctx)?;
    let new_public_id = new_id(ctx)?;
    let mut new_private = ManagedObject {
        id: new_private_id.clone(),
        object_type: ObjectType::PRIVATE_KEY,
        owner: old_private.owner.clone(),
        organisation: old_private.organisation.clone(),
        value: Some(private_value),
        attributes: carried_attributes(&old_private, private_extra, offset, ctx.now),
        revision: 0,
    };
    let mut new_public = ManagedObject {
        id: new_public_id.clone(),
        object_type: ObjectType::PUBLIC_KEY,
        owner: old_public.owner.clone(),
        organisation: old_public.organisation.clone(),
        value: Some(public_value),
        attributes: carried_attributes(&old_public, public_extra, offset, ctx.now),
        revision: 0,
    };
    stamp_new(ctx, &mut new_private, &private_material, true)?;
    stamp_new(ctx, &mut new_public, &public_material, true)?;
    new_private.attributes.push(link(LinkType::PUBLIC_KEY_LINK, &new_public_id));
    new_private.attributes.push(link(LinkType::REPLACED_OBJECT_LINK, &private_id));
    new_public.attributes.push(link(LinkType::PRIVATE_KEY_LINK, &new_private_id));
    new_public.attributes.push(link(LinkType::REPLACED_OBJECT_LINK, &public_id));
    for (old, new_id) in [(&mut old_private, &new_private_id), (&mut old_public, &new_public_id)] {
        old.attributes.retain(|a| a.key() != AttributeKey::Standard(Tag::NAME));
        old.attributes.push(link(LinkType::REPLACEMENT_OBJECT_LINK, new_id));
        old.set(Tag::LAST_CHANGE_DATE, Value::DateTime(ctx.now));
    }
    ctx.save(old_private);
    ctx.save(old_public);
    ctx.save(new_private);
    ctx.save(new_public);
    ctx.id_placeholder = Some(new_private_id.clone());
    Ok(vec![
        Ttlv::new(Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER, Value::TextString(new_private_id)),
        Ttlv::new(Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER, Value::TextString(new_public_id)),
    ])
}

#[cfg(test)]
mod tests {
    use kmip_ttlv::Tag;
    use kmip_ttlv::enums::ResultReason;

    use super::super::test_kms::{NOW, harness, text, uid};

    harness!();

    impl Harness {
        /// Signs with `private` and verifies with `public`.
        async fn signs(&self, private: &str, public: &str) -> bool {
            let signed = self
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="Sign"/><RequestPayload>{}
                           <Data type="ByteString" value="01020304"/></RequestPayload>"#,
                        uid(private)
                    ),
                )
                .await;
            let signature = signed.child(Tag::SIGNATURE_DATA).and_then(|s| s.value.as_bytes()).expect("a signature");
            let verified = self
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="SignatureVerify"/><RequestPayload>{}
                           <Data type="ByteString" value="01020304"/><SignatureData type="ByteString" value="{}"/>
                           </RequestPayload>"#,
                        uid(public),
                        hex::encode(signature)
                    ),
                )
                .await;
            verified.child(Tag::VALIDITY_INDICATOR).and_then(|v| v.value.as_enumeration()) == Some(0x01)
        }
    }

    const PUBLIC_KEY_LINK: u32 = 0x102;
    const PRIVATE_KEY_LINK: u32 = 0x103;
    const REPLACEMENT: u32 = 0x106;
    const REPLACED: u32 = 0x107;

    #[tokio::test]
    async fn rekeyed_pair_signs_and_links_both_ways() {
        for (algorithm, bits) in [("EC", 256), ("RSA", 2048)] {
            let h = Harness::new();
            let created = h
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload>
                           <CommonAttributes><CryptographicAlgorithm type="Enumeration" value="{algorithm}"/>
                           <CryptographicLength type="Integer" value="{bits}"/></CommonAttributes>
                           <PrivateKeyAttributes><CryptographicUsageMask type="Integer" value="1"/>
                           <Name><NameValue type="TextString" value="signer"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name>
                           </PrivateKeyAttributes>
                           <PublicKeyAttributes><CryptographicUsageMask type="Integer" value="2"/></PublicKeyAttributes>
                           </RequestPayload>"#
                    ),
                )
                .await;
            let old_private = text(&created, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER);
            let old_public = text(&created, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER);

            let rekeyed = h
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="ReKeyKeyPair"/><RequestPayload>
                           <PrivateKeyUniqueIdentifier type="TextString" value="{old_private}"/></RequestPayload>"#
                    ),
                )
                .await;
            let private = text(&rekeyed, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER);
            let public = text(&rekeyed, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER);
            assert_ne!(private, old_private);
            assert_ne!(public, old_public);

            // The new pair works.
            h.simple("2.1", "Activate", &private).await;
            h.simple("2.1", "Activate", &public).await;
            assert!(h.signs(&private, &public).await, "{algorithm}");

            // Links between the new halves, and between old and new.
            let private_links = h.links(&private).await;
            assert!(private_links.contains(&(PUBLIC_KEY_LINK, public.clone())), "{private_links:?}");
            assert!(private_links.contains(&(REPLACED, old_private.clone())), "{private_links:?}");
            let public_links = h.links(&public).await;
            assert!(public_links.contains(&(PRIVATE_KEY_LINK, private.clone())), "{public_links:?}");
            assert!(public_links.contains(&(REPLACED, old_public.clone())), "{public_links:?}");
            assert!(h.links(&old_private).await.contains(&(REPLACEMENT, private.clone())));
            assert!(h.links(&old_public).await.contains(&(REPLACEMENT, public.clone())));

            // The Name moved; the algorithm, length and usage mask carried over.
            assert!(h.attribute(&old_private, "Name").await.is_empty());
            let names = h.attribute(&private, "Name").await;
            assert_eq!(names.len(), 1);
            assert_eq!(names[0].child(Tag::NAME_VALUE).and_then(|v| v.value.as_text()), Some("signer"));
            let length = h.attribute(&private, "CryptographicLength").await;
            assert_eq!(length[0].value.as_integer(), Some(bits));
            let mask = h.attribute(&public, "CryptographicUsageMask").await;
            assert_eq!(mask[0].value.as_integer(), Some(2));
        }
    }

    #[tokio::test]
    async fn offset_placeholder_and_refusals() {
        let h = Harness::new();
        let created = h
            .ok(
                "1.4",
                r#"<Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload>
                   <CommonTemplateAttribute>
                   <Attribute><AttributeName type="TextString" value="Cryptographic Algorithm"/><AttributeValue type="Enumeration" value="EC"/></Attribute>
                   <Attribute><AttributeName type="TextString" value="Cryptographic Length"/><AttributeValue type="Integer" value="256"/></Attribute>
                   </CommonTemplateAttribute></RequestPayload>"#,
            )
            .await;
        let old_private = text(&created, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER);
        let rekeyed = h
            .ok(
                "1.4",
                &format!(
                    r#"<Operation type="Enumeration" value="ReKeyKeyPair"/><RequestPayload>
                       <PrivateKeyUniqueIdentifier type="TextString" value="{old_private}"/>
                       <Offset type="Interval" value="3600"/></RequestPayload>"#
                ),
            )
            .await;
        let private = text(&rekeyed, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER);
        let activation = h.attribute(&private, "ActivationDate").await;
        assert_eq!(activation[0].value.as_date_time(), Some(NOW + 3600));
        // A symmetric key is not a key pair.
        let key = h.aes_128_key().await;
        h.fails(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="ReKeyKeyPair"/><RequestPayload>
                   <PrivateKeyUniqueIdentifier type="TextString" value="{}"/></RequestPayload>"#,
                key
            ),
            ResultReason::INVALID_FIELD,
        )
        .await;
        // Without an identifier there is no ID Placeholder in a new message.
        h.fails(
            "2.1",
            r#"<Operation type="Enumeration" value="ReKeyKeyPair"/><RequestPayload/>"#,
            ResultReason::MISSING_DATA,
        )
        .await;
    }
}
