//! HSM-resident keys and the PKCS#11 operation.
//!
//! A symmetric key is generated inside the configured PKCS#11 token when
//! the server's policy says so (`hsm.policy = "all-symmetric"`) or the
//! Create request carries the vendor attribute `x-kms-hsm` (KMIP 1.x custom
//! attribute name; in 2.x Vendor Identification `x`, Attribute Name
//! `kms-hsm`) with the Boolean value true (false keeps that key in software
//! whatever the policy). The managed object then holds no key material,
//! only a reference: its value is `SymmetricKey { TokenKey { TokenLabel,
//! TokenObjectId } }` under private extension tags. Get and Export refuse it
//! (Not Extractable; Permission Denied before KMIP 1.4), Encrypt and Decrypt
//! run in the token, Destroy removes the token object, and every other use
//! of its material is refused as not supported.
//!
//! The PKCS#11 operation (KMIP 2.0+, §6.1.37 of 2.1) is passed through to
//! the token ([`crate::crypto::Token::pkcs11`]).

use bytes::Bytes;
use kmip_ttlv::enums::ProtectionStorageMask;
use kmip_ttlv::model::{Attribute, Fields};
use kmip_ttlv::{Tag, Ttlv, Value};

use super::context::{HsmPolicy, OpContext};
use super::object::ManagedObject;
use crate::crypto::{Curve, KeyKind, KeyPairSpec, Token, TokenKey};
use crate::error::KmsError;

/// `0x54FF10`: a key held in a PKCS#11 token (in place of a Key Block).
const TOKEN_KEY: Tag = extension(0x54_FF10);
/// `0x54FF11`: the token's label.
const TOKEN_LABEL: Tag = extension(0x54_FF11);
/// `0x54FF12`: the key's `CKA_ID`.
const TOKEN_OBJECT_ID: Tag = extension(0x54_FF12);

/// The vendor attribute that asks for (true) or against (false) an
/// HSM-resident key on Create: Vendor Identification and Attribute Name.
pub const HSM_ATTRIBUTE: (&str, &str) = ("x", "kms-hsm");

const fn extension(value: u32) -> Tag {
    match Tag::new(value) {
        Some(tag) => tag,
        None => panic!("not an extension tag"),
    }
}

/// The token reference of an HSM-resident object; None for any other.
pub(crate) fn token_key(object: &ManagedObject) -> Option<TokenKey> {
    let reference = object.value.as_ref()?.child(TOKEN_KEY)?;
    let label = reference.child(TOKEN_LABEL)?.value.as_text()?.to_owned();
    let id = reference.child(TOKEN_OBJECT_ID)?.value.as_bytes()?.to_vec();
    Some(TokenKey { token_label: label, id })
}

/// What kind of key an HSM-resident object is (from its attributes: the
/// token has no material to look at).
pub(crate) fn key_kind(object: &ManagedObject) -> KeyKind {
    let algorithm = object.attribute(Tag::CRYPTOGRAPHIC_ALGORITHM).and_then(Value::as_enumeration);
    let length = object.attribute(Tag::CRYPTOGRAPHIC_LENGTH).and_then(Value::as_integer);
    match (object.object_type, algorithm.map(kmip_ttlv::enums::CryptographicAlgorithm)) {
        (kmip_ttlv::enums::ObjectType::PRIVATE_KEY, Some(kmip_ttlv::enums::CryptographicAlgorithm::RSA)) => {
            KeyKind::RsaPrivate
        }
        (kmip_ttlv::enums::ObjectType::PRIVATE_KEY, _) if length == Some(384) => KeyKind::EcPrivate(Curve::P384),
        (kmip_ttlv::enums::ObjectType::PRIVATE_KEY, _) => KeyKind::EcPrivate(Curve::P256),
        _ => KeyKind::Aes,
    }
}

