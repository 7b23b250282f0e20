//! The keyed chain: sealing, verifying, the head file, export and pruning.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{Checkpoint, Entry};
use crate::crypto::{CryptoEngine, HashAlgorithm, KeyKind, KeyRef, MacAlgorithm};
use crate::store::{LogEntry, LogSealer, SealError, Store, StoreError};

/// What every seal covers first: the chain's format.
const DOMAIN: &[u8] = b"kms audit chain v1";
/// What a checkpoint's seal covers in place of a previous seal.
const CHECKPOINT_PREVIOUS: &[u8] = b"kms audit checkpoint";
/// Entries read from the store at a time.
const PAGE: usize = 4096;

/// The chain's HMAC key (32 bytes: the key hierarchy's audit service key).
pub struct AuditKey(Zeroizing<[u8; 32]>);

impl AuditKey {
    /// A key from its bytes.
    pub fn new(bytes: [u8; 32]) -> AuditKey {
        AuditKey(Zeroizing::new(bytes))
    }
}

impl fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuditKey(..)")
    }
}

/// Seals entries: HMAC-SHA-256 under the [`AuditKey`] over the chain's
/// format, the position, the previous seal (length first) and the body.
pub struct ChainSealer {
    key: AuditKey,
    crypto: Arc<dyn CryptoEngine>,
}

impl ChainSealer {
    /// A sealer with `key`, computing through `crypto`.
    pub fn new(key: AuditKey, crypto: Arc<dyn CryptoEngine>) -> ChainSealer {
        ChainSealer { key, crypto }
    }

    fn mac(&self, seq: u64, previous: &[u8], body: &[u8]) -> Result<Vec<u8>, SealError> {
        let mut data = Vec::with_capacity(DOMAIN.len() + 8 + 4 + previous.len() + body.len());
        data.extend_from_slice(DOMAIN);
        data.extend_from_slice(&seq.to_be_bytes());
        let len = u32::try_from(previous.len()).map_err(|_| SealError("previous seal too long".into()))?;
        data.extend_from_slice(&len.to_be_bytes());
        data.extend_from_slice(previous);
        data.extend_from_slice(body);
        let key = KeyRef { kind: KeyKind::Hmac, material: self.key.0.as_slice() };
        self.crypto.mac(key, MacAlgorithm::Hmac(HashAlgorithm::Sha256), &data).map_err(|e| SealError(e.to_string()))
    }
}

impl LogSealer for ChainSealer {
    fn seal(&self, seq: u64, previous: &[u8], body: &[u8]) -> Result<Vec<u8>, SealError> {
        self.mac(seq, previous, body)
    }
}

/// The head kept outside the store: how many entries the chain had and
/// the last seal, as the server last saw them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadFile {
    /// The number of entries ever appended (the next position).
    pub next: u64,
    /// The last entry's seal, in hex.
    pub seal: String,
}

impl HeadFile {
    /// The head file of the store in `data_dir`.
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("audit-head.json")
    }

    /// Reads the head file; None if there is none yet.
    pub fn read(path: &Path) -> Result<Option<HeadFile>, String> {
        match std::fs::read(path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map(Some).map_err(|e| format!("{}: unreadable: {e}", path.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Replaces the head file (write beside it, sync, rename).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let tmp = path.with_extension("json.tmp");
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(&serde_json::to_vec(self).unwrap_or_default())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    }
}

/// The chain verified: how many entries, and the head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Entries checked (a checkpoint counts as one).
    pub checked: u64,
    /// The position of the first entry kept.
    pub first: u64,
    /// The number of entries ever appended.
    pub next: u64,
    /// The last seal, in hex.
    pub seal: String,
}

/// Where the chain is broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// The first position that does not verify.
    pub seq: u64,
    /// What is wrong there.
    pub reason: String,
}

impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "audit chain broken at entry {}: {}", self.seq, self.reason)
    }
}

