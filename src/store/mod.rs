//! Persistence behind one small trait: sled is the embedded default, an
//! in-memory store serves tests, PostgreSQL comes later.
//!
//! The store knows nothing about KMIP. It keeps records (an id, a revision,
//! an opaque body, and the secondary-index keys the record should be found
//! under) and applies batches of changes atomically. The contract of
//! [`Store::commit`] is **durable when `Ok`**: once it returns, the change
//! survives a crash of the process and of the machine.
//!
//! Beside the object records, a store keeps small **meta records** (grants,
//! identities), each named by a namespace and a key, with no revision and no
//! index. They live apart from the objects: [`Store::get`],
//! [`Store::all_ids`], [`Store::count`] and [`Store::find`] (so Locate)
//! never see them. They are written by the same atomic, durable
//! [`Store::commit`] ([`WriteBatch::put_meta`], [`WriteBatch::delete_meta`])
//! and read a namespace at a time ([`Store::meta`]).

mod log;
mod memory;
mod sled;
mod snapshot;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;

pub use self::log::{LogEntry, LogHead, LogSealer, SealError};
pub use self::memory::MemoryStore;
pub use self::sled::SledStore;
pub use self::snapshot::{Snapshot, SnapshotError};

/// One stored record: a managed object, in `ops`' encoding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredObject {
    /// The object's Unique Identifier.
    pub id: String,
    /// 1 when created, then one more per committed change. A commit names
    /// the revision it read, so two writers cannot both win.
    pub revision: u64,
    /// The encoded object; opaque to the store (key material in it is
    /// already wrapped by `keys/`).
    pub body: Bytes,
    /// The index keys under which [`Store::find`] returns this record.
    pub index: Vec<IndexKey>,
}

/// A secondary-index key: a field (a KMIP tag value, or a pseudo-field
/// above 0xFF_FFFF that `ops` defines) and a value in a canonical byte form.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IndexKey {
    /// What is indexed (e.g. the Name tag, 0x420053).
    pub field: u32,
    /// The value, in a form where equal values have equal bytes.
    pub value: Vec<u8>,
}

/// One change in a [`WriteBatch`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteOp {
    /// Create (`expected_revision` None: the id must not exist yet) or
    /// replace (`Some(r)`: the stored record must be at revision `r`). The
    /// record's own `revision` is what gets stored.
    Put {
        /// The record to store.
        object: StoredObject,
        /// The revision the writer read, or None for a new record.
        expected_revision: Option<u64>,
    },
    /// Remove a record, which must be at `expected_revision`.
    Delete {
        /// The record's id.
        id: String,
        /// The revision the writer read.
        expected_revision: u64,
    },
}

/// A change to a meta record (see the module docs): last writer wins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaOp {
    /// The namespace (e.g. `grants`); no NUL byte.
    pub namespace: String,
    /// The record's key in its namespace.
    pub key: String,
    /// The new value, or None to remove the record.
    pub value: Option<Bytes>,
}

/// Changes applied together or not at all.
///
/// The ops apply in order, and each op's revision check sees the effect of
/// the ops before it (a batch may create a record and then replace it with
/// `expected_revision` set to the created revision). If any check fails,
/// nothing of the batch is applied, meta changes included.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteBatch {
    /// The changes, in order.
    pub ops: Vec<WriteOp>,
    /// Bodies appended to the log (the audit chain) in the same commit,
    /// sealed in order by the store's [`LogSealer`]; appended only if the
    /// changes are applied.
    pub log: Vec<Bytes>,
    /// Changes to meta records, applied after `ops`, in order.
    pub meta: Vec<MetaOp>,
}

impl WriteBatch {
    /// An empty batch.
    pub fn new() -> WriteBatch {
        WriteBatch::default()
    }

    /// Adds a create or replace.
    pub fn put(&mut self, object: StoredObject, expected_revision: Option<u64>) -> &mut WriteBatch {
        self.ops.push(WriteOp::Put { object, expected_revision });
        self
    }

    /// Adds a delete.
    pub fn delete(&mut self, id: impl Into<String>, expected_revision: u64) -> &mut WriteBatch {
        self.ops.push(WriteOp::Delete { id: id.into(), expected_revision });
        self
    }

    /// Adds an entry to append to the log.
    pub fn append_log(&mut self, body: Bytes) -> &mut WriteBatch {
        self.log.push(body);
        self
    }

    /// Adds a create or replace of the meta record `key` in `namespace`.
    pub fn put_meta(&mut self, namespace: &str, key: impl Into<String>, value: Bytes) -> &mut WriteBatch {
        self.meta.push(MetaOp { namespace: namespace.to_owned(), key: key.into(), value: Some(value) });
        self
    }

