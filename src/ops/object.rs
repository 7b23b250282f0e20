//! A managed object as the server keeps it: its type, owner, value (the key
//! block, secret data or opaque data) and attributes, and its encoding in
//! the store.
//!
//! The stored body is TTLV: a private Structure (extension tags
//! `0x54FFxx`) holding the Object Type, the owner, the organisation, the
//! object value and an `Attributes` structure with every attribute in its
//! 2.x form. One codec serves the wire and the disk.
//!
//! The object value (the whole Key Block, Secret Data or Opaque Data
//! structure in its KMIP 2.x form: key material in every format,
//! transparent components, wrapping data) and the attributes (among them
//! the Digest of the key material, a dictionary oracle for a weak Secret
//! Data) never reach the store in the clear: format 2 records hold them
//! sealed by [`KeyHierarchy`] under the organisation's key, bound to the
//! object's id and revision. Only the type, the owner and the organisation
//! stay readable (and the index keys, which the store keeps apart). Format
//! 1 records (before the key hierarchy) hold everything in the clear; they
//! are read, and written back sealed at their next change.

use bytes::Bytes;
use kmip_ttlv::enums::{ObjectType, State};
use kmip_ttlv::model::{Attribute, AttributeKey, Fields};
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{Tag, Ttlv, Value};

use zeroize::Zeroizing;

use crate::error::KmsError;
use crate::keys::KeyHierarchy;
use crate::store::{IndexKey, StoredObject};

/// `0x54FF01`: the stored record.
const RECORD: Tag = extension(0x54_FF01);
/// `0x54FF02`: the record format version.
const FORMAT: Tag = extension(0x54_FF02);
/// `0x54FF03`: the owner's identity.
const OWNER: Tag = extension(0x54_FF03);
/// `0x54FF04`: the organisation whose key seals the value.
const ORGANISATION: Tag = extension(0x54_FF04);
/// `0x54FF05`: the sealed content (`nonce ‖ ciphertext ‖ tag`).
const SEALED: Tag = extension(0x54_FF05);
/// `0x54FF06`: what is sealed: the object value and the `Attributes`.
const SEALED_CONTENT: Tag = extension(0x54_FF06);
/// The record format written: 2, the value sealed.
const FORMAT_SEALED: i32 = 2;

const fn extension(value: u32) -> Tag {
    match Tag::new(value) {
        Some(tag) => tag,
        None => panic!("not an extension tag"),
    }
}

/// Index field for the owner (pseudo-field above the tag range).
pub const INDEX_OWNER: u32 = 0x0100_0001;

/// A managed object. Its `Debug` leaves out the value (key material).
#[derive(Clone, PartialEq)]
pub struct ManagedObject {
    /// Unique Identifier.
    pub id: String,
    /// Object Type.
    pub object_type: ObjectType,
    /// The identity that created or registered it.
    pub owner: String,
    /// The organisation of that identity when it created the object: its
    /// key seals the value in the store (None: the default organisation).
    pub organisation: Option<String>,
    /// The object value in its 2.x form (`SymmetricKey { KeyBlock … }`,
    /// `SecretData { … }`, `OpaqueObject { … }`, `Template { }`); `None`
    /// once destroyed.
    pub value: Option<Ttlv>,
    /// Every attribute instance, in the order they were set.
    pub attributes: Vec<Attribute>,
    /// The store revision this copy was read at (0 for a new object).
    pub revision: u64,
}

impl std::fmt::Debug for ManagedObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ManagedObject")
            .field("id", &self.id)
            .field("object_type", &self.object_type)
            .field("owner", &self.owner)
            .field("organisation", &self.organisation)
            .field("value", &self.value.as_ref().map(|v| format!("{:?} (redacted)", v.tag)))
            .field("attributes", &self.attributes)
            .field("revision", &self.revision)
            .finish()
    }
}

impl ManagedObject {
    /// The first instance of the standard attribute `tag`.
    pub fn attribute(&self, tag: Tag) -> Option<&Value> {
        self.attributes.iter().find_map(|a| match a {
            Attribute::Standard(item) if item.tag == tag => Some(&item.value),
            _ => None,
        })
    }