/// Recomputes the whole chain in `store` with `sealer`, then compares its
/// end with the store's head and with `head_file` (the head kept outside
/// the store), if there is one.
pub async fn verify(store: &dyn Store, sealer: &ChainSealer, head_file: Option<&HeadFile>) -> Result<Verified, Broken> {
    let broken = |seq: u64, reason: String| Broken { seq, reason };
    let head = store.log_head().await.map_err(|e| broken(0, format!("the store's log head: {e}")))?;
    let mut expected = head.first;
    let mut previous: Vec<u8> = Vec::new();
    // The seal at the head file's last position, when that entry is seen.
    let file_last = head_file.and_then(|file| file.next.checked_sub(1));
    let mut seal_at_file_last: Option<Vec<u8>> = None;
    let mut checked = 0u64;
    // Up to the head read above: entries a live server appends meanwhile
    // are the next verification's.
    'pages: loop {
        let page = store.log_entries(expected, PAGE).await.map_err(|e| broken(expected, e.to_string()))?;
        let Some(last) = page.last().map(|entry| entry.seq) else { break };
        for entry in &page {
            if entry.seq >= head.next {
                break 'pages;
            }
            if entry.seq != expected {
                return Err(broken(expected, "missing (removed from the store)".into()));
            }
            let body = Entry::from_body(&entry.body).map_err(|e| broken(entry.seq, format!("unreadable: {e}")))?;
            let first = entry.seq == head.first;
            let seal = match (&body, first) {
                (Entry::Checkpoint(checkpoint), true) => {
                    let own =
                        sealer.mac(entry.seq, CHECKPOINT_PREVIOUS, &entry.body).map_err(|e| broken(entry.seq, e.0))?;
                    if own.as_slice() != entry.seal.as_ref() {
                        return Err(broken(entry.seq, "the checkpoint's seal does not match".into()));
                    }
                    hex::decode(&checkpoint.chain_seal)
                        .map_err(|_| broken(entry.seq, "the checkpoint's chain seal is not hex".into()))?
                }
                (Entry::Checkpoint(_), false) => {
                    return Err(broken(entry.seq, "a checkpoint in the middle of the chain".into()));
                }
                (Entry::Operation(_), true) if entry.seq > 0 => {
                    return Err(broken(entry.seq - 1, "missing: the entries before it were removed".into()));
                }
                (Entry::Operation(_), _) => {
                    let seal = sealer.mac(entry.seq, &previous, &entry.body).map_err(|e| broken(entry.seq, e.0))?;
                    if seal.as_slice() != entry.seal.as_ref() {
                        return Err(broken(entry.seq, "altered: its seal does not match".into()));
                    }
                    seal
                }
            };
            if Some(entry.seq) == file_last {
                seal_at_file_last = Some(seal.clone());
            }
            previous = seal;
            expected += 1;
            checked += 1;
        }
        if last == u64::MAX {
            break;
        }
    }
    if expected != head.next {
        return Err(broken(expected, format!("missing: the store's head records {} entries", head.next)));
    }
    if previous.as_slice() != head.last_seal.as_ref() {
        return Err(broken(expected.saturating_sub(1), "the store's head seal does not match the chain".into()));
    }
    if let Some(file) = head_file {
        if file.next > expected {
            return Err(broken(
                expected,
                format!("missing tail: the head file records {} entries, the store has {expected}", file.next),
            ));
        }
        let matches = match &seal_at_file_last {
            Some(seal) => hex::encode(seal) == file.seal,
            // Pruned since the head file was written, or an empty chain.
            None => file.next <= head.first,
        };
        if !matches {
            let at = file.next.saturating_sub(1);
            return Err(broken(at, "differs from the head file's seal".into()));
        }
    }
    Ok(Verified { checked, first: head.first, next: head.next, seal: hex::encode(previous) })
}

/// Every entry, in order, read page by page (for export).
pub async fn read_entries(store: &dyn Store) -> Result<Vec<(u64, Entry)>, StoreError> {
    let head = store.log_head().await?;
    let mut out = Vec::new();
    let mut from = head.first;
    loop {
        let page = store.log_entries(from, PAGE).await?;
        let Some(last) = page.last().map(|entry| entry.seq) else { break };
        for entry in page {
            let body = Entry::from_body(&entry.body)
                .map_err(|reason| StoreError::Corrupt { id: format!("audit entry {}", entry.seq), reason })?;
            out.push((entry.seq, body));
        }
        from = last + 1;
    }
    Ok(out)
}

/// Writes the operation entries that pass `keep` as JSON lines (with their
/// position as `seq`); how many.
pub async fn export(
    store: &dyn Store,
    out: &mut (dyn Write + Send),
    keep: &(dyn Fn(&super::OperationRecord) -> bool + Sync),
) -> Result<u64, String> {
    let mut count = 0;
    for (seq, entry) in read_entries(store).await.map_err(|e| e.to_string())? {
        let Entry::Operation(record) = entry else { continue };
        if !keep(&record) {
            continue;
        }
        let mut line = serde_json::to_value(&record).map_err(|e| e.to_string())?;
        if let Some(map) = line.as_object_mut() {
            map.insert("seq".into(), seq.into());
        }
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
        count += 1;
    }
    Ok(count)
}

