//! What an operation runs in: the caller, the time, the protocol version,
//! the per-message transaction and the ID Placeholder.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use kmip_ttlv::ProtocolVersion;

use super::object::ManagedObject;
use super::{Peer, Session};
use crate::access::{Access, AccessPolicy, Permission};
use crate::crypto::CryptoEngine;
use crate::error::KmsError;
use crate::keys::{self, KeyError, KeyHierarchy};
use crate::store::{IndexKey, Store, StoreError, StoredObject, WriteBatch};

/// Server settings the operations read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpsConfig {
    /// Vendor Identification returned by Query.
    pub vendor: String,
    /// Lease Time given to new objects, in seconds (Obtain Lease).
    pub lease_time: u32,
    /// What RNG Seed does with the entropy a client sends.
    pub rng_seed: RngSeedPolicy,
    /// Administrators, organisations and groups of identities (`[access]`).
    pub access: AccessPolicy,
    /// Which new keys are generated in the PKCS#11 token (`hsm.policy`).
    pub hsm_policy: HsmPolicy,
    /// The largest response message (`limits.max_response_size`): a batch
    /// or a Locate whose response would be larger is answered with
    /// Response Too Large (as a request's smaller Maximum Response Size).
    pub max_response_size: usize,
    /// The most batch items a request may carry (`limits.max_batch_items`);
    /// more: Invalid Message for the whole request.
    pub max_batch_items: usize,
}

/// Which keys Create generates inside the PKCS#11 token (config key
/// `hsm.policy`); a Create's `x-kms-hsm` attribute overrides it per key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum HsmPolicy {
    /// None unless the request asks (`x-kms-hsm` true): the default.
    #[default]
    None,
    /// Every symmetric key Create makes (AES only: other algorithms are
    /// refused) unless the request says `x-kms-hsm` false.
    AllSymmetric,
}

impl Default for OpsConfig {
    fn default() -> OpsConfig {
        OpsConfig {
            vendor: "kms".to_owned(),
            lease_time: 3600,
            rng_seed: RngSeedPolicy::default(),
            hsm_policy: HsmPolicy::default(),
            access: AccessPolicy::default(),
            max_response_size: 16 << 20,
            max_batch_items: 10_000,
        }
    }
}

/// The server's RNG Seed policy (config keys `crypto.rng_seed` and
/// `crypto.rng_seed_max_bytes`). KMIP 2.1 §6.1.44 leaves it to the server
/// how much of a seed it uses; the response's Data Length says how much.
/// The OASIS optional test cases CS-RNG-O-1 to -4 record four policies for
/// the same 32-byte seed: all of it, 16 bytes, none, and a refusal. A site
/// that does not want clients to influence the DRBG at all refuses the
/// operation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RngSeedPolicy {
    /// Whether RNG Seed is served or refused.
    pub mode: RngSeedMode,
    /// The most seed bytes one request mixes in; only that prefix reaches
    /// the engine. `None`: all of them.
    pub max_bytes: Option<usize>,
}