    /// Adds the removal of the meta record `key` in `namespace` (nothing
    /// happens if there is none).
    pub fn delete_meta(&mut self, namespace: &str, key: impl Into<String>) -> &mut WriteBatch {
        self.meta.push(MetaOp { namespace: namespace.to_owned(), key: key.into(), value: None });
        self
    }

    /// True if the batch changes nothing and appends nothing.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty() && self.log.is_empty() && self.meta.is_empty()
    }
}

/// Why a store call failed.
#[derive(Clone, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A revision check failed: someone else changed the record first (or
    /// a create found the id taken). Nothing of the batch was applied.
    #[error("conflicting change to {id}")]
    Conflict {
        /// The record whose revision did not match.
        id: String,
    },
    /// A stored record could not be read back.
    #[error("corrupt record {id}: {reason}")]
    Corrupt {
        /// The record.
        id: String,
        /// What was wrong.
        reason: String,
    },
    /// The backend failed (I/O, database).
    #[error("storage backend: {0}")]
    Backend(String),
    /// The disk holding the store has no room left (or a file-size limit
    /// was reached): the commit was not acknowledged. Nothing acknowledged
    /// before is lost, and commits succeed again once there is room.
    #[error("no space left for the store: {0}")]
    NoSpace(String),
}

/// The storage trait. Implementations: [`SledStore`] (the default, one
/// data directory) and [`MemoryStore`] (tests).
#[async_trait]
pub trait Store: Send + Sync {
    /// The record with id `id`.
    async fn get(&self, id: &str) -> Result<Option<StoredObject>, StoreError>;

    /// The revision of the record with id `id`, without its body: enough
    /// to tell whether an already decoded copy is current.
    async fn revision(&self, id: &str) -> Result<Option<u64>, StoreError> {
        Ok(self.get(id).await?.map(|record| record.revision))
    }

    /// Applies every change of `batch` atomically, after checking every
    /// expected revision; durable when it returns `Ok`. Replacing a record
    /// replaces its index keys.
    async fn commit(&self, batch: WriteBatch) -> Result<(), StoreError>;

    /// The ids of the records indexed under `key`, in ascending order.
    async fn find(&self, key: &IndexKey) -> Result<Vec<String>, StoreError>;

    /// Every id, in ascending order.
    async fn all_ids(&self) -> Result<Vec<String>, StoreError>;

    /// The number of records.
    async fn count(&self) -> Result<u64, StoreError>;

    /// Sets what seals log entries; a commit that appends entries fails
    /// until one is set.
    fn set_log_sealer(&self, sealer: Arc<dyn LogSealer>);

    /// Where the log stands.
    async fn log_head(&self) -> Result<LogHead, StoreError>;

    /// Up to `limit` entries from position `from` on, in order.
    async fn log_entries(&self, from: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError>;

    /// Replaces the entry at `checkpoint.seq` with `checkpoint` and removes
    /// every entry before it, atomically (pruning: the checkpoint records
    /// what the chain needs to go on). The entry must exist.
    async fn log_replace_prefix(&self, checkpoint: LogEntry) -> Result<(), StoreError>;

    /// A consistent copy of everything: every record, every meta record
    /// and the log with its head, as of one point between commits (every commit acknowledged
    /// before the call is in it).
    async fn snapshot(&self) -> Result<Snapshot, StoreError>;

    /// Loads `snapshot` into this store, which must be empty (no record,
    /// no meta record, no log entry); durable when `Ok`.
    async fn load_snapshot(&self, snapshot: Snapshot) -> Result<(), StoreError>;

    /// Every meta record of `namespace`: (key, value), keys ascending.
    async fn meta(&self, namespace: &str) -> Result<Vec<(String, Bytes)>, StoreError>;

    /// The bytes the store takes on disk, if it has a disk (`/metrics`).
    async fn size_on_disk(&self) -> Result<Option<u64>, StoreError> {
        Ok(None)
    }
}

/// A commit appends log entries but no sealer was set.
fn no_sealer() -> StoreError {
    StoreError::Backend("log entries to append, but no log sealer is set".into())
}

/// Checks a meta namespace name: not empty, no NUL (the sled key separator).
pub(crate) fn check_namespace(namespace: &str) -> Result<(), StoreError> {
    if namespace.is_empty() || namespace.contains('\0') {
        return Err(StoreError::Backend(format!("invalid meta namespace {namespace:?}")));
    }
    Ok(())
}