/// What a prune did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrunedThrough {
    /// The position of the checkpoint (the last entry pruned).
    pub seq: u64,
    /// Entries replaced (the checkpoint's own position included).
    pub pruned: u64,
}

/// Replaces every entry before the first one at or after `before` with a
/// checkpoint; None when no entry is that old. The checkpoint is sealed,
/// and carries the seal the next entry chains to, so the rest verifies.
pub async fn prune(
    store: &dyn Store,
    sealer: &ChainSealer,
    before: i64,
    now: i64,
) -> Result<Option<PrunedThrough>, String> {
    let head = store.log_head().await.map_err(|e| e.to_string())?;
    let mut through: Option<LogEntry> = None;
    let mut from = head.first;
    'pages: loop {
        let page = store.log_entries(from, PAGE).await.map_err(|e| e.to_string())?;
        let Some(last) = page.last().map(|entry| entry.seq) else { break };
        for entry in page {
            let body = Entry::from_body(&entry.body).map_err(|e| format!("entry {}: {e}", entry.seq))?;
            if matches!(body, Entry::Operation(_)) && body.time() >= before {
                break 'pages;
            }
            through = Some(entry);
        }
        from = last + 1;
    }
    let Some(through) = through else { return Ok(None) };
    // Pruning again behind an earlier checkpoint keeps its chain seal; an
    // earlier checkpoint alone is left as it is.
    let chain_seal = match Entry::from_body(&through.body) {
        Ok(Entry::Checkpoint(_)) if through.seq == head.first => return Ok(None),
        Ok(Entry::Checkpoint(checkpoint)) => checkpoint.chain_seal,
        _ => hex::encode(&through.seal),
    };
    let pruned = through.seq - head.first + 1;
    let body = Entry::Checkpoint(Checkpoint { time: now, pruned, before, chain_seal }).to_body();
    let seal = Bytes::from(sealer.mac(through.seq, CHECKPOINT_PREVIOUS, &body).map_err(|e| e.0)?);
    let seq = through.seq;
    store.log_replace_prefix(LogEntry { seq, body, seal }).await.map_err(|e| e.to_string())?;
    Ok(Some(PrunedThrough { seq, pruned }))
}

#[cfg(test)]
mod tests {
    use async_trait::async_trait;

    use super::*;
    use crate::audit::{AuditLog, OperationRecord};
    use crate::crypto::SoftwareEngine;
    use crate::store::{IndexKey, LogHead, MemoryStore, WriteBatch};

    fn sealer(key: u8) -> Arc<ChainSealer> {
        Arc::new(ChainSealer::new(AuditKey::new([key; 32]), Arc::new(SoftwareEngine::new())))
    }

    fn record(time: i64, operation: &str, object: &str) -> Bytes {
        Entry::Operation(OperationRecord {
            time,
            kind: "cert".into(),
            identity: "alice".into(),
            source: Some("127.0.0.1:4000".into()),
            channel: "kmip".into(),
            operation: operation.into(),
            objects: vec![object.into()],
            result: "Success".into(),
            details: None,
        })
        .to_body()
    }

    /// A store holding `n` entries at times 100, 101, ... sealed with key 1.
    async fn chain(n: u64) -> (Arc<MemoryStore>, Arc<ChainSealer>) {
        let store = Arc::new(MemoryStore::new());
        let sealer = sealer(1);
        store.set_log_sealer(sealer.clone());
        let log = AuditLog::new(store.clone());
        for i in 0..n {
            log.record([record(100 + i as i64, "Get", &format!("id-{i}"))]);
            if i % 7 == 6 {
                log.flush().await.expect("flush");
            }
        }
        log.flush().await.expect("flush");
        (store, sealer)
    }

    async fn head_file(store: &dyn Store) -> HeadFile {
        let head = store.log_head().await.expect("head");
        HeadFile { next: head.next, seal: hex::encode(&head.last_seal) }
    }

    /// The entries and head of `store` as an attacker with the disk changed
    /// them.
    struct Tampered {
        entries: Vec<LogEntry>,
        head: LogHead,
    }

