//! Export and Import (KMIP 1.4 §4.41, §4.40; 2.1 §6.1.17, §6.1.24): an
//! object with every attribute it has, to move it between servers or to
//! restore it from a backup under its own Unique Identifier.

use kmip_ttlv::enums::{KeyWrapType, ObjectType, State};
use kmip_ttlv::model::{Attribute, AttributeKey, Fields};
use kmip_ttlv::{Tag, Ttlv, Value};

use super::attributes::{request_attributes, visible, with_indexes};
use super::context::OpContext;
use super::lifecycle::given_object;
use super::object::ManagedObject;
use super::transfer::served_value;
use crate::error::KmsError;

/// Export: Get, and every attribute of the object with it.
pub(crate) async fn export(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    let stored_wrapped = is_wrapped(object.value.as_ref());
    match fields.enumeration(Tag::KEY_WRAP_TYPE)?.map(KeyWrapType) {
        None | Some(KeyWrapType::AS_REGISTERED) => {}
        // A key registered wrapped is kept as it came: its unwrapping key
        // is the client's.
        Some(KeyWrapType::NOT_WRAPPED) if stored_wrapped => {
            return Err(KmsError::Unsupported(format!(
                "{id} was registered wrapped and is kept that way: export it As Registered"
            )));
        }
        Some(KeyWrapType::NOT_WRAPPED) => {}
        Some(other) => return Err(KmsError::InvalidField(format!("Key Wrap Type {other:?}"))),
    }
    let value = served_value(ctx, &mut object, &fields).await?;
    let selected: Vec<&Attribute> = visible(&object, ctx.version).collect();
    let mut out = vec![
        Ttlv::new(Tag::OBJECT_TYPE, Value::Enumeration(object.object_type.0)),
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
    ];
    if ctx.version.is_2x() {
        out.push(Ttlv::structure(Tag::ATTRIBUTES, selected.iter().map(|a| a.to_2x()).collect()));
    } else {
        out.extend(with_indexes(&object, &selected));
    }
    out.push(value);
    Ok(out)
}

