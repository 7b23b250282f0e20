//! The in-memory store, for tests.
//!
//! Everything sits behind one lock: the records in a `BTreeMap` keyed by id,
//! and the secondary index as a `BTreeSet` of `(field, value, id)`, so a
//! [`Store::find`] is one range scan and returns ids in ascending order. A
//! commit checks every expected revision before it changes anything, then
//! applies the whole batch under the same write lock: readers see all of a
//! batch or none of it. No `await` happens while the lock is held.
//!
//! "Durable when `Ok`" holds trivially for the life of the process, and not
//! beyond it: this store is for tests.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use async_trait::async_trait;

use bytes::Bytes;

use super::log::seal_all;
use super::{
    IndexKey, LogEntry, LogHead, LogSealer, Snapshot, Store, StoreError, StoredObject, WriteBatch, WriteOp,
    check_namespace,
};

/// A store that keeps everything in memory.
#[derive(Default)]
pub struct MemoryStore {
    state: RwLock<State>,
    sealer: Mutex<Option<Arc<dyn LogSealer>>>,
}

impl std::fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryStore").finish_non_exhaustive()
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn read<T>(&self, f: impl FnOnce(&State) -> T) -> T {
        // A panic while the lock was held cannot have left a half-applied
        // batch: `State::apply` only runs after every check passed, and it
        // does not fail. The state is consistent, so poisoning is ignored.
        let state = self.state.read().unwrap_or_else(PoisonError::into_inner);
        f(&state)
    }
}

#[async_trait]
impl Store for MemoryStore {
    async fn get(&self, id: &str) -> Result<Option<StoredObject>, StoreError> {
        Ok(self.read(|state| state.records.get(id).cloned()))
    }

    async fn revision(&self, id: &str) -> Result<Option<u64>, StoreError> {
        Ok(self.read(|state| state.records.get(id).map(|record| record.revision)))
    }

    async fn commit(&self, batch: WriteBatch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let sealer = match batch.log.is_empty() {
            true => None,
            false => {
                Some(self.sealer.lock().unwrap_or_else(PoisonError::into_inner).clone().ok_or_else(super::no_sealer)?)
            }
        };
        // See `read` for why poisoning is ignored.
        let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
        state.check(&batch)?;
        for meta in &batch.meta {
            check_namespace(&meta.namespace)?;
        }
        let appended = match sealer {
            Some(sealer) => Some(
                seal_all(sealer.as_ref(), &state.head, &batch.log).map_err(|e| StoreError::Backend(e.to_string()))?,
            ),
            None => None,
        };
        for op in batch.ops {
            state.apply(op);
        }
        for meta in batch.meta {
            let key = (meta.namespace, meta.key);
            match meta.value {
                Some(value) => state.meta.insert(key, value),
                None => state.meta.remove(&key),
            };
        }
        if let Some((entries, head)) = appended {
            state.log.extend(entries.into_iter().map(|entry| (entry.seq, entry)));
            state.head = head;
        }
        Ok(())
    }

    async fn find(&self, key: &IndexKey) -> Result<Vec<String>, StoreError> {
        Ok(self.read(|state| state.find(key)))
    }