    impl Tampered {
        async fn of(store: &dyn Store, change: impl FnOnce(&mut Vec<LogEntry>, &mut LogHead)) -> Tampered {
            let mut entries = store.log_entries(0, usize::MAX).await.expect("entries");
            let mut head = store.log_head().await.expect("head");
            change(&mut entries, &mut head);
            Tampered { entries, head }
        }
    }

    #[async_trait]
    impl Store for Tampered {
        async fn get(&self, _: &str) -> Result<Option<crate::store::StoredObject>, StoreError> {
            Ok(None)
        }
        async fn commit(&self, _: WriteBatch) -> Result<(), StoreError> {
            Err(StoreError::Backend("read only".into()))
        }
        async fn find(&self, _: &IndexKey) -> Result<Vec<String>, StoreError> {
            Ok(Vec::new())
        }
        async fn all_ids(&self) -> Result<Vec<String>, StoreError> {
            Ok(Vec::new())
        }
        async fn count(&self) -> Result<u64, StoreError> {
            Ok(0)
        }
        fn set_log_sealer(&self, _: Arc<dyn LogSealer>) {}
        async fn log_head(&self) -> Result<LogHead, StoreError> {
            Ok(self.head.clone())
        }
        async fn log_entries(&self, from: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError> {
            Ok(self.entries.iter().filter(|e| e.seq >= from).take(limit).cloned().collect())
        }
        async fn log_replace_prefix(&self, _: LogEntry) -> Result<(), StoreError> {
            Err(StoreError::Backend("read only".into()))
        }
        async fn snapshot(&self) -> Result<crate::store::Snapshot, StoreError> {
            Err(StoreError::Backend("not kept".into()))
        }
        async fn load_snapshot(&self, _: crate::store::Snapshot) -> Result<(), StoreError> {
            Err(StoreError::Backend("read only".into()))
        }
        async fn meta(&self, _: &str) -> Result<Vec<(String, Bytes)>, StoreError> {
            Ok(Vec::new())
        }
    }

    #[tokio::test]
    async fn an_intact_chain_verifies_against_its_head_file() {
        let (store, sealer) = chain(30).await;
        let file = head_file(store.as_ref()).await;
        let verified = verify(store.as_ref(), &sealer, Some(&file)).await.expect("intact");
        assert_eq!((verified.checked, verified.first, verified.next), (30, 0, 30));
        assert_eq!(verified.seal, file.seal);
        // An older head file (written before the last entries) still matches.
        let entries = store.log_entries(0, 100).await.expect("entries");
        let older = HeadFile { next: 12, seal: hex::encode(&entries[11].seal) };
        verify(store.as_ref(), &sealer, Some(&older)).await.expect("older head file");
    }

    #[tokio::test]
    async fn the_wrong_key_breaks_the_first_entry() {
        let (store, _) = chain(3).await;
        let broken = verify(store.as_ref(), &sealer(2), None).await.expect_err("wrong key");
        assert_eq!(broken.seq, 0);
    }

    #[tokio::test]
    async fn an_edited_entry_is_found() {
        let (store, sealer) = chain(20).await;
        let tampered = Tampered::of(store.as_ref(), |entries, _| {
            let body = String::from_utf8(entries[9].body.to_vec()).expect("utf-8").replace("alice", "mallory");
            entries[9].body = Bytes::from(body);
        })
        .await;
        let broken = verify(&tampered, &sealer, None).await.expect_err("edited");
        assert_eq!(broken.seq, 9);
        assert!(broken.reason.contains("altered"), "{broken}");
    }

    #[tokio::test]
    async fn a_deleted_entry_is_found() {
        let (store, sealer) = chain(20).await;
        let tampered = Tampered::of(store.as_ref(), |entries, _| {
            entries.remove(5);
        })
        .await;
        let broken = verify(&tampered, &sealer, None).await.expect_err("deleted");
        assert_eq!(broken.seq, 5);
        assert!(broken.reason.contains("missing"), "{broken}");
        // The first entry deleted, and the head moved past it.
        let tampered = Tampered::of(store.as_ref(), |entries, head| {
            entries.remove(0);
            head.first = 1;
        })
        .await;
        assert_eq!(verify(&tampered, &sealer, None).await.expect_err("deleted first").seq, 0);
    }