/// Generates a key pair in the token for Create Key Pair: the Private Key
/// object's value (a reference) and the public key (SubjectPublicKeyInfo),
/// which is stored as any public key is.
pub(crate) async fn generate_pair(
    ctx: &OpContext<'_>,
    spec: KeyPairSpec,
    label: &str,
) -> Result<(Ttlv, Vec<u8>), KmsError> {
    let token = ctx.crypto.token().ok_or_else(|| KmsError::Internal("no PKCS#11 token".into()))?;
    let pair = token.generate_key_pair(spec, label).await?;
    Ok((reference(Tag::PRIVATE_KEY, pair.private), pair.public_spki))
}

/// An object value that refers to `key` in its token.
fn reference(object_tag: Tag, key: TokenKey) -> Ttlv {
    Ttlv::structure(
        object_tag,
        vec![Ttlv::structure(
            TOKEN_KEY,
            vec![
                Ttlv::new(TOKEN_LABEL, Value::TextString(key.token_label)),
                Ttlv::new(TOKEN_OBJECT_ID, Value::ByteString(Bytes::from(key.id))),
            ],
        )],
    )
}

/// Whether a Create Key Pair makes its pair in the token: the `x-kms-hsm`
/// attribute of either half (taken out of both; `hsm.policy` is about
/// symmetric keys and does not apply).
pub(crate) fn pair_wanted(
    ctx: &OpContext<'_>,
    private: &mut Vec<Attribute>,
    public: &mut Vec<Attribute>,
) -> Result<bool, KmsError> {
    let asked = |attributes: &mut Vec<Attribute>| -> Result<Option<bool>, KmsError> {
        let mut found = None;
        let mut error = None;
        attributes.retain(|a| match a {
            Attribute::Vendor(v) if v.vendor == HSM_ATTRIBUTE.0 && v.name == HSM_ATTRIBUTE.1 => {
                match v.value.as_boolean() {
                    Some(b) => found = Some(b),
                    None => error = Some(KmsError::InvalidField("x-kms-hsm takes a Boolean value".into())),
                }
                false
            }
            _ => true,
        });
        error.map_or(Ok(found), Err)
    };
    let wanted = asked(private)?.or(asked(public)?).unwrap_or(false);
    if wanted && ctx.crypto.token().is_none() {
        return Err(KmsError::Unsupported(
            "an HSM-resident key without a PKCS#11 token (configure [hsm] token_label)".into(),
        ));
    }
    Ok(wanted)
}

/// The configured token, which must be the one holding `key`.
pub(crate) fn token_for<'c>(ctx: &'c OpContext<'_>, key: &TokenKey) -> Result<&'c dyn Token, KmsError> {
    let token = ctx.crypto.token().ok_or_else(|| {
        KmsError::Internal(format!("the key is held in PKCS#11 token {:?} and no token is configured", key.token_label))
    })?;
    if token.label() != key.token_label {
        return Err(KmsError::Internal(format!(
            "the key is held in PKCS#11 token {:?}, not in the configured token {:?}",
            key.token_label,
            token.label()
        )));
    }
    Ok(token)
}

/// The error for a use of an HSM-resident key's material other than
/// Encrypt, Decrypt and Destroy.
pub(crate) fn unusable(object: &ManagedObject, key: &TokenKey) -> KmsError {
    KmsError::Unsupported(format!(
        "this use of object {} (its key is held in PKCS#11 token {:?} and never leaves it)",
        object.id, key.token_label
    ))
}

/// Whether a Create with `attributes` makes an HSM-resident key: the
/// `x-kms-hsm` attribute (taken out of `attributes`), else the policy.
pub(crate) fn wanted(ctx: &OpContext<'_>, attributes: &mut Vec<Attribute>) -> Result<bool, KmsError> {
    let mut asked = None;
    let mut error = None;
    attributes.retain(|a| match a {
        Attribute::Vendor(v) if v.vendor == HSM_ATTRIBUTE.0 && v.name == HSM_ATTRIBUTE.1 => {
            match v.value.as_boolean() {
                Some(b) => asked = Some(b),
                None => error = Some(KmsError::InvalidField("x-kms-hsm takes a Boolean value".into())),
            }
            false
        }
        _ => true,
    });
    if let Some(e) = error {
        return Err(e);
    }
    let wanted = asked.unwrap_or(ctx.config.hsm_policy == HsmPolicy::AllSymmetric);
    if wanted && ctx.crypto.token().is_none() {
        return Err(KmsError::Unsupported(
            "an HSM-resident key without a PKCS#11 token (configure [hsm] token_label)".into(),
        ));
    }
    Ok(wanted)
}