/// Whether RNG Seed is served.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RngSeedMode {
    /// Seed bytes are handed to the engine, up to
    /// [`RngSeedPolicy::max_bytes`] (the default).
    #[default]
    Accept,
    /// RNG Seed fails with Permission Denied; the engine sees nothing.
    Deny,
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
    /// Grants and administrators: who may use which object.
    pub access: &'a Access,
    /// What the current operation needs on the objects it names
    /// ([`Permission::for_operation`]); None: only their owner or an
    /// administrator may name them.
    pub permission: Option<Permission>,
    /// Reads and staged writes of this message.
    pub txn: Txn<'a>,
    /// Open streaming operations.
    pub(crate) streams: &'a super::stream::Streams,
    /// The streams this message opened or moved on (their Correlation
    /// Values): closed if the message is not committed, so an undone piece
    /// can never leave a stream one piece ahead of its client.
    pub(crate) touched_streams: Vec<Vec<u8>>,
    /// Asymmetric keys converted for the engine.
    pub(crate) keys: &'a super::crypto_params::EngineKeys,
    /// The ID Placeholder: the identifier the last Create, Register,
    /// Locate (one match) ... produced in this message.
    pub id_placeholder: Option<String>,
    /// The connection's state as this message leaves it (Set Endpoint
    /// Role); it takes effect only if the message commits.
    pub session: Session,
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
    ///
    /// This is where access is checked: an object the caller may not use
    /// for the current operation ([`OpContext::permission`]) gets exactly
    /// the answer a missing one gets (docs/access.md).
    pub async fn object(&mut self, id: &str) -> Result<ManagedObject, KmsError> {
        self.object_shared(id).await.map(Arc::unwrap_or_clone)
    }

    /// [`OpContext::object`] for a use other than the operation's own (the
    /// key that wraps a Get's key needs `encrypt`).
    pub async fn object_for(&mut self, id: &str, permission: Permission) -> Result<ManagedObject, KmsError> {
        self.object_checked(id, Some(permission)).await.map(Arc::unwrap_or_clone)
    }

    /// Like [`OpContext::object`], shared: for operations that only read the
    /// object (the cryptographic ones), no copy is made.
    pub async fn object_shared(&mut self, id: &str) -> Result<Arc<ManagedObject>, KmsError> {
        self.object_checked(id, self.permission).await
    }

    /// True if the caller may do `permission` to `object` (None: only its
    /// owner or an administrator may). The owner's check is one string
    /// compare; anyone else's looks the grants up in memory.
    pub async fn may(&self, object: &ManagedObject, permission: Option<Permission>) -> Result<bool, KmsError> {
        Ok(self.access.may(&self.peer.identity, &object.owner, &object.id, object.groups(), permission).await?)
    }

    async fn object_checked(
        &mut self,
        id: &str,
        permission: Option<Permission>,
    ) -> Result<Arc<ManagedObject>, KmsError> {
        let not_found = || KmsError::ObjectNotFound(id.to_owned());
        let Some(shared) = self.txn.get_shared(id).await? else {
            // The grant lookup a forbidden object costs, made for a missing
            // one too, so that the two answers also take alike.
            let _ = self.access.may(&self.peer.identity, "", id, std::iter::empty(), permission).await;
            return Err(not_found());
        };
        if !self.may(&shared, permission).await? {
            return Err(not_found());
        }
        if !super::attributes::dates_due(&shared, self.now) {
            return Ok(shared);
        }
        let mut object = Arc::unwrap_or_clone(shared);
        super::attributes::apply_dates(&mut object, self.now);
        object.set(kmip_ttlv::Tag::LAST_CHANGE_DATE, kmip_ttlv::Value::DateTime(self.now));
        self.save(object.clone());
        Ok(Arc::new(object))
    }

    /// A new object `id` of `object_type` holding `value`, owned by the
    /// caller and in its organisation (whose key seals it); not yet saved.
    pub fn new_object(
        &self,
        id: String,
        object_type: kmip_ttlv::enums::ObjectType,
        value: kmip_ttlv::Ttlv,
        attributes: Vec<kmip_ttlv::model::Attribute>,
    ) -> ManagedObject {
        ManagedObject {
            id,
            object_type,
            owner: self.peer.identity.clone(),
            organisation: self.peer.organisation.clone(),
            value: Some(value),
            attributes,
            revision: 0,
        }
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
    keys: &'a KeyHierarchy,
    decoded: &'a ObjectCache,
    cache: BTreeMap<String, Option<Arc<ManagedObject>>>,
    dirty: BTreeSet<String>,
    /// Each staged object as it was before this message changed it (None
    /// for a new one), for the events a commit publishes.
    before: BTreeMap<String, Option<Arc<ManagedObject>>>,
}

/// One object a commit wrote: as it was before the message (None if new)
/// and as committed.
#[derive(Debug)]
pub struct Committed {
    /// The object before this message changed it; None for a new object.
    pub before: Option<Arc<ManagedObject>>,
    /// The object as committed.
    pub after: Arc<ManagedObject>,
}