/// Import: stores an object under the Unique Identifier it comes with,
/// with the attributes it comes with, server-managed ones included (State,
/// dates, Digest). An existing object is replaced only when Replace
/// Existing is True and the caller owns it.
pub(crate) async fn import(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = fields.text(Tag::UNIQUE_IDENTIFIER)?.ok_or_else(|| fields.missing(Tag::UNIQUE_IDENTIFIER))?.to_owned();
    if crate::keys::is_hierarchy_record(&id) {
        return Err(reserved_id(&id));
    }
    if id.is_empty() {
        return Err(KmsError::InvalidField("an imported object needs a non-empty Unique Identifier".into()));
    }
    let object_type =
        ObjectType(fields.enumeration(Tag::OBJECT_TYPE)?.ok_or_else(|| fields.missing(Tag::OBJECT_TYPE))?);
    let replace = fields.boolean(Tag::REPLACE_EXISTING)?.unwrap_or(false);
    let key_wrap_type = fields.enumeration(Tag::KEY_WRAP_TYPE)?.map(KeyWrapType);

    let mut attributes = Vec::new();
    for attribute in request_attributes(ctx, &fields).await? {
        match (attribute.key(), attribute.value()) {
            (AttributeKey::Standard(Tag::OBJECT_TYPE), v) if v.as_enumeration() != Some(object_type.0) => {
                return Err(KmsError::InvalidField("the Object Type attribute disagrees with the request".into()));
            }
            (AttributeKey::Standard(Tag::UNIQUE_IDENTIFIER), v) if v.as_text() != Some(id.as_str()) => {
                return Err(KmsError::InvalidField(
                    "the Unique Identifier attribute disagrees with the request's Unique Identifier".into(),
                ));
            }
            // Set below from the request.
            (AttributeKey::Standard(Tag::OBJECT_TYPE | Tag::UNIQUE_IDENTIFIER), _) => {}
            (key, _) => {
                if !key.rule().multiple && attributes.iter().any(|a: &Attribute| a.key() == key) {
                    return Err(KmsError::AttributeSingleValued(key.to_1x_name()));
                }
                attributes.push(attribute);
            }
        }
    }
    let given = attributes.len();
    let (value, _material) = given_object(ctx.version, object_type, &fields, &mut attributes)?;
    // What the object's value implies fills gaps only: the attributes the
    // object comes with stand.
    let implied = attributes.split_off(given);
    for attribute in implied {
        let key = attribute.key();
        if key.rule().multiple || attributes.iter().all(|a| a.key() != key) {
            attributes.push(attribute);
        }
    }
    let wrapped = is_wrapped(Some(&value));
    match key_wrap_type {
        Some(KeyWrapType::NOT_WRAPPED) if wrapped => {
            return Err(KmsError::InvalidField("Key Wrap Type Not Wrapped, but the key has Key Wrapping Data".into()));
        }
        Some(KeyWrapType::NOT_WRAPPED | KeyWrapType::AS_REGISTERED) => {}
        None if wrapped => return Err(fields.missing(Tag::KEY_WRAP_TYPE).into()),
        None => {}
        Some(other) => return Err(KmsError::InvalidField(format!("Key Wrap Type {other:?}"))),
    }

    let revision = match ctx.txn.get(&id).await? {
        Some(existing) if replace && existing.owner == ctx.peer.identity => existing.revision,
        Some(_) => return Err(KmsError::ObjectAlreadyExists(id)),
        None => 0,
    };
    let mut front = vec![
        Attribute::standard(Tag::UNIQUE_IDENTIFIER, Value::TextString(id.clone())),
        Attribute::standard(Tag::OBJECT_TYPE, Value::Enumeration(object_type.0)),
    ];
    let has = |tag: Tag| attributes.iter().any(|a| a.key() == AttributeKey::Standard(tag));
    if !has(Tag::STATE) {
        front.push(Attribute::standard(Tag::STATE, Value::Enumeration(State::PRE_ACTIVE.0)));
    }
    if !has(Tag::INITIAL_DATE) {
        front.push(Attribute::standard(Tag::INITIAL_DATE, Value::DateTime(ctx.now)));
    }
    front.extend(attributes);
    let mut object = ManagedObject {
        id: id.clone(),
        object_type,
        owner: ctx.peer.identity.clone(),
        organisation: ctx.peer.organisation.clone(),
        value: Some(value),
        attributes: front,
        revision,
    };
    object.set(Tag::LAST_CHANGE_DATE, Value::DateTime(ctx.now));
    ctx.save(object);
    ctx.id_placeholder = Some(id.clone());
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// True if `value` is a key block with Key Wrapping Data.
fn is_wrapped(value: Option<&Ttlv>) -> bool {
    value.and_then(|v| v.child(Tag::KEY_BLOCK)).is_some_and(|b| b.child(Tag::KEY_WRAPPING_DATA).is_some())
}

/// The refusal of an identifier in the key hierarchy's reserved range.
fn reserved_id(id: &str) -> KmsError {
    KmsError::InvalidField(format!(
        "Unique Identifier {id:?}: identifiers starting with {:?} are reserved for the server",
        crate::keys::RECORD_PREFIX
    ))
}

#[cfg(test)]
mod tests {
    use kmip_ttlv::enums::ResultReason;
    use kmip_ttlv::{Tag, Ttlv, xml};

    use super::super::test_kms::{harness, text, uid};

    harness!();

    impl Harness {
        /// Import (in `version`) of what an Export answered, with `extra`
        /// request fields.
        async fn import(&self, version: &str, exported: &Ttlv, extra: &str) -> kmip_ttlv::model::ResponseBatchItem {
            let fields: String =
                exported.children().expect("payload").iter().map(xml::to_string).collect::<Vec<_>>().join("");
            self.one(
                version,
                &format!(
                    r#"<Operation type="Enumeration" value="Import"/><RequestPayload>{extra}{fields}</RequestPayload>"#
                ),
            )
            .await
        }
    }

    fn key_bytes(payload: &Ttlv) -> Vec<u8> {
        payload
            .child(Tag::SYMMETRIC_KEY)
            .and_then(|k| k.child(Tag::KEY_BLOCK))
            .and_then(|b| b.child(Tag::KEY_VALUE))
            .and_then(|v| v.child(Tag::KEY_MATERIAL))
            .and_then(|m| m.value.as_bytes())
            .expect("key material")
            .to_vec()
    }

    fn state(attributes: &Ttlv) -> Option<u32> {
        attributes.child(Tag::STATE).and_then(|s| s.value.as_enumeration())
    }

    #[tokio::test]
    async fn export_then_import_moves_an_object_with_its_attributes() {
        let source = Harness::new();
        let id = source.aes_128_key().await;
        source.simple("2.1", "Activate", &id).await;
        let exported = source.simple("2.1", "Export", &id).await;
        assert_eq!(text(&exported, Tag::UNIQUE_IDENTIFIER), id);
        let attributes = exported.child(Tag::ATTRIBUTES).expect("Attributes");
        assert_eq!(state(attributes), Some(0x02), "Active");
        let material = key_bytes(&exported);
        assert_eq!(material, key_bytes(&source.simple("2.1", "Get", &id).await));

        // Into another server: same identifier, key, state and dates.
        let target = Harness::new();
        let imported = target.import("2.1", &exported, "").await;
        assert_eq!(text(imported.response_payload.as_ref().expect("payload"), Tag::UNIQUE_IDENTIFIER), id);
        assert_eq!(key_bytes(&target.simple("2.1", "Get", &id).await), material);
        let there = target.simple("2.1", "GetAttributes", &id).await;
        let there = there.child(Tag::ATTRIBUTES).expect("Attributes");
        assert_eq!(state(there), Some(0x02));
        assert_eq!(there.child(Tag::ACTIVATION_DATE), attributes.child(Tag::ACTIVATION_DATE));
        assert_eq!(there.child(Tag::DIGEST), attributes.child(Tag::DIGEST));

        // Not over an existing object unless asked to.
        let again = target.import("2.1", &exported, "").await;
        super::super::test_kms::failed(&again, ResultReason::OBJECT_ALREADY_EXISTS);
        let replaced = target.import("2.1", &exported, r#"<ReplaceExisting type="Boolean" value="true"/>"#).await;
        assert!(replaced.response_payload.is_some(), "{replaced:?}");
        // The key is usable where it landed.
        target
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="Encrypt"/><RequestPayload>{}
                       <CryptographicParameters><BlockCipherMode type="Enumeration" value="GCM"/></CryptographicParameters>
                       <Data type="ByteString" value="00112233"/></RequestPayload>"#,
                    uid(&id)
                ),
            )
            .await;
    }

    #[tokio::test]
    async fn the_key_hierarchys_records_are_neither_readable_nor_writable() {
        let h = Harness::new();
        // An object write makes the default organisation's key record.
        let id = h.aes_128_key().await;
        for reserved in ["_kms/org-key/", "_kms/root-rotation"] {
            h.fails(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload>"#,
                    uid(reserved)
                ),
                ResultReason::OBJECT_NOT_FOUND,
            )
            .await;
        }
        let mut exported = h.simple("2.1", "Export", &id).await;
        if let kmip_ttlv::Value::Structure(children) = &mut exported.value {
            for child in children.iter_mut().filter(|c| c.tag == Tag::UNIQUE_IDENTIFIER) {
                child.value = kmip_ttlv::Value::TextString("_kms/org-key/newcorp".into());
            }
        }
        let refused = h.import("2.1", &exported, r#"<ReplaceExisting type="Boolean" value="true"/>"#).await;
        super::super::test_kms::failed(&refused, ResultReason::INVALID_FIELD);
        assert!(refused.result_message.as_deref().is_some_and(|m| m.contains("reserved")), "{refused:?}");
    }

    #[tokio::test]
    async fn kmip_1_4_export_and_import_and_refusals() {
        let source = Harness::new();
        let id = source.aes_128_key().await;
        let exported = source.simple("1.4", "Export", &id).await;
        let attributes: Vec<&Ttlv> =
            exported.children().expect("payload").iter().filter(|c| c.tag == Tag::ATTRIBUTE).collect();
        assert!(attributes.len() > 5, "every attribute, as 1.x Attribute structures: {exported:?}");
        let target = Harness::new();
        let imported = target.import("1.4", &exported, "").await;
        assert!(imported.response_payload.is_some(), "{imported:?}");
        assert_eq!(key_bytes(&target.simple("1.4", "Get", &id).await), key_bytes(&exported));

        // A Unique Identifier attribute that names another object.
        let other = Harness::new();
        let mut payload = exported.clone();
        if let kmip_ttlv::Value::Structure(children) = &mut payload.value {
            for child in children.iter_mut() {
                if child.tag == Tag::UNIQUE_IDENTIFIER {
                    child.value = kmip_ttlv::Value::TextString("another".into());
                }
            }
        }
        let refused = other.import("1.4", &payload, "").await;
        super::super::test_kms::failed(&refused, ResultReason::INVALID_FIELD);
        // Export of nothing.
        source
            .fails(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="Export"/><RequestPayload>{}</RequestPayload>"#,
                    uid("nope")
                ),
                ResultReason::OBJECT_NOT_FOUND,
            )
            .await;
        // Export is a 1.4 operation.
        source
            .fails(
                "1.3",
                &format!(
                    r#"<Operation type="Enumeration" value="Export"/><RequestPayload>{}</RequestPayload>"#,
                    uid(&id)
                ),
                ResultReason::OPERATION_NOT_SUPPORTED,
            )
            .await;
    }

    #[tokio::test]
    async fn pgp_keys_are_kept_and_served() {
        let h = Harness::new();
        let blob = "9833045f5f5f5f16092b06010401da470f01010740";
        let payload = h
            .ok(
                "1.4",
                &format!(
                    r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
                       <ObjectType type="Enumeration" value="PGPKey"/><TemplateAttribute/>
                       <PGPKey><PGPKeyVersion type="Integer" value="4"/><KeyBlock>
                       <KeyFormatType type="Enumeration" value="Opaque"/>
                       <KeyValue><KeyMaterial type="ByteString" value="{blob}"/></KeyValue></KeyBlock></PGPKey>
                       </RequestPayload>"#
                ),
            )
            .await;
        let id = text(&payload, Tag::UNIQUE_IDENTIFIER);
        let got = h.simple("2.1", "Get", &id).await;
        let pgp = got.child(Tag::PGP_KEY).expect("a PGP Key");
        assert_eq!(pgp.child(Tag::PGP_KEY_VERSION).and_then(|v| v.value.as_integer()), Some(4));
        let material = pgp
            .child(Tag::KEY_BLOCK)
            .and_then(|b| b.child(Tag::KEY_VALUE))
            .and_then(|v| v.child(Tag::KEY_MATERIAL))
            .and_then(|m| m.value.as_bytes())
            .expect("material");
        assert_eq!(hex::encode(material), blob);
        // Without its version it is refused; before 1.2 the type does not exist.
        h.fails(
            "1.4",
            r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
               <ObjectType type="Enumeration" value="PGPKey"/><TemplateAttribute/>
               <PGPKey><KeyBlock><KeyFormatType type="Enumeration" value="Opaque"/>
               <KeyValue><KeyMaterial type="ByteString" value="00"/></KeyValue></KeyBlock></PGPKey></RequestPayload>"#,
            ResultReason::INVALID_MESSAGE,
        )
        .await;
    }
}