/// Generates the key of a Create in the token: the managed object's value
/// and the attributes that describe where it lives.
pub(crate) async fn generate(
    ctx: &OpContext<'_>,
    algorithm: kmip_ttlv::enums::CryptographicAlgorithm,
    length: i32,
    label: &str,
) -> Result<Ttlv, KmsError> {
    if algorithm != kmip_ttlv::enums::CryptographicAlgorithm::AES {
        return Err(KmsError::Unsupported(format!(
            "an HSM-resident {algorithm:?} key (the token holds AES keys; hsm.policy or x-kms-hsm asked for one)"
        )));
    }
    let token = ctx.crypto.token().ok_or_else(|| KmsError::Internal("no PKCS#11 token".into()))?;
    let bits = u32::try_from(length).map_err(|_| KmsError::InvalidField(format!("Cryptographic Length {length}")))?;
    let key = token.generate_aes(bits, label).await?;
    Ok(reference(Tag::SYMMETRIC_KEY, key))
}

/// Sets the attributes a new HSM-resident object gets before it is
/// stamped: Sensitive, not Extractable.
pub(crate) fn mark_new(attributes: &mut Vec<Attribute>) {
    attributes.retain(
        |a| !matches!(a, Attribute::Standard(item) if item.tag == Tag::SENSITIVE || item.tag == Tag::EXTRACTABLE),
    );
    attributes.push(Attribute::standard(Tag::SENSITIVE, Value::Boolean(true)));
    attributes.push(Attribute::standard(Tag::EXTRACTABLE, Value::Boolean(false)));
}

/// Corrects what stamping a new object set for software keys: no Digest
/// (the server never sees the material), no Key Format Type, no software
/// RNG; the Protection Storage Mask is Hardware.
pub(crate) fn after_stamp(object: &mut ManagedObject) {
    object.remove(Tag::DIGEST);
    object.remove(Tag::KEY_FORMAT_TYPE);
    object.remove(Tag::RANDOM_NUMBER_GENERATOR);
    object.set(Tag::PROTECTION_STORAGE_MASK, Value::Integer(ProtectionStorageMask::HARDWARE.0 as i32));
}

/// Removes an HSM-resident object's key from its token (Destroy).
pub(crate) async fn destroy(ctx: &OpContext<'_>, object: &ManagedObject) -> Result<(), KmsError> {
    let Some(key) = token_key(object) else { return Ok(()) };
    token_for(ctx, &key)?.destroy(&key).await
}