impl<'a> Txn<'a> {
    /// A transaction over `store`, whose values `keys` seals and opens,
    /// with `decoded` shared between messages.
    pub fn new(store: &'a dyn Store, keys: &'a KeyHierarchy, decoded: &'a ObjectCache) -> Txn<'a> {
        Txn { store, keys, decoded, cache: BTreeMap::new(), dirty: BTreeSet::new(), before: BTreeMap::new() }
    }

    /// The object `id` as this message sees it.
    pub async fn get(&mut self, id: &str) -> Result<Option<ManagedObject>, KmsError> {
        Ok(self.get_shared(id).await?.map(Arc::unwrap_or_clone))
    }

    /// The object with `id`, shared with the caches.
    pub async fn get_shared(&mut self, id: &str) -> Result<Option<Arc<ManagedObject>>, KmsError> {
        if let Some(cached) = self.cache.get(id) {
            return Ok(cached.clone());
        }
        let loaded = self.load(id).await?;
        self.cache.insert(id.to_owned(), loaded.clone());
        Ok(loaded)
    }

    /// The object with `id` as this message sees it, like
    /// [`Txn::get_shared`], but not kept in the message's cache when read
    /// from the store: for reading many objects once (Locate's
    /// candidates, as many as the store holds), which the message's cache
    /// would otherwise hold all at once until the message ends.
    pub async fn peek(&self, id: &str) -> Result<Option<Arc<ManagedObject>>, KmsError> {
        match self.cache.get(id) {
            Some(cached) => Ok(cached.clone()),
            None => self.load(id).await,
        }
    }

    /// The object with `id` from the store (or the shared cache of decoded
    /// objects, at its current revision).
    async fn load(&self, id: &str) -> Result<Option<Arc<ManagedObject>>, KmsError> {
        // The key hierarchy's own records are not objects: no request
        // reaches them.
        if keys::is_hierarchy_record(id) {
            return Ok(None);
        }
        // An object decoded before at its current revision is not read
        // again. One never decoded (most of a large store) is read once,
        // without first reading its revision.
        if self.decoded.holds(id) {
            let Some(revision) = self.store.revision(id).await? else {
                return Ok(None);
            };
            if let Some(object) = self.decoded.get(id, revision) {
                return Ok(Some(object));
            }
        }
        Ok(match self.store.get(id).await? {
            Some(stored) => Some(match self.decoded.get(id, stored.revision) {
                Some(object) => object,
                None => {
                    let object = Arc::new(self.decode(&stored).await?);
                    self.decoded.put(Arc::clone(&object));
                    object
                }
            }),
            None => None,
        })
    }

    /// Decodes a record, loading its organisation's key first if another
    /// server made it after this one opened the hierarchy. Once per
    /// revision: the result goes to the shared cache.
    async fn decode(&self, stored: &StoredObject) -> Result<ManagedObject, KmsError> {
        match ManagedObject::from_stored(stored, self.keys) {
            Err(KmsError::Keys(KeyError::NotLoaded(_))) => {
                let organisation = ManagedObject::stored_organisation(stored);
                self.keys.load_org_key(self.store, organisation.as_deref()).await?;
                ManagedObject::from_stored(stored, self.keys)
            }
            other => other,
        }
    }

    /// Stages a new or changed object.
    pub fn put(&mut self, object: ManagedObject) {
        if self.dirty.insert(object.id.clone()) {
            // The first change in this message: what the cache holds is the
            // object as read from the store (an object is read before it is
            // changed), or nothing for a new one.
            let before = if object.revision == 0 { None } else { self.cache.get(&object.id).cloned().flatten() };
            self.before.insert(object.id.clone(), before);
        }
        self.cache.insert(object.id.clone(), Some(Arc::new(object)));
    }

    /// The ids indexed under `key`, including this message's staged
    /// objects (whose index is recomputed), excluding staged objects that no
    /// longer match.
    pub async fn find(&self, key: &IndexKey) -> Result<BTreeSet<String>, KmsError> {
        let mut ids: BTreeSet<String> = self.store.find(key).await?.into_iter().collect();
        self.overlay(&mut ids, |object| object.index_keys().contains(key));
        Ok(ids)
    }

    /// Every id, including staged new objects.
    pub async fn all_ids(&self) -> Result<BTreeSet<String>, KmsError> {
        let mut ids: BTreeSet<String> =
            self.store.all_ids().await?.into_iter().filter(|id| !keys::is_hierarchy_record(id)).collect();
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

    /// The staged writes as one store batch, sealed: the key
    /// of every organisation involved is made first if it does not exist.
    pub async fn into_batch(self) -> Result<WriteBatch, KmsError> {
        let mut batch = WriteBatch::new();
        for id in &self.dirty {
            if let Some(Some(object)) = self.cache.get(id) {
                if keys::is_hierarchy_record(&object.id) {
                    return Err(KmsError::InvalidField(format!(
                        "Unique Identifier {:?} is reserved for the server",
                        object.id
                    )));
                }
                self.keys.ensure_org_key(self.store, object.organisation.as_deref()).await?;
                let expected = (object.revision > 0).then_some(object.revision);
                batch.put(object.to_stored(self.keys)?, expected);
            }
        }
        Ok(batch)
    }

    /// Commits the staged writes, with `log` appended to the store's log
    /// (audit entries) in the same commit (durable when it returns `Ok`);
    /// what was written, each object before and after.
    pub async fn commit(mut self, log: Vec<bytes::Bytes>) -> Result<Vec<Committed>, CommitError> {
        if self.is_empty() && log.is_empty() {
            return Ok(Vec::new());
        }
        let store = self.store;
        let decoded = self.decoded;
        let written: Vec<Arc<ManagedObject>> =
            self.dirty.iter().filter_map(|id| self.cache.get(id).cloned().flatten()).collect();
        let mut before = std::mem::take(&mut self.before);
        let mut batch = self.into_batch().await.map_err(CommitError::Kms)?;
        batch.log = log;
        store.commit(batch).await.map_err(|e| {
            for object in &written {
                decoded.forget(&object.id);
            }
            match e {
                StoreError::Conflict { .. } => CommitError::Conflict,
                other => CommitError::Kms(other.into()),
            }
        })?;
        Ok(written
            .into_iter()
            .map(|object| {
                // The committed revision replaces the decoded copy (a
                // destroyed key's material leaves the cache with it).
                let mut object = Arc::unwrap_or_clone(object);
                object.revision += 1;
                let after = Arc::new(object);
                decoded.put(Arc::clone(&after));
                Committed { before: before.remove(&after.id).flatten(), after }
            })
            .collect())
    }
}

/// How many decoded objects [`ObjectCache`] keeps before dropping half.
const OBJECT_CACHE_CAPACITY: usize = 8192;

/// Decoded objects shared between messages, keyed by id and checked
/// against the store revision: a record is decoded once per revision, not
/// once per request. A write replaces the entry; the size is bounded.
#[derive(Default)]
pub struct ObjectCache {
    map: Mutex<HashMap<String, Arc<ManagedObject>>>,
}

impl ObjectCache {
    /// An empty cache.
    pub fn new() -> ObjectCache {
        ObjectCache::default()
    }

    fn get(&self, id: &str, revision: u64) -> Option<Arc<ManagedObject>> {
        let map = self.map.lock().ok()?;
        map.get(id).filter(|o| o.revision == revision).cloned()
    }

    /// True if some revision of `id` is held.
    fn holds(&self, id: &str) -> bool {
        self.map.lock().is_ok_and(|map| map.contains_key(id))
    }

    fn put(&self, object: Arc<ManagedObject>) {
        let Ok(mut map) = self.map.lock() else { return };
        if map.len() >= OBJECT_CACHE_CAPACITY && !map.contains_key(&object.id) {
            let drop: Vec<String> = map.keys().take(OBJECT_CACHE_CAPACITY / 2).cloned().collect();
            for id in drop {
                map.remove(&id);
            }
        }
        map.insert(object.id.clone(), object);
    }

    fn forget(&self, id: &str) {
        if let Ok(mut map) = self.map.lock() {
            map.remove(id);
        }
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