    /// Every instance with `key`, in order.
    pub fn instances<'a>(&'a self, key: &'a AttributeKey) -> impl Iterator<Item = &'a Attribute> + 'a {
        self.attributes.iter().filter(move |a| &a.key() == key)
    }

    /// Replaces every instance of the standard attribute `tag` with one
    /// holding `value`.
    pub fn set(&mut self, tag: Tag, value: Value) {
        match self.attributes.iter().position(|a| a.key() == AttributeKey::Standard(tag)) {
            Some(i) => {
                self.attributes[i] = Attribute::standard(tag, value);
                let mut seen = false;
                self.attributes.retain(|a| {
                    if a.key() != AttributeKey::Standard(tag) {
                        return true;
                    }
                    let keep = !seen;
                    seen = true;
                    keep
                });
            }
            None => self.attributes.push(Attribute::standard(tag, value)),
        }
    }

    /// Removes every instance of the standard attribute `tag`.
    pub fn remove(&mut self, tag: Tag) {
        self.attributes.retain(|a| a.key() != AttributeKey::Standard(tag));
    }

    /// The object's State (Pre-Active when unset, which never happens for
    /// objects the server made).
    pub fn state(&self) -> State {
        self.attribute(Tag::STATE).and_then(Value::as_enumeration).map_or(State::PRE_ACTIVE, State)
    }

    /// A Date-Time attribute.
    pub fn date(&self, tag: Tag) -> Option<i64> {
        self.attribute(tag).and_then(Value::as_date_time)
    }

    /// Every Object Group value.
    pub fn groups(&self) -> impl Iterator<Item = &str> + Clone {
        self.attributes.iter().filter_map(|a| match a {
            Attribute::Standard(item) if item.tag == Tag::OBJECT_GROUP => item.value.as_text(),
            _ => None,
        })
    }

    /// Every Name value.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.attributes.iter().filter_map(|a| match a {
            Attribute::Standard(item) if item.tag == Tag::NAME => {
                item.child(Tag::NAME_VALUE).and_then(|v| v.value.as_text())
            }
            _ => None,
        })
    }

    /// The key block, for keys.
    pub fn key_block(&self) -> Option<&Ttlv> {
        self.value.as_ref()?.child(Tag::KEY_BLOCK)
    }

    /// The encoded record for the store, sealed by `keys` (the
    /// organisation's key must be loaded: `KeyHierarchy::ensure_org_key`).
    pub fn to_stored(&self, keys: &KeyHierarchy) -> Result<StoredObject, KmsError> {
        let revision = self.revision + 1;
        let mut children = vec![
            Ttlv::new(FORMAT, Value::Integer(FORMAT_SEALED)),
            Ttlv::new(Tag::OBJECT_TYPE, Value::Enumeration(self.object_type.0)),
            Ttlv::new(OWNER, Value::TextString(self.owner.clone())),
        ];
        if let Some(organisation) = &self.organisation {
            children.push(Ttlv::new(ORGANISATION, Value::TextString(organisation.clone())));
        }
        let mut content = Vec::with_capacity(2);
        if let Some(value) = &self.value {
            content.push(value.clone());
        }
        content.push(Ttlv::structure(Tag::ATTRIBUTES, self.attributes.iter().map(Attribute::to_2x).collect()));
        let plain = Zeroizing::new(
            wire::to_vec(&Ttlv::structure(SEALED_CONTENT, content)).map_err(|e| KmsError::Internal(e.to_string()))?,
        );
        let sealed = keys.seal_value(self.organisation.as_deref(), &self.id, revision, &plain)?;
        children.push(Ttlv::new(SEALED, Value::ByteString(Bytes::from(sealed))));
        let body = wire::to_vec(&Ttlv::structure(RECORD, children)).map_err(|e| KmsError::Internal(e.to_string()))?;
        Ok(StoredObject { id: self.id.clone(), revision, body: Bytes::from(body), index: self.index_keys() })
    }

    /// The organisation a stored record names, without opening its value:
    /// whose key [`ManagedObject::from_stored`] needs.
    pub fn stored_organisation(stored: &StoredObject) -> Option<String> {
        let limits = Limits { max_message_size: usize::MAX, ..Limits::default() };
        let record = wire::decode(&stored.body, &limits).ok()?;
        record.child(ORGANISATION)?.value.as_text().map(str::to_owned)
    }

    /// Reads a record from the store, opening its value with `keys`.
    pub fn from_stored(stored: &StoredObject, keys: &KeyHierarchy) -> Result<ManagedObject, KmsError> {
        let corrupt = |reason: String| KmsError::Internal(format!("stored object {}: {reason}", stored.id));
        let limits = Limits { max_message_size: usize::MAX, ..Limits::default() };
        let record = wire::decode(&stored.body, &limits).map_err(|e| corrupt(e.to_string()))?;
        if record.tag != RECORD {
            return Err(corrupt("not an object record".into()));
        }
        let fields = Fields::of(&record).map_err(|e| corrupt(e.to_string()))?;
        let format = fields.integer(FORMAT).map_err(|e| corrupt(e.to_string()))?;
        if format != Some(1) && format != Some(FORMAT_SEALED) {
            return Err(corrupt("unknown record format".into()));
        }
        let object_type = fields
            .enumeration(Tag::OBJECT_TYPE)
            .map_err(|e| corrupt(e.to_string()))?
            .ok_or_else(|| corrupt("no object type".into()))?;
        let owner = fields.text(OWNER).map_err(|e| corrupt(e.to_string()))?.unwrap_or_default().to_owned();
        let organisation = fields.text(ORGANISATION).map_err(|e| corrupt(e.to_string()))?.map(str::to_owned);
        let (value, attributes) = if format == Some(FORMAT_SEALED) {
            let sealed = fields
                .items()
                .iter()
                .find(|c| c.tag == SEALED)
                .and_then(|c| c.value.as_bytes())
                .ok_or_else(|| corrupt("no sealed content".into()))?;
            let plain = keys.open_value(organisation.as_deref(), &stored.id, stored.revision, sealed)?;
            let content = wire::decode(&Bytes::copy_from_slice(&plain), &limits).map_err(|e| corrupt(e.to_string()))?;
            if content.tag != SEALED_CONTENT {
                return Err(corrupt("not sealed object content".into()));
            }
            let value = content.children().and_then(|c| c.iter().find(|c| c.tag != Tag::ATTRIBUTES)).cloned();
            (value, attributes_of(content.child(Tag::ATTRIBUTES)).map_err(corrupt)?)
        } else {
            let value = fields
                .items()
                .iter()
                .find(|c| !matches!(c.tag, t if t == FORMAT || t == OWNER || t == Tag::OBJECT_TYPE || t == Tag::ATTRIBUTES))
                .cloned();
            (value, attributes_of(record.child(Tag::ATTRIBUTES)).map_err(corrupt)?)
        };
        Ok(ManagedObject {
            id: stored.id.clone(),
            object_type: ObjectType(object_type),
            owner,
            organisation,
            value,
            attributes,
            revision: stored.revision,
        })
    }

    /// The index keys Locate uses: object type, state, owner, and every
    /// Name, Object Group, Application Specific Information, Alternative
    /// Name and algorithm.
    pub(crate) fn index_keys(&self) -> Vec<IndexKey> {
        let mut keys = vec![
            IndexKey { field: Tag::OBJECT_TYPE.value(), value: self.object_type.0.to_be_bytes().to_vec() },
            IndexKey { field: INDEX_OWNER, value: self.owner.as_bytes().to_vec() },
        ];
        for attribute in &self.attributes {
            if let Attribute::Standard(item) = attribute
                && let Some(value) = index_value(item)
            {
                keys.push(IndexKey { field: item.tag.value(), value });
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }
}

/// The attributes in a stored `Attributes` structure (none if absent).
fn attributes_of(list: Option<&Ttlv>) -> Result<Vec<Attribute>, String> {
    match list.and_then(Ttlv::children) {
        Some(items) => items.iter().map(Attribute::from_2x).collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string()),
        None => Ok(Vec::new()),
    }
}