    async fn all_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.read(|state| state.records.keys().cloned().collect()))
    }

    async fn count(&self) -> Result<u64, StoreError> {
        Ok(self.read(|state| state.records.len() as u64))
    }

    fn set_log_sealer(&self, sealer: Arc<dyn LogSealer>) {
        *self.sealer.lock().unwrap_or_else(PoisonError::into_inner) = Some(sealer);
    }

    async fn log_head(&self) -> Result<LogHead, StoreError> {
        Ok(self.read(|state| state.head.clone()))
    }

    async fn log_entries(&self, from: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError> {
        Ok(self.read(|state| state.log.range(from..).take(limit).map(|(_, entry)| entry.clone()).collect()))
    }

    async fn log_replace_prefix(&self, checkpoint: LogEntry) -> Result<(), StoreError> {
        let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
        if !state.log.contains_key(&checkpoint.seq) {
            return Err(StoreError::Backend(format!("no log entry {} to checkpoint", checkpoint.seq)));
        }
        let seq = checkpoint.seq;
        state.log = state.log.split_off(&seq);
        state.log.insert(seq, checkpoint);
        state.head.first = seq;
        Ok(())
    }

    async fn snapshot(&self) -> Result<Snapshot, StoreError> {
        Ok(self.read(|state| Snapshot {
            records: state.records.values().cloned().collect(),
            meta: state.meta.iter().map(|((ns, key), value)| (ns.clone(), key.clone(), value.clone())).collect(),
            head: state.head.clone(),
            log: state.log.values().cloned().collect(),
        }))
    }

    async fn load_snapshot(&self, snapshot: Snapshot) -> Result<(), StoreError> {
        let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
        if !state.records.is_empty() || !state.meta.is_empty() || !state.log.is_empty() || state.head.next != 0 {
            return Err(StoreError::Backend("a snapshot loads into an empty store only".into()));
        }
        for record in snapshot.records {
            state.apply(WriteOp::Put { object: record, expected_revision: None });
        }
        state.meta = snapshot.meta.into_iter().map(|(ns, key, value)| ((ns, key), value)).collect();
        state.log = snapshot.log.into_iter().map(|entry| (entry.seq, entry)).collect();
        state.head = snapshot.head;
        Ok(())
    }

    async fn meta(&self, namespace: &str) -> Result<Vec<(String, Bytes)>, StoreError> {
        check_namespace(namespace)?;
        Ok(self.read(|state| {
            state
                .meta
                .range((namespace.to_owned(), String::new())..)
                .take_while(|((ns, _), _)| ns == namespace)
                .map(|((_, key), value)| (key.clone(), value.clone()))
                .collect()
        }))
    }
}

#[derive(Debug, Default)]
struct State {
    records: BTreeMap<String, StoredObject>,
    /// `(field, value, id)`: one entry per index key of each record.
    index: BTreeSet<(u32, Vec<u8>, String)>,
    /// Meta records by (namespace, key).
    meta: BTreeMap<(String, String), Bytes>,
    /// The log's entries by position, and where it stands.
    log: BTreeMap<u64, LogEntry>,
    head: LogHead,
}

impl State {
    /// Checks every revision of `batch` in order, each op seeing the
    /// effect of the ops before it, without changing anything.
    fn check(&self, batch: &WriteBatch) -> Result<(), StoreError> {
        // The revision each id would have after the ops checked so far
        // (None: absent).
        let mut staged: HashMap<&str, Option<u64>> = HashMap::new();
        for op in &batch.ops {
            let id = match op {
                WriteOp::Put { object, .. } => object.id.as_str(),
                WriteOp::Delete { id, .. } => id.as_str(),
            };
            let current = match staged.get(id) {
                Some(revision) => *revision,
                None => self.records.get(id).map(|record| record.revision),
            };
            let (expected, after) = match op {
                WriteOp::Put { object, expected_revision } => (*expected_revision, Some(object.revision)),
                WriteOp::Delete { expected_revision, .. } => (Some(*expected_revision), None),
            };
            if current != expected {
                return Err(StoreError::Conflict { id: id.to_owned() });
            }
            staged.insert(id, after);
        }
        Ok(())
    }

    /// Applies one checked op.
    fn apply(&mut self, op: WriteOp) {
        let (id, new) = match op {
            WriteOp::Put { object, .. } => (object.id.clone(), Some(object)),
            WriteOp::Delete { id, .. } => (id, None),
        };
        if let Some(old) = self.records.remove(&id) {
            for key in old.index {
                self.index.remove(&(key.field, key.value, id.clone()));
            }
        }
        if let Some(object) = new {
            for key in &object.index {
                self.index.insert((key.field, key.value.clone(), id.clone()));
            }
            self.records.insert(id, object);
        }
    }

    fn find(&self, key: &IndexKey) -> Vec<String> {
        let start = (key.field, key.value.clone(), String::new());
        self.index
            .range((Bound::Included(start), Bound::Unbounded))
            .take_while(|(field, value, _)| *field == key.field && *value == key.value)
            .map(|(_, _, id)| id.clone())
            .collect()
    }
}
