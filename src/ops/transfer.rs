//! Get (KMIP 2.1 §6.1.18; 1.4 §4.11): the object, in the Key Format Type
//! asked for when the server can convert to it. Key wrapping comes with the
//! cryptographic services.

use bytes::Bytes;
use kmip_ttlv::enums::{KeyFormatType, ObjectType};
use kmip_ttlv::model::Fields;
use kmip_ttlv::{Tag, Ttlv, Value};

use super::context::OpContext;
use super::object::ManagedObject;
use crate::error::KmsError;

/// Get.
pub(crate) async fn get(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let format = fields.enumeration(Tag::KEY_FORMAT_TYPE)?.map(KeyFormatType);
    if fields.has(Tag::KEY_WRAPPING_SPECIFICATION) {
        return Err(KmsError::Unsupported("Get with a Key Wrapping Specification".into()));
    }
    if fields.has(Tag::KEY_COMPRESSION_TYPE) {
        return Err(KmsError::Unsupported("Key Compression Type".into()));
    }
    let mut object = ctx.object(&id).await?;
    let value = exportable(&object)?;
    let value = match format {
        Some(format) => convert(&object, value, format)?,
        None => value.clone(),
    };
    // KMIP 2.1 §4.26: Fresh means "not yet served to a client".
    if object.attribute(Tag::FRESH).and_then(Value::as_boolean) == Some(true) {
        object.set(Tag::FRESH, Value::Boolean(false));
        ctx.save(object.clone());
    }
    Ok(vec![
        Ttlv::new(Tag::OBJECT_TYPE, Value::Enumeration(object.object_type.0)),
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
        value,
    ])
}

/// The object's value, if its state and attributes let it leave the
/// server.
pub(crate) fn exportable(object: &ManagedObject) -> Result<&Ttlv, KmsError> {
    if object.date(Tag::ARCHIVE_DATE).is_some() {
        return Err(KmsError::ObjectArchived(object.id.clone()));
    }
    let value = object.value.as_ref().ok_or_else(|| KmsError::ObjectDestroyed(object.id.clone()))?;
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
    if object.object_type != ObjectType::SYMMETRIC_KEY {
        return Err(KmsError::KeyFormatNotSupported(format!("{format:?} for {:?} objects", object.object_type)));
    }
    let material = raw_material(block)?;
    let key_material = match format {
        KeyFormatType::RAW => Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(material)),
        KeyFormatType::TRANSPARENT_SYMMETRIC_KEY => {
            Ttlv::structure(Tag::KEY_MATERIAL, vec![Ttlv::new(Tag::KEY, Value::ByteString(material))])
        }
        other => return Err(KmsError::KeyFormatNotSupported(format!("{other:?} for symmetric keys"))),
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