/// The PKCS#11 operation (KMIP 2.0+): the function passed through to the
/// token.
pub(crate) async fn pkcs11(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let function = fields.enumeration(Tag::PKCS_11_FUNCTION)?.ok_or_else(|| fields.missing(Tag::PKCS_11_FUNCTION))?;
    if let Some(interface) = fields.text(Tag::PKCS_11_INTERFACE)?
        && interface != "PKCS#11"
        && !interface.is_empty()
    {
        return Err(KmsError::Unsupported(format!("PKCS#11 Interface {interface:?}")));
    }
    let correlation = fields.bytes(Tag::CORRELATION_VALUE)?.map(|b| &b[..]);
    let input = fields.bytes(Tag::PKCS_11_INPUT_PARAMETERS)?.map_or(&[][..], |b| &b[..]);
    let token = ctx
        .crypto
        .token()
        .ok_or_else(|| KmsError::OperationNotSupported("PKCS#11 (no PKCS#11 token is configured: [hsm])".into()))?;
    let reply = token.pkcs11(function, correlation, input).await?;
    let mut out = vec![Ttlv::new(Tag::PKCS_11_FUNCTION, Value::Enumeration(function))];
    if let Some(output) = reply.output {
        out.push(Ttlv::new(Tag::PKCS_11_OUTPUT_PARAMETERS, Value::ByteString(Bytes::from(output))));
    }
    if let Some(correlation) = reply.correlation {
        out.push(Ttlv::new(Tag::CORRELATION_VALUE, Value::ByteString(Bytes::from(correlation))));
    }
    out.push(Ttlv::new(Tag::PKCS_11_RETURN_CODE, Value::Enumeration(reply.return_code)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use kmip_ttlv::enums::{Operation, ResultReason, ValidityIndicator};

    use super::super::test_kms::{TestKms, failed, text, uid};
    use super::super::{HsmPolicy, OpsConfig};
    use super::*;
    use crate::crypto::pkcs11::softhsm::{SoftHsm, child_token};
    use crate::crypto::{HsmEngine, SoftwareEngine};

    /// The stored object `id`.
    async fn object_of(kms: &TestKms, id: &str) -> ManagedObject {
        let stored = kms.kms.store().get(id).await.expect("read").expect("stored");
        ManagedObject::from_stored(&stored, kms.kms.key_hierarchy()).expect("decodes")
    }

    /// A server whose engine has the child's SoftHSM2 token attached.
    fn with_token(policy: HsmPolicy) -> (TestKms, crate::crypto::Pkcs11Token) {
        let token = child_token();
        let engine = HsmEngine::new(Arc::new(SoftwareEngine::new()), token.clone());
        (TestKms::with(Arc::new(engine), OpsConfig { hsm_policy: policy, ..OpsConfig::default() }), token)
    }

    /// A 2.1 Create of an AES key of `bits`, with `extra` attributes.
    fn create(bits: u32, extra: &str) -> String {
        format!(
            r#"<Operation type="Enumeration" value="Create"/><RequestPayload>
               <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
               <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="{bits}"/>
               <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/>{extra}</Attributes></RequestPayload>"#
        )
    }

    const HSM_TRUE: &str = r#"<Attribute><VendorIdentification type="TextString" value="x"/><AttributeName type="TextString" value="kms-hsm"/><AttributeValue type="Boolean" value="true"/></Attribute>"#;
    const HSM_FALSE: &str = r#"<Attribute><VendorIdentification type="TextString" value="x"/><AttributeName type="TextString" value="kms-hsm"/><AttributeValue type="Boolean" value="false"/></Attribute>"#;

    async fn encrypt(kms: &TestKms, id: &str, data: &str) -> (String, String, String) {
        let payload = kms
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="Encrypt"/><RequestPayload>{}
                       <CryptographicParameters><BlockCipherMode type="Enumeration" value="GCM"/></CryptographicParameters>
                       <Data type="ByteString" value="{data}"/>
                       <AuthenticatedEncryptionAdditionalData type="ByteString" value="0102"/></RequestPayload>"#,
                    uid(id)
                ),
            )
            .await;
        let bytes = |tag| hex::encode(payload.child(tag).and_then(|d| d.value.as_bytes()).expect("bytes"));
        (bytes(Tag::DATA), bytes(Tag::IV_COUNTER_NONCE), bytes(Tag::AUTHENTICATED_ENCRYPTION_TAG))
    }

    fn decrypt_item(id: &str, data: &str, iv: &str, tag: &str) -> String {
        format!(
            r#"<Operation type="Enumeration" value="Decrypt"/><RequestPayload>{}
               <CryptographicParameters><BlockCipherMode type="Enumeration" value="GCM"/></CryptographicParameters>
               <Data type="ByteString" value="{data}"/><IVCounterNonce type="ByteString" value="{iv}"/>
               <AuthenticatedEncryptionAdditionalData type="ByteString" value="0102"/>
               <AuthenticatedEncryptionTag type="ByteString" value="{tag}"/></RequestPayload>"#,
            uid(id)
        )
    }

    #[test]
    fn softhsm_hsm_keys_through_the_operations() {
        SoftHsm::new("ops").run_child("ops::hsm::tests::child_hsm_keys_through_the_operations");
    }

    #[tokio::test]
    #[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
    async fn child_hsm_keys_through_the_operations() {
        let (kms, token) = with_token(HsmPolicy::None);
        let payload = kms.ok("2.1", &create(256, HSM_TRUE)).await;
        let id = text(&payload, Tag::UNIQUE_IDENTIFIER);
        kms.simple("2.1", "Activate", &id).await;

        // The object holds a reference, not material: the token label and a
        // CKA_ID that the token knows.
        let object = object_of(&kms, &id).await;
        let key = token_key(&object).expect("a token reference");
        assert_eq!(key.token_label, token.label());
        assert!(object.key_block().is_none());
        assert_eq!(key.id.len(), 16, "a 16-byte CKA_ID, read back from the sealed record");
        assert_eq!(
            object.attribute(Tag::PROTECTION_STORAGE_MASK),
            Some(&Value::Integer(ProtectionStorageMask::HARDWARE.0 as i32))
        );

        // Encrypt and decrypt run in the token.
        let (data, iv, tag) = encrypt(&kms, &id, "48656c6c6f2c20746f6b656e").await;
        assert_eq!((data.len(), iv.len(), tag.len()), (24, 24, 32));
        let payload = kms.ok("2.1", &decrypt_item(&id, &data, &iv, &tag)).await;
        assert_eq!(
            payload.child(Tag::DATA).and_then(|d| d.value.as_bytes()).map(|d| d.to_vec()),
            Some(b"Hello, token".to_vec())
        );
        // The token's own decryption agrees (a second path to the key).
        let mut params = crate::crypto::CipherParams::new(crate::crypto::Cipher::AesGcm);
        let (raw_iv, raw_tag, raw_data) =
            (hex::decode(&iv).expect("hex"), hex::decode(&tag).expect("hex"), hex::decode(&data).expect("hex"));
        params.iv = Some(&raw_iv);
        params.aad = &[1, 2];
        let plain = token.decrypt(&key, &params, &raw_data, Some(&raw_tag)).await.expect("decrypts");
        assert_eq!(&plain[..], b"Hello, token");
        // A changed tag does not decrypt.
        let bad_tag = format!("{}{}", if tag.starts_with('0') { "1" } else { "0" }, &tag[1..]);
        kms.fails("2.1", &decrypt_item(&id, &data, &iv, &bad_tag), ResultReason::CRYPTOGRAPHIC_FAILURE).await;

        // Get and Export refuse: Not Extractable in 2.x, Permission Denied in 1.x.
        let get =
            format!(r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#, uid(&id));
        kms.fails("2.1", &get, ResultReason::NOT_EXTRACTABLE).await;
        kms.fails("1.2", &get, ResultReason::PERMISSION_DENIED).await;
        let export =
            format!(r#"<Operation type="Enumeration" value="Export"/><RequestPayload>{}</RequestPayload>"#, uid(&id));
        kms.fails("2.1", &export, ResultReason::NOT_EXTRACTABLE).await;
        // Modes and uses the token path does not serve are refused with a
        // clear message.
        let ctr = format!(
            r#"<Operation type="Enumeration" value="Encrypt"/><RequestPayload>{}<CryptographicParameters>
               <BlockCipherMode type="Enumeration" value="CTR"/></CryptographicParameters>
               <Data type="ByteString" value="01"/></RequestPayload>"#,
            uid(&id)
        );
        let item = kms.one("2.1", &ctr).await;
        failed(&item, ResultReason::FEATURE_NOT_SUPPORTED);
        assert!(item.result_message.as_deref().is_some_and(|m| m.contains("PKCS#11 token")), "{item:?}");
        let rekey =
            format!(r#"<Operation type="Enumeration" value="ReKey"/><RequestPayload>{}</RequestPayload>"#, uid(&id));
        failed(&kms.one("2.1", &rekey).await, ResultReason::FEATURE_NOT_SUPPORTED);

        // The attributes say where it lives.
        let attribute = |name: &'static str| {
            let kms = &kms;
            let id = id.clone();
            async move { kms.attribute(&id, name).await }
        };
        assert_eq!(attribute("Extractable").await[0].value, Value::Boolean(false));
        assert_eq!(attribute("NeverExtractable").await[0].value, Value::Boolean(true));
        assert_eq!(attribute("Sensitive").await[0].value, Value::Boolean(true));
        assert!(attribute("Digest").await.is_empty(), "no digest of material the server never saw");
        let vendor = kms
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}
                       <AttributeReference><VendorIdentification type="TextString" value="x"/><AttributeName type="TextString" value="kms-hsm"/></AttributeReference></RequestPayload>"#,
                    uid(&id)
                ),
            )
            .await;
        assert!(vendor.child(Tag::ATTRIBUTES).and_then(Ttlv::children).is_none_or(<[Ttlv]>::is_empty));

        // Destroy (after Revoke) removes the key from the token.
        kms.ok(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Revoke"/><RequestPayload>{}<RevocationReason>
                   <RevocationReasonCode type="Enumeration" value="CessationOfOperation"/></RevocationReason></RequestPayload>"#,
                uid(&id)
            ),
        )
        .await;
        kms.simple("2.1", "Destroy", &id).await;
        let err = token.decrypt(&key, &params, &raw_data, Some(&raw_tag)).await.expect_err("gone from the token");
        assert!(err.to_string().contains("no key with CKA_ID"), "{err}");

        // x-kms-hsm false keeps a key in software; a 1.x custom attribute
        // asks for the token as the 2.x vendor attribute does.
        let soft = text(&kms.ok("2.1", &create(128, HSM_FALSE)).await, Tag::UNIQUE_IDENTIFIER);
        assert!(token_key(&object_of(&kms, &soft).await).is_none());
        let v14 = kms
            .ok(
                "1.4",
                r#"<Operation type="Enumeration" value="Create"/><RequestPayload>
                   <ObjectType type="Enumeration" value="SymmetricKey"/><TemplateAttribute>
                   <Attribute><AttributeName type="TextString" value="Cryptographic Algorithm"/><AttributeValue type="Enumeration" value="AES"/></Attribute>
                   <Attribute><AttributeName type="TextString" value="Cryptographic Length"/><AttributeValue type="Integer" value="128"/></Attribute>
                   <Attribute><AttributeName type="TextString" value="x-kms-hsm"/><AttributeValue type="Boolean" value="true"/></Attribute>
                   </TemplateAttribute></RequestPayload>"#,
            )
            .await;
        let v14 = text(&v14, Tag::UNIQUE_IDENTIFIER);
        assert!(token_key(&object_of(&kms, &v14).await).is_some());
        // A non-Boolean value is refused.
        let bad = r#"<Attribute><VendorIdentification type="TextString" value="x"/><AttributeName type="TextString" value="kms-hsm"/><AttributeValue type="TextString" value="yes"/></Attribute>"#;
        kms.fails("2.1", &create(128, bad), ResultReason::INVALID_FIELD).await;
    }

    #[test]
    fn softhsm_the_all_symmetric_policy_puts_every_created_key_in_the_token() {
        SoftHsm::new("policy").run_child("ops::hsm::tests::child_the_all_symmetric_policy");
    }

    #[tokio::test]
    #[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
    async fn child_the_all_symmetric_policy() {
        let (kms, _token) = with_token(HsmPolicy::AllSymmetric);
        let id = text(&kms.ok("2.1", &create(192, "")).await, Tag::UNIQUE_IDENTIFIER);
        assert!(token_key(&object_of(&kms, &id).await).is_some());
        let soft = text(&kms.ok("2.1", &create(128, HSM_FALSE)).await, Tag::UNIQUE_IDENTIFIER);
        assert!(token_key(&object_of(&kms, &soft).await).is_none());
        // The token holds AES keys only: the policy refuses others.
        let hmac = r#"<Operation type="Enumeration" value="Create"/><RequestPayload>
               <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
               <CryptographicAlgorithm type="Enumeration" value="HMAC_SHA256"/><CryptographicLength type="Integer" value="256"/>
               </Attributes></RequestPayload>"#;
        let item = kms.one("2.1", hmac).await;
        failed(&item, ResultReason::FEATURE_NOT_SUPPORTED);
        assert!(item.result_message.as_deref().is_some_and(|m| m.contains("hsm.policy")), "{item:?}");
        // Register is not Create: a registered key stays where it is given.
        let registered = kms
            .ok(
                "2.1",
                r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
                   <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes/>
                   <SymmetricKey><KeyBlock><KeyFormatType type="Enumeration" value="Raw"/><KeyValue>
                   <KeyMaterial type="ByteString" value="000102030405060708090a0b0c0d0e0f"/></KeyValue>
                   <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/>
                   </KeyBlock></SymmetricKey></RequestPayload>"#,
            )
            .await;
        assert!(token_key(&object_of(&kms, &text(&registered, Tag::UNIQUE_IDENTIFIER)).await).is_none());
    }

    #[test]
    fn softhsm_hsm_key_pairs_through_the_operations() {
        SoftHsm::new("ops-pairs").run_child("ops::hsm::tests::child_hsm_key_pairs_through_the_operations");
    }

    #[tokio::test]
    #[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
    async fn child_hsm_key_pairs_through_the_operations() {
        let (kms, token) = with_token(HsmPolicy::None);
        for (algorithm, length, signature) in
            [("RSA", 2048, "SHA_256WithRSAEncryption"), ("EC", 384, "ECDSAWithSHA384")]
        {
            let created = kms
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload><CommonAttributes>
                           <CryptographicAlgorithm type="Enumeration" value="{algorithm}"/>
                           <CryptographicLength type="Integer" value="{length}"/>{HSM_TRUE}</CommonAttributes>
                           <PrivateKeyAttributes><CryptographicUsageMask type="Integer" value="Sign Verify"/></PrivateKeyAttributes>
                           <PublicKeyAttributes><CryptographicUsageMask type="Integer" value="Verify"/></PublicKeyAttributes>
                           </RequestPayload>"#
                    ),
                )
                .await;
            let private = text(&created, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER);
            let public = text(&created, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER);
            let key = token_key(&object_of(&kms, &private).await).expect("the private key is in the token");
            assert!(token_key(&object_of(&kms, &public).await).is_none(), "the public key is stored");
            kms.simple("2.1", "Activate", &private).await;
            kms.simple("2.1", "Activate", &public).await;

            let params = format!(
                r#"<CryptographicParameters><DigitalSignatureAlgorithm type="Enumeration" value="{signature}"/></CryptographicParameters>"#
            );
            let signed = kms
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="Sign"/><RequestPayload>{}{params}
                           <Data type="ByteString" value="010203"/></RequestPayload>"#,
                        uid(&private)
                    ),
                )
                .await;
            let signature_hex =
                hex::encode(signed.child(Tag::SIGNATURE_DATA).and_then(|s| s.value.as_bytes()).expect("sig"));
            // The stored public key verifies in software; the private key's
            // id verifies in the token. Both accept it; another message not.
            for (id, data, valid) in [
                (&public, "010203", "Valid"),
                (&private, "010203", "Valid"),
                (&public, "010204", "Invalid"),
                (&private, "010204", "Invalid"),
            ] {
                let verified = kms
                    .ok(
                        "2.1",
                        &format!(
                            r#"<Operation type="Enumeration" value="SignatureVerify"/><RequestPayload>{}{params}
                               <Data type="ByteString" value="{data}"/><SignatureData type="ByteString" value="{signature_hex}"/>
                               </RequestPayload>"#,
                            uid(id)
                        ),
                    )
                    .await;
                let indicator = verified.child(Tag::VALIDITY_INDICATOR).and_then(|v| v.value.as_enumeration());
                let expected = if valid == "Valid" { ValidityIndicator::VALID } else { ValidityIndicator::INVALID };
                assert_eq!(indicator, Some(expected.0), "{algorithm} {id} {data}");
            }

            // The private key never leaves; the public key does.
            let get = |id: &str| {
                format!(r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#, uid(id))
            };
            kms.fails("2.1", &get(&private), ResultReason::NOT_EXTRACTABLE).await;
            kms.ok("2.1", &get(&public)).await;
            assert!(kms.attribute(&private, "Digest").await.is_empty());

            // Destroy removes both halves from the token.
            kms.ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="Revoke"/><RequestPayload>{}<RevocationReason>
                       <RevocationReasonCode type="Enumeration" value="CessationOfOperation"/></RevocationReason></RequestPayload>"#,
                    uid(&private)
                ),
            )
            .await;
            kms.simple("2.1", "Destroy", &private).await;
            let err = token
                .sign(
                    &key,
                    crate::crypto::SignatureScheme::Ecdsa(crate::crypto::HashAlgorithm::Sha256),
                    crate::crypto::SignInput::Data(b"x"),
                )
                .await
                .expect_err("gone");
            assert!(err.to_string().contains("holds no"), "{err}");
        }
        // Ed25519 pairs cannot go to the token.
        let ed = format!(
            r#"<Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload><CommonAttributes>
               <CryptographicAlgorithm type="Enumeration" value="Ed25519"/>{HSM_TRUE}</CommonAttributes></RequestPayload>"#
        );
        kms.fails("2.1", &ed, ResultReason::FEATURE_NOT_SUPPORTED).await;
    }

    /// The operations a 2.1 Query lists.
    async fn queried_operations(kms: &TestKms, version: &str) -> Vec<u32> {
        let query = r#"<Operation type="Enumeration" value="Query"/><RequestPayload>
                       <QueryFunction type="Enumeration" value="QueryOperations"/></RequestPayload>"#;
        let payload = kms.ok(version, query).await;
        payload.children_with(Tag::OPERATION).filter_map(|o| o.value.as_enumeration()).collect()
    }

    #[test]
    fn softhsm_query_lists_pkcs11_when_a_token_is_configured() {
        SoftHsm::new("query").run_child("ops::hsm::tests::child_query_lists_pkcs11");
    }

    #[tokio::test]
    #[ignore = "runs in a child process with a SoftHSM2 token (see its parent test)"]
    async fn child_query_lists_pkcs11() {
        let (kms, _token) = with_token(HsmPolicy::None);
        assert!(queried_operations(&kms, "2.1").await.contains(&Operation::PKCS_11.0));
        // PKCS#11 is a KMIP 2.0 operation.
        assert!(!queried_operations(&kms, "1.4").await.contains(&Operation::PKCS_11.0));
    }

    #[tokio::test]
    async fn without_a_token_hsm_keys_and_pkcs11_are_refused() {
        let kms = TestKms::new();
        assert!(!queried_operations(&kms, "2.1").await.contains(&Operation::PKCS_11.0));
        let item = kms.one("2.1", &create(256, HSM_TRUE)).await;
        failed(&item, ResultReason::FEATURE_NOT_SUPPORTED);
        assert!(item.result_message.as_deref().is_some_and(|m| m.contains("[hsm]")), "{item:?}");
        let pkcs11 = r#"<Operation type="Enumeration" value="PKCS_11"/><RequestPayload>
                        <PKCS_11Function type="Enumeration" value="C_Initialize"/></RequestPayload>"#;
        failed(&kms.one("2.1", pkcs11).await, ResultReason::OPERATION_NOT_SUPPORTED);
        // The policy without a token is a configuration error, caught at
        // start-up (config.rs); here the request is refused.
        let policy = TestKms::with(
            Arc::new(SoftwareEngine::new()),
            OpsConfig { hsm_policy: HsmPolicy::AllSymmetric, ..OpsConfig::default() },
        );
        failed(&policy.one("2.1", &create(128, "")).await, ResultReason::FEATURE_NOT_SUPPORTED);
    }
}