/// The canonical index bytes of an attribute instance, for the attributes
/// that are indexed.
pub fn index_value(item: &Ttlv) -> Option<Vec<u8>> {
    match item.tag {
        t if t == Tag::NAME => item.child(Tag::NAME_VALUE)?.value.as_text().map(|s| s.as_bytes().to_vec()),
        t if t == Tag::ALTERNATIVE_NAME => {
            item.child(Tag::ALTERNATIVE_NAME_VALUE)?.value.as_text().map(|s| s.as_bytes().to_vec())
        }
        t if t == Tag::OBJECT_GROUP => item.value.as_text().map(|s| s.as_bytes().to_vec()),
        t if t == Tag::APPLICATION_SPECIFIC_INFORMATION => {
            let namespace = item.child(Tag::APPLICATION_NAMESPACE)?.value.as_text()?;
            let data = item.child(Tag::APPLICATION_DATA).and_then(|d| d.value.as_text()).unwrap_or_default();
            let mut v = namespace.as_bytes().to_vec();
            v.push(0);
            v.extend_from_slice(data.as_bytes());
            Some(v)
        }
        t if t == Tag::STATE || t == Tag::CRYPTOGRAPHIC_ALGORITHM => {
            item.value.as_enumeration().map(|v| v.to_be_bytes().to_vec())
        }
        t if t == Tag::UNIQUE_IDENTIFIER => item.value.as_text().map(|s| s.as_bytes().to_vec()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::crypto::SoftwareEngine;
    use crate::store::MemoryStore;

    /// A hierarchy with the default organisation's and "acme"'s keys
    /// loaded.
    fn hierarchy() -> KeyHierarchy {
        let keys = KeyHierarchy::ephemeral(Arc::new(SoftwareEngine::new())).expect("keys");
        let store = MemoryStore::new();
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        runtime.block_on(async {
            keys.ensure_org_key(&store, None).await.expect("default organisation");
            keys.ensure_org_key(&store, Some("acme")).await.expect("acme");
        });
        keys
    }

    fn key() -> ManagedObject {
        ManagedObject {
            id: "id-1".into(),
            object_type: ObjectType::SYMMETRIC_KEY,
            owner: "admin".into(),
            organisation: None,
            value: Some(Ttlv::structure(Tag::SYMMETRIC_KEY, vec![Ttlv::structure(Tag::KEY_BLOCK, vec![])])),
            attributes: vec![
                Attribute::standard(Tag::STATE, Value::Enumeration(1)),
                Attribute::standard(
                    Tag::NAME,
                    Value::Structure(vec![
                        Ttlv::new(Tag::NAME_VALUE, Value::TextString("k".into())),
                        Ttlv::new(Tag::NAME_TYPE, Value::Enumeration(1)),
                    ]),
                ),
            ],
            revision: 0,
        }
    }

    #[test]
    fn stored_form_round_trips() {
        let keys = hierarchy();
        let object = key();
        let stored = object.to_stored(&keys).expect("encodes");
        assert_eq!(stored.revision, 1);
        assert!(stored.index.contains(&IndexKey { field: Tag::NAME.value(), value: b"k".to_vec() }));
        let back = ManagedObject::from_stored(&stored, &keys).expect("decodes");
        assert_eq!(back, ManagedObject { revision: 1, ..object });
    }

    #[test]
    fn the_value_and_attributes_are_sealed_under_the_organisation_key_and_bound_to_id_and_revision() {
        let keys = hierarchy();
        let material = [0x5Au8; 32];
        let mut object = key();
        object.organisation = Some("acme".into());
        object.value = Some(Ttlv::structure(
            Tag::SYMMETRIC_KEY,
            vec![Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(Bytes::copy_from_slice(&material)))],
        ));
        object.attributes.push(Attribute::standard(
            Tag::DIGEST,
            Value::Structure(vec![Ttlv::new(Tag::DIGEST_VALUE, Value::ByteString(Bytes::from_static(&[0xD1; 32])))]),
        ));
        object.attributes.push(Attribute::standard(
            Tag::NAME,
            Value::Structure(vec![
                Ttlv::new(Tag::NAME_VALUE, Value::TextString("a-distinctive-object-name".into())),
                Ttlv::new(Tag::NAME_TYPE, Value::Enumeration(1)),
            ]),
        ));
        let stored = object.to_stored(&keys).expect("encodes");
        assert!(!stored.body.windows(32).any(|w| w == material), "key material in the clear");
        assert!(!stored.body.windows(32).any(|w| w == [0xD1; 32]), "the Digest in the clear");
        let name = b"a-distinctive-object-name";
        assert!(!stored.body.windows(name.len()).any(|w| w == name), "attributes (a Name) in the clear");
        assert_eq!(ManagedObject::stored_organisation(&stored).as_deref(), Some("acme"));
        let back = ManagedObject::from_stored(&stored, &keys).expect("decodes");
        assert_eq!(back, ManagedObject { revision: 1, ..object });

        // The sealed value moved to another id or revision does not open.
        let moved = StoredObject { id: "id-2".into(), ..stored.clone() };
        assert!(matches!(ManagedObject::from_stored(&moved, &keys), Err(KmsError::Keys(_))));
        let replayed = StoredObject { revision: 2, ..stored.clone() };
        assert!(matches!(ManagedObject::from_stored(&replayed, &keys), Err(KmsError::Keys(_))));
        // Another hierarchy (another root key, other organisation keys)
        // cannot open it.
        assert!(ManagedObject::from_stored(&stored, &hierarchy()).is_err());
    }

    #[test]
    fn format_1_records_with_the_value_in_the_clear_are_still_read() {
        let keys = hierarchy();
        let value = Ttlv::structure(Tag::SECRET_DATA, vec![Ttlv::new(Tag::SECRET_DATA_TYPE, Value::Enumeration(1))]);
        let record = Ttlv::structure(
            RECORD,
            vec![
                Ttlv::new(FORMAT, Value::Integer(1)),
                Ttlv::new(Tag::OBJECT_TYPE, Value::Enumeration(ObjectType::SECRET_DATA.0)),
                Ttlv::new(OWNER, Value::TextString("admin".into())),
                value.clone(),
                Ttlv::structure(Tag::ATTRIBUTES, vec![]),
            ],
        );
        let stored = StoredObject {
            id: "old".into(),
            revision: 3,
            body: Bytes::from(wire::to_vec(&record).expect("encodes")),
            index: vec![],
        };
        let back = ManagedObject::from_stored(&stored, &keys).expect("decodes");
        assert_eq!(back.value, Some(value));
        assert_eq!(back.owner, "admin");
    }

    #[test]
    fn debug_leaves_out_the_key_material() {
        let mut object = key();
        object.value = Some(Ttlv::structure(
            Tag::SYMMETRIC_KEY,
            vec![Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(bytes::Bytes::from_static(&[0xAB; 16])))],
        ));
        let shown = format!("{object:?}");
        assert!(shown.contains("id-1") && shown.contains("redacted"), "{shown}");
        assert!(!shown.contains("171") && !shown.to_lowercase().contains("abab"), "{shown}");
    }

    #[test]
    fn destroyed_objects_have_no_value() {
        let mut object = key();
        object.value = None;
        let keys = hierarchy();
        let back = ManagedObject::from_stored(&object.to_stored(&keys).expect("encodes"), &keys).expect("decodes");
        assert_eq!(back.value, None);
    }

    #[test]
    fn set_replaces_every_instance() {
        let mut object = key();
        object.attributes.push(Attribute::standard(Tag::STATE, Value::Enumeration(3)));
        object.set(Tag::STATE, Value::Enumeration(2));
        assert_eq!(object.state(), State::ACTIVE);
        assert_eq!(object.attributes.iter().filter(|a| a.key() == AttributeKey::Standard(Tag::STATE)).count(), 1);
    }

    #[test]
    fn garbage_is_reported_not_panicked() {
        let stored = StoredObject { id: "x".into(), revision: 1, body: Bytes::from_static(b"junk"), index: vec![] };
        assert!(matches!(ManagedObject::from_stored(&stored, &hierarchy()), Err(KmsError::Internal(_))));
    }
}