    #[tokio::test]
    async fn swapped_entries_are_found() {
        let (store, sealer) = chain(20).await;
        let tampered = Tampered::of(store.as_ref(), |entries, _| {
            let (a, b) = (entries[4].clone(), entries[11].clone());
            entries[4] = LogEntry { seq: 4, ..b };
            entries[11] = LogEntry { seq: 11, ..a };
        })
        .await;
        assert_eq!(verify(&tampered, &sealer, None).await.expect_err("swapped").seq, 4);
    }

    #[tokio::test]
    async fn a_rewritten_history_without_the_key_is_found() {
        let (store, sealer) = chain(20).await;
        let forger = self::sealer(9);
        let tampered = Tampered::of(store.as_ref(), |entries, head| {
            entries[7].body = record(107, "Destroy", "id-7");
            let mut previous = entries[6].seal.to_vec();
            for entry in &mut entries[7..] {
                entry.seal = Bytes::from(forger.mac(entry.seq, &previous, &entry.body).expect("mac"));
                previous = entry.seal.to_vec();
            }
            head.last_seal = Bytes::from(previous);
        })
        .await;
        assert_eq!(verify(&tampered, &sealer, None).await.expect_err("forged").seq, 7);
    }

    #[tokio::test]
    async fn a_truncated_tail_is_found_by_the_head_file() {
        let (store, sealer) = chain(30).await;
        let file = head_file(store.as_ref()).await;
        // The store's own head left alone: the store itself tells.
        let cut = Tampered::of(store.as_ref(), |entries, _| entries.truncate(20)).await;
        let broken = verify(&cut, &sealer, None).await.expect_err("truncated");
        assert_eq!(broken.seq, 20);
        // The head rewritten to match the cut: only the head file tells.
        let cut = Tampered::of(store.as_ref(), |entries, head| {
            entries.truncate(20);
            head.next = 20;
            head.last_seal = entries[19].seal.clone();
        })
        .await;
        verify(&cut, &sealer, None).await.expect("consistent without the head file");
        let broken = verify(&cut, &sealer, Some(&file)).await.expect_err("truncated tail");
        assert_eq!(broken.seq, 20);
        assert!(broken.reason.contains("missing tail"), "{broken}");
    }

    #[tokio::test]
    async fn pruning_leaves_a_chain_that_verifies() {
        let (store, sealer) = chain(30).await;
        let file = head_file(store.as_ref()).await;
        let pruned = prune(store.as_ref(), &sealer, 110, 500).await.expect("prune").expect("something pruned");
        assert_eq!((pruned.seq, pruned.pruned), (9, 10));
        let verified = verify(store.as_ref(), &sealer, Some(&file)).await.expect("verifies after pruning");
        assert_eq!((verified.checked, verified.first, verified.next), (21, 9, 30));
        // Entries appended after the prune chain on.
        let log = AuditLog::new(store.clone());
        log.record([record(200, "Get", "id-new")]);
        log.flush().await.expect("flush");
        let file = head_file(store.as_ref()).await;
        verify(store.as_ref(), &sealer, Some(&file)).await.expect("verifies after appending");
        // Pruning again behind the checkpoint.
        let again = prune(store.as_ref(), &sealer, 120, 600).await.expect("prune").expect("pruned");
        assert_eq!((again.seq, again.pruned), (19, 11));
        assert_eq!(verify(store.as_ref(), &sealer, Some(&file)).await.expect("verifies").checked, 12);
        assert_eq!(prune(store.as_ref(), &sealer, 0, 700).await.expect("prune"), None);
        // The exported lines start after the checkpoint.
        let mut out = Vec::new();
        let count = export(store.as_ref(), &mut out, &|_| true).await.expect("export");
        assert_eq!(count, 11);
        let first: serde_json::Value =
            serde_json::from_slice(out.split(|b| *b == b'\n').next().expect("a line")).expect("json");
        assert_eq!(first["seq"], 20);
        assert_eq!(first["objects"][0], "id-20");
        // A forged checkpoint does not verify.
        let forged = Tampered::of(store.as_ref(), |entries, _| {
            let body =
                String::from_utf8(entries[0].body.to_vec()).expect("utf-8").replace("\"pruned\":11", "\"pruned\":3");
            entries[0].body = Bytes::from(body);
        })
        .await;
        assert_eq!(verify(&forged, &sealer, None).await.expect_err("forged checkpoint").seq, 19);
    }
}
