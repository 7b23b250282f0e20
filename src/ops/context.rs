//! What an operation runs in: the caller, the time, the protocol version,
//! the per-message transaction and the ID Placeholder.

use std::collections::{BTreeMap, BTreeSet};

use kmip_ttlv::ProtocolVersion;

use super::Peer;
use super::object::ManagedObject;
use crate::crypto::CryptoEngine;
use crate::error::KmsError;
use crate::store::{IndexKey, Store, StoreError, WriteBatch};

/// Server settings the operations read.
#[derive(Clone, Debug)]
pub struct OpsConfig {
    /// Vendor Identification returned by Query.
    pub vendor: String,
    /// Lease Time given to new objects, in seconds (Obtain Lease).
    pub lease_time: u32,
}

impl Default for OpsConfig {
    fn default() -> OpsConfig {
        OpsConfig { vendor: "kms".to_owned(), lease_time: 3600 }
    }
}

/// The context of one operation (STYLE §1: "ctx: identity, clock (now),
/// store, crypto engine ...").
pub struct OpContext<'a> {
    /// Who is asking.
    pub peer: &'a Peer,
    /// The time the message arrived (seconds since the epoch).
    pub now: i64,
    /// The request's protocol version: the response is in it.
    pub version: ProtocolVersion,
    /// Random numbers and hashes.
    pub crypto: &'a dyn CryptoEngine,
    /// Server settings.
    pub config: &'a OpsConfig,
    /// Reads and staged writes of this message.
    pub txn: Txn<'a>,
    /// The ID Placeholder: the identifier the last Create, Register,
    /// Locate (one match) ... produced in this message.
    pub id_placeholder: Option<String>,
}

impl OpContext<'_> {
    /// The Unique Identifier a request names, or the ID Placeholder when it
    /// names none (KMIP 2.1 §9.1.1.6 / 1.4 §6.x "ID Placeholder").
    pub fn target(&self, requested: Option<&str>) -> Result<String, KmsError> {
        match requested {
            Some(id) => Ok(id.to_owned()),
            None => self.id_placeholder.clone().ok_or(KmsError::NoIdPlaceholder),
        }
    }

    /// The object `id`, or Object Not Found. Transitions its dates call
    /// for (an Activation Date or Deactivation Date that has passed) are
    /// applied first, and staged to be saved (KMIP 2.1 §5).
    pub async fn object(&mut self, id: &str) -> Result<ManagedObject, KmsError> {
        let mut object = self.txn.get(id).await?.ok_or_else(|| KmsError::ObjectNotFound(id.to_owned()))?;
        let state = object.state();
        super::attributes::apply_dates(&mut object, self.now);
        if object.state() != state {
            object.set(kmip_ttlv::Tag::LAST_CHANGE_DATE, kmip_ttlv::Value::DateTime(self.now));
            self.save(object.clone());
        }
        Ok(object)
    }

    /// Stages `object` to be written when the message commits.
    pub fn save(&mut self, object: ManagedObject) {
        self.txn.put(object);
    }
}

/// A per-message transaction: reads go through a cache that sees this
/// message's own writes; writes are staged and committed together, once,
/// when the message is done (or dropped when a batch is undone).
pub struct Txn<'a> {
    store: &'a dyn Store,
    cache: BTreeMap<String, Option<ManagedObject>>,
    dirty: BTreeSet<String>,
}

impl<'a> Txn<'a> {
    /// A transaction over `store`.
    pub fn new(store: &'a dyn Store) -> Txn<'a> {
        Txn { store, cache: BTreeMap::new(), dirty: BTreeSet::new() }
    }

    /// The object `id` as this message sees it.
    pub async fn get(&mut self, id: &str) -> Result<Option<ManagedObject>, KmsError> {
        if let Some(cached) = self.cache.get(id) {
            return Ok(cached.clone());
        }
        let loaded = match self.store.get(id).await? {
            Some(stored) => Some(ManagedObject::from_stored(&stored)?),
            None => None,
        };
        self.cache.insert(id.to_owned(), loaded.clone());
        Ok(loaded)
    }

    /// Stages a new or changed object.
    pub fn put(&mut self, object: ManagedObject) {
        self.dirty.insert(object.id.clone());
        self.cache.insert(object.id.clone(), Some(object));
    }

    /// The ids indexed under `key`, including this message's staged
    /// objects (whose index is recomputed), excluding staged objects that no
    /// longer match.
    pub async fn find(&self, key: &IndexKey) -> Result<BTreeSet<String>, KmsError> {
        let mut ids: BTreeSet<String> = self.store.find(key).await?.into_iter().collect();
        self.overlay(&mut ids, |object| object.to_stored().is_ok_and(|s| s.index.contains(key)));
        Ok(ids)
    }

    /// Every id, including staged new objects.
    pub async fn all_ids(&self) -> Result<BTreeSet<String>, KmsError> {
        let mut ids: BTreeSet<String> = self.store.all_ids().await?.into_iter().collect();
        self.overlay(&mut ids, |_| true);
        Ok(ids)
    }

    fn overlay(&self, ids: &mut BTreeSet<String>, matches: impl Fn(&ManagedObject) -> bool) {
        for id in &self.dirty {
            match self.cache.get(id) {
                Some(Some(object)) if matches(object) => {
                    ids.insert(id.clone());
                }
                _ => {
                    ids.remove(id);
                }
            }
        }
    }

    /// True if nothing was staged.
    pub fn is_empty(&self) -> bool {
        self.dirty.is_empty()
    }

    /// The staged writes as one store batch.
    pub fn into_batch(self) -> Result<WriteBatch, KmsError> {
        let mut batch = WriteBatch::new();
        for id in &self.dirty {
            if let Some(Some(object)) = self.cache.get(id) {
                let expected = (object.revision > 0).then_some(object.revision);
                batch.put(object.to_stored()?, expected);
            }
        }
        Ok(batch)
    }

    /// Commits the staged writes (durable when it returns `Ok`).
    pub async fn commit(self) -> Result<(), CommitError> {
        if self.is_empty() {
            return Ok(());
        }
        let store = self.store;
        let batch = self.into_batch().map_err(CommitError::Kms)?;
        store.commit(batch).await.map_err(|e| match e {
            StoreError::Conflict { .. } => CommitError::Conflict,
            other => CommitError::Kms(other.into()),
        })
    }
}

/// Why a commit failed.
#[derive(Debug)]
pub enum CommitError {
    /// Another message changed an object this one read: run it again.
    Conflict,
    /// Anything else.
    Kms(KmsError),
}
