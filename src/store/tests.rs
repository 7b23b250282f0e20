//! The `Store` trait suite: every case runs against every implementation
//! (STYLE.md §7). Backend-specific tests live next to their backend.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;

use super::{
    IndexKey, LogEntry, LogSealer, MemoryStore, SealError, SledStore, Snapshot, Store, StoreError, StoredObject,
    WriteBatch,
};

/// Expands to one test per case and backend: `memory::case` and
/// `sled::case`, each calling `case(store)` on a fresh store.
macro_rules! suite {
    ($($case:ident),* $(,)?) => {
        mod memory {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let fixture = super::Fixture::memory();
                    super::$case(fixture.store()).await;
                }
            )*
        }
        mod sled {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let fixture = super::Fixture::sled();
                    super::$case(fixture.store()).await;
                }
            )*
        }
    };
}

suite!(
    create_then_get,
    create_of_taken_id_conflicts,
    replace_with_right_revision,
    revision_follows_commits,
    replace_with_wrong_revision_conflicts,
    delete_with_right_revision,
    delete_with_wrong_revision_conflicts,
    batch_with_one_bad_revision_applies_nothing,
    batch_ops_see_the_ops_before_them,
    find_after_create_replace_delete,
    replace_removes_stale_index_entries,
    find_matches_whole_values_and_fields,
    all_ids_in_ascending_order,
    count_follows_creates_and_deletes,
    empty_batch_is_a_no_op,
    big_bodies,
    many_records,
    concurrent_commits_all_succeed,
    concurrent_replaces_of_one_record_one_wins,
    log_append_needs_a_sealer,
    log_entries_are_sealed_in_order,
    log_entries_of_a_failed_batch_are_not_appended,
    concurrent_log_appends_form_one_chain,
    log_prefix_replaced_by_a_checkpoint,
    snapshot_loads_into_an_empty_store,
    snapshot_between_concurrent_commits_is_consistent,
    meta_records_live_apart_from_objects,
    meta_changes_share_the_batch_fate,
);

/// A fresh store of one backend, and what it needs to stay alive.
pub(super) struct Fixture {
    store: Arc<dyn Store>,
    _dir: Option<TempDir>,
}

impl Fixture {
    fn memory() -> Fixture {
        Fixture { store: Arc::new(MemoryStore::new()), _dir: None }
    }

    fn sled() -> Fixture {
        let dir = TempDir::new("suite");
        let store = SledStore::open(&dir.path().join("store")).expect("open sled store");
        Fixture { store: Arc::new(store), _dir: Some(dir) }
    }

    fn store(&self) -> Arc<dyn Store> {
        Arc::clone(&self.store)
    }
}

/// A directory under the system temp dir, removed on drop.
pub(super) struct TempDir(PathBuf);

impl TempDir {
    pub(super) fn new(label: &str) -> TempDir {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
        let name = format!("kms-store-{label}-{}-{}-{nanos}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let path = std::env::temp_dir().join(name);
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    pub(super) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const NAME: u32 = 0x420053;
const GROUP: u32 = 0x420056;

pub(super) fn key(field: u32, value: &str) -> IndexKey {
    IndexKey { field, value: value.as_bytes().to_vec() }
}

pub(super) fn object(id: &str, revision: u64, body: &str, index: &[IndexKey]) -> StoredObject {
    StoredObject { id: id.to_owned(), revision, body: Bytes::copy_from_slice(body.as_bytes()), index: index.to_vec() }
}

async fn create(store: &dyn Store, object: StoredObject) {
    let mut batch = WriteBatch::new();
    batch.put(object, None);
    store.commit(batch).await.expect("create");
}

fn assert_conflict(result: Result<(), StoreError>, id: &str) {
    match result {
        Err(StoreError::Conflict { id: conflicting }) => assert_eq!(conflicting, id),
        other => panic!("expected a conflict on {id}, got {other:?}"),
    }
}

async fn create_then_get(store: Arc<dyn Store>) {
    assert_eq!(store.get("a").await.expect("get"), None);
    let a = object("a", 1, "alpha", &[key(NAME, "alpha")]);
    create(store.as_ref(), a.clone()).await;
    assert_eq!(store.get("a").await.expect("get"), Some(a));
    assert_eq!(store.get("b").await.expect("get"), None);
}

async fn create_of_taken_id_conflicts(store: Arc<dyn Store>) {
    let first = object("a", 1, "first", &[key(NAME, "first")]);
    create(store.as_ref(), first.clone()).await;
    let mut batch = WriteBatch::new();
    batch.put(object("a", 1, "second", &[key(NAME, "second")]), None);
    assert_conflict(store.commit(batch).await, "a");
    assert_eq!(store.get("a").await.expect("get"), Some(first));
    assert!(store.find(&key(NAME, "second")).await.expect("find").is_empty());
}

async fn replace_with_right_revision(store: Arc<dyn Store>) {
    create(store.as_ref(), object("a", 1, "v1", &[])).await;
    let v2 = object("a", 2, "v2", &[key(NAME, "two")]);
    let mut batch = WriteBatch::new();
    batch.put(v2.clone(), Some(1));
    store.commit(batch).await.expect("replace at revision 1");
    assert_eq!(store.get("a").await.expect("get"), Some(v2));
    let v3 = object("a", 3, "v3", &[]);
    let mut batch = WriteBatch::new();
    batch.put(v3.clone(), Some(2));
    store.commit(batch).await.expect("replace at revision 2");
    assert_eq!(store.get("a").await.expect("get"), Some(v3));
}

async fn revision_follows_commits(store: Arc<dyn Store>) {
    assert_eq!(store.revision("a").await.expect("revision"), None);
    create(store.as_ref(), object("a", 1, "v1", &[])).await;
    assert_eq!(store.revision("a").await.expect("revision"), Some(1));
    let mut batch = WriteBatch::new();
    batch.put(object("a", 2, "v2", &[key(NAME, "two")]), Some(1));
    store.commit(batch).await.expect("replace at revision 1");
    assert_eq!(store.revision("a").await.expect("revision"), Some(2));
    let mut batch = WriteBatch::new();
    batch.delete("a", 2);
    store.commit(batch).await.expect("delete at revision 2");
    assert_eq!(store.revision("a").await.expect("revision"), None);
}

async fn replace_with_wrong_revision_conflicts(store: Arc<dyn Store>) {
    let v1 = object("a", 1, "v1", &[]);
    create(store.as_ref(), v1.clone()).await;
    for wrong in [0, 2, 7] {
        let mut batch = WriteBatch::new();
        batch.put(object("a", wrong + 1, "lost", &[]), Some(wrong));
        assert_conflict(store.commit(batch).await, "a");
    }
    // Replacing a record that does not exist.
    let mut batch = WriteBatch::new();
    batch.put(object("missing", 2, "ghost", &[]), Some(1));
    assert_conflict(store.commit(batch).await, "missing");
    assert_eq!(store.get("a").await.expect("get"), Some(v1));
    assert_eq!(store.get("missing").await.expect("get"), None);
}

async fn delete_with_right_revision(store: Arc<dyn Store>) {
    create(store.as_ref(), object("a", 1, "v1", &[key(NAME, "a")])).await;
    create(store.as_ref(), object("b", 1, "v1", &[key(NAME, "a")])).await;
    let mut batch = WriteBatch::new();
    batch.delete("a", 1);
    store.commit(batch).await.expect("delete");
    assert_eq!(store.get("a").await.expect("get"), None);
    assert_eq!(store.find(&key(NAME, "a")).await.expect("find"), ["b"]);
    assert_eq!(store.count().await.expect("count"), 1);
    // The id can be used again.
    create(store.as_ref(), object("a", 1, "again", &[])).await;
    assert_eq!(store.get("a").await.expect("get").map(|o| o.body), Some(Bytes::from_static(b"again")));
}

async fn delete_with_wrong_revision_conflicts(store: Arc<dyn Store>) {
    let v1 = object("a", 1, "v1", &[key(NAME, "a")]);
    create(store.as_ref(), v1.clone()).await;
    let mut batch = WriteBatch::new();
    batch.delete("a", 2);
    assert_conflict(store.commit(batch).await, "a");
    let mut batch = WriteBatch::new();
    batch.delete("missing", 1);
    assert_conflict(store.commit(batch).await, "missing");
    assert_eq!(store.get("a").await.expect("get"), Some(v1));
    assert_eq!(store.find(&key(NAME, "a")).await.expect("find"), ["a"]);
}

async fn batch_with_one_bad_revision_applies_nothing(store: Arc<dyn Store>) {
    let a = object("a", 1, "a1", &[key(NAME, "a")]);
    let b = object("b", 1, "b1", &[key(NAME, "b")]);
    create(store.as_ref(), a.clone()).await;
    create(store.as_ref(), b.clone()).await;
    // Good create, good replace, good delete, then one stale revision.
    let mut batch = WriteBatch::new();
    batch
        .put(object("c", 1, "c1", &[key(NAME, "c"), key(GROUP, "g")]), None)
        .put(object("a", 2, "a2", &[key(NAME, "a2"), key(GROUP, "g")]), Some(1))
        .delete("b", 1)
        .put(object("d", 4, "d4", &[key(GROUP, "g")]), Some(3));
    assert_conflict(store.commit(batch).await, "d");
    assert_eq!(store.get("a").await.expect("get"), Some(a));
    assert_eq!(store.get("b").await.expect("get"), Some(b));
    assert_eq!(store.get("c").await.expect("get"), None);
    assert_eq!(store.get("d").await.expect("get"), None);
    assert_eq!(store.find(&key(NAME, "a")).await.expect("find"), ["a"]);
    assert_eq!(store.find(&key(NAME, "b")).await.expect("find"), ["b"]);
    assert!(store.find(&key(NAME, "a2")).await.expect("find").is_empty());
    assert!(store.find(&key(NAME, "c")).await.expect("find").is_empty());
    assert!(store.find(&key(GROUP, "g")).await.expect("find").is_empty());
    assert_eq!(store.all_ids().await.expect("all_ids"), ["a", "b"]);
    assert_eq!(store.count().await.expect("count"), 2);
    // The bad op first: same outcome.
    let mut batch = WriteBatch::new();
    batch.delete("a", 9).put(object("c", 1, "c1", &[key(NAME, "c")]), None);
    assert_conflict(store.commit(batch).await, "a");
    assert_eq!(store.get("c").await.expect("get"), None);
}

async fn batch_ops_see_the_ops_before_them(store: Arc<dyn Store>) {
    // Create then replace in one batch.
    let mut batch = WriteBatch::new();
    batch.put(object("a", 1, "a1", &[key(NAME, "one")]), None).put(object("a", 2, "a2", &[key(NAME, "two")]), Some(1));
    store.commit(batch).await.expect("create and replace");
    assert_eq!(store.get("a").await.expect("get").map(|o| o.revision), Some(2));
    assert!(store.find(&key(NAME, "one")).await.expect("find").is_empty());
    assert_eq!(store.find(&key(NAME, "two")).await.expect("find"), ["a"]);
    // Create then delete: nothing remains.
    let mut batch = WriteBatch::new();
    batch.put(object("b", 1, "b1", &[key(NAME, "b")]), None).delete("b", 1);
    store.commit(batch).await.expect("create and delete");
    assert_eq!(store.get("b").await.expect("get"), None);
    assert!(store.find(&key(NAME, "b")).await.expect("find").is_empty());
    // Delete then create again.
    let mut batch = WriteBatch::new();
    batch.delete("a", 2).put(object("a", 1, "fresh", &[key(NAME, "fresh")]), None);
    store.commit(batch).await.expect("delete and create");
    assert_eq!(store.get("a").await.expect("get").map(|o| o.revision), Some(1));
    assert!(store.find(&key(NAME, "two")).await.expect("find").is_empty());
    assert_eq!(store.find(&key(NAME, "fresh")).await.expect("find"), ["a"]);
    // Two creates of one id in one batch: the second conflicts, neither
    // is applied.
    let mut batch = WriteBatch::new();
    batch.put(object("c", 1, "c1", &[]), None).put(object("c", 1, "c1", &[]), None);
    assert_conflict(store.commit(batch).await, "c");
    assert_eq!(store.get("c").await.expect("get"), None);
}

async fn find_after_create_replace_delete(store: Arc<dyn Store>) {
    let shared = key(GROUP, "keys");
    create(store.as_ref(), object("k1", 1, "", &[key(NAME, "one"), shared.clone()])).await;
    create(store.as_ref(), object("k2", 1, "", &[key(NAME, "two"), shared.clone()])).await;
    assert_eq!(store.find(&key(NAME, "one")).await.expect("find"), ["k1"]);
    assert_eq!(store.find(&shared).await.expect("find"), ["k1", "k2"]);
    // Replace k1: renamed, still in the group.
    let mut batch = WriteBatch::new();
    batch.put(object("k1", 2, "", &[key(NAME, "uno"), shared.clone()]), Some(1));
    store.commit(batch).await.expect("replace");
    assert!(store.find(&key(NAME, "one")).await.expect("find").is_empty());
    assert_eq!(store.find(&key(NAME, "uno")).await.expect("find"), ["k1"]);
    assert_eq!(store.find(&shared).await.expect("find"), ["k1", "k2"]);
    // Delete k2.
    let mut batch = WriteBatch::new();
    batch.delete("k2", 1);
    store.commit(batch).await.expect("delete");
    assert!(store.find(&key(NAME, "two")).await.expect("find").is_empty());
    assert_eq!(store.find(&shared).await.expect("find"), ["k1"]);
}

async fn replace_removes_stale_index_entries(store: Arc<dyn Store>) {
    let keys: Vec<IndexKey> = (0..5).map(|i| key(NAME, &format!("n{i}"))).collect();
    create(store.as_ref(), object("a", 1, "", &keys)).await;
    // Keep n0 and n4, drop the rest, add n9.
    let mut batch = WriteBatch::new();
    batch.put(object("a", 2, "", &[keys[0].clone(), keys[4].clone(), key(NAME, "n9")]), Some(1));
    store.commit(batch).await.expect("replace");
    for (i, k) in keys.iter().enumerate() {
        let found = store.find(k).await.expect("find");
        if i == 0 || i == 4 {
            assert_eq!(found, ["a"], "{k:?}");
        } else {
            assert!(found.is_empty(), "stale entry for {k:?}");
        }
    }
    // Replace with no index at all.
    let mut batch = WriteBatch::new();
    batch.put(object("a", 3, "", &[]), Some(2));
    store.commit(batch).await.expect("replace");
    for k in keys.iter().chain([&key(NAME, "n9")]) {
        assert!(store.find(k).await.expect("find").is_empty(), "stale entry for {k:?}");
    }
    assert_eq!(store.get("a").await.expect("get").map(|o| o.index), Some(vec![]));
}

async fn find_matches_whole_values_and_fields(store: Arc<dyn Store>) {
    create(store.as_ref(), object("1", 1, "", &[key(NAME, "ab")])).await;
    create(store.as_ref(), object("2", 1, "", &[key(NAME, "abc")])).await;
    create(store.as_ref(), object("3", 1, "", &[key(GROUP, "ab")])).await;
    create(store.as_ref(), object("4", 1, "", &[key(NAME, "")])).await;
    let binary = IndexKey { field: 0x8000_0001, value: vec![0x00, 0xff, 0x00] };
    create(store.as_ref(), object("5", 1, "", std::slice::from_ref(&binary))).await;
    assert_eq!(store.find(&key(NAME, "ab")).await.expect("find"), ["1"]);
    assert_eq!(store.find(&key(NAME, "abc")).await.expect("find"), ["2"]);
    assert_eq!(store.find(&key(GROUP, "ab")).await.expect("find"), ["3"]);
    assert_eq!(store.find(&key(NAME, "")).await.expect("find"), ["4"]);
    assert!(store.find(&key(NAME, "a")).await.expect("find").is_empty());
    assert_eq!(store.find(&binary).await.expect("find"), ["5"]);
    assert!(store.find(&IndexKey { field: 0x8000_0001, value: vec![0x00] }).await.expect("find").is_empty());
}

async fn all_ids_in_ascending_order(store: Arc<dyn Store>) {
    assert!(store.all_ids().await.expect("all_ids").is_empty());
    let ids = ["m", "a", "z", "B", "aa", "0", "é", "b-10", "b-9"];
    let mut batch = WriteBatch::new();
    for id in ids {
        batch.put(object(id, 1, id, &[key(GROUP, "all")]), None);
    }
    store.commit(batch).await.expect("create");
    let mut sorted: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    sorted.sort();
    assert_eq!(store.all_ids().await.expect("all_ids"), sorted);
    assert_eq!(store.find(&key(GROUP, "all")).await.expect("find"), sorted);
}

async fn count_follows_creates_and_deletes(store: Arc<dyn Store>) {
    assert_eq!(store.count().await.expect("count"), 0);
    for i in 0..10 {
        create(store.as_ref(), object(&format!("id-{i}"), 1, "", &[])).await;
    }
    assert_eq!(store.count().await.expect("count"), 10);
    let mut batch = WriteBatch::new();
    batch.delete("id-3", 1).delete("id-7", 1).put(object("id-1", 2, "", &[]), Some(1));
    store.commit(batch).await.expect("commit");
    assert_eq!(store.count().await.expect("count"), 8);
}

async fn empty_batch_is_a_no_op(store: Arc<dyn Store>) {
    store.commit(WriteBatch::new()).await.expect("empty batch on an empty store");
    create(store.as_ref(), object("a", 1, "", &[])).await;
    store.commit(WriteBatch::new()).await.expect("empty batch");
    assert_eq!(store.count().await.expect("count"), 1);
}

async fn big_bodies(store: Arc<dyn Store>) {
    let big = |seed: u8| -> Bytes {
        (0..1 << 20).map(|i: u32| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect::<Vec<u8>>().into()
    };
    let mut batch = WriteBatch::new();
    for i in 0..3u8 {
        batch.put(
            StoredObject { id: format!("big-{i}"), revision: 1, body: big(i), index: vec![key(NAME, "big")] },
            None,
        );
    }
    store.commit(batch).await.expect("create big records");
    for i in 0..3u8 {
        let got = store.get(&format!("big-{i}")).await.expect("get").expect("present");
        assert_eq!(got.body.len(), 1 << 20);
        assert!(got.body == big(i), "body {i} differs");
    }
    // Replace one with a small body and one with another big one.
    let mut batch = WriteBatch::new();
    batch
        .put(object("big-0", 2, "small", &[]), Some(1))
        .put(StoredObject { id: "big-1".into(), revision: 2, body: big(9), index: vec![] }, Some(1));
    store.commit(batch).await.expect("replace big records");
    assert_eq!(store.get("big-0").await.expect("get").map(|o| o.body), Some(Bytes::from_static(b"small")));
    assert!(store.get("big-1").await.expect("get").map(|o| o.body) == Some(big(9)));
    assert_eq!(store.find(&key(NAME, "big")).await.expect("find"), ["big-2"]);
}

async fn many_records(store: Arc<dyn Store>) {
    const N: usize = 3000;
    let id = |i: usize| format!("obj-{i:05}");
    for chunk in (0..N).collect::<Vec<_>>().chunks(250) {
        let mut batch = WriteBatch::new();
        for &i in chunk {
            let parity = if i % 2 == 0 { "even" } else { "odd" };
            batch.put(object(&id(i), 1, &format!("body {i}"), &[key(NAME, &id(i)), key(GROUP, parity)]), None);
        }
        store.commit(batch).await.expect("create");
    }
    assert_eq!(store.count().await.expect("count"), N as u64);
    let all = store.all_ids().await.expect("all_ids");
    assert_eq!(all, (0..N).map(id).collect::<Vec<_>>());
    let even = store.find(&key(GROUP, "even")).await.expect("find");
    assert_eq!(even, (0..N).step_by(2).map(id).collect::<Vec<_>>());
    for i in (0..N).step_by(97) {
        let got = store.get(&id(i)).await.expect("get").expect("present");
        assert_eq!(got.body, Bytes::from(format!("body {i}")));
        assert_eq!(store.find(&key(NAME, &id(i))).await.expect("find"), [id(i)]);
    }
}

async fn concurrent_commits_all_succeed(store: Arc<dyn Store>) {
    const TASKS: usize = 64;
    const EACH: usize = 5;
    let mut tasks = Vec::new();
    for t in 0..TASKS {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            for i in 0..EACH {
                let id = format!("t{t:02}-{i}");
                let mut batch = WriteBatch::new();
                batch.put(object(&id, 1, &id, &[key(GROUP, "shared"), key(NAME, &id)]), None);
                store.commit(batch).await.expect("concurrent create");
                let mut batch = WriteBatch::new();
                batch.put(object(&id, 2, &id, &[key(GROUP, "shared"), key(NAME, &id)]), Some(1));
                store.commit(batch).await.expect("concurrent replace");
            }
        }));
    }
    for task in tasks {
        task.await.expect("task");
    }
    let expected: Vec<String> = (0..TASKS).flat_map(|t| (0..EACH).map(move |i| format!("t{t:02}-{i}"))).collect();
    assert_eq!(store.all_ids().await.expect("all_ids"), expected);
    assert_eq!(store.find(&key(GROUP, "shared")).await.expect("find"), expected);
    for id in &expected {
        let got = store.get(id).await.expect("get").expect("present");
        assert_eq!(got.revision, 2);
        assert_eq!(store.find(&key(NAME, id)).await.expect("find"), [id.as_str()]);
    }
}

async fn concurrent_replaces_of_one_record_one_wins(store: Arc<dyn Store>) {
    create(store.as_ref(), object("hot", 1, "v1", &[key(NAME, "v1")])).await;
    let mut tasks = Vec::new();
    for t in 0..16 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            let mut batch = WriteBatch::new();
            let name = format!("by-{t}");
            batch.put(object("hot", 2, &name, &[key(NAME, &name)]), Some(1));
            store.commit(batch).await
        }));
    }
    let mut winners = 0;
    for task in tasks {
        match task.await.expect("task") {
            Ok(()) => winners += 1,
            Err(StoreError::Conflict { id }) => assert_eq!(id, "hot"),
            Err(e) => panic!("unexpected error {e}"),
        }
    }
    assert_eq!(winners, 1);
    let hot = store.get("hot").await.expect("get").expect("present");
    assert_eq!(hot.revision, 2);
    let name = String::from_utf8(hot.body.to_vec()).expect("utf-8");
    assert_eq!(store.find(&key(NAME, &name)).await.expect("find"), ["hot"]);
    assert!(store.find(&key(NAME, "v1")).await.expect("find").is_empty());
}

/// A sealer for the tests: a 64-bit FNV-1a over the position, the previous
/// seal and the body, so that any change to one of them changes the seal.
pub(super) struct TestSealer;

impl LogSealer for TestSealer {
    fn seal(&self, seq: u64, previous: &[u8], body: &[u8]) -> Result<Vec<u8>, SealError> {
        if body == b"unsealable" {
            return Err(SealError("refused".into()));
        }
        Ok(fnv(&[&seq.to_be_bytes(), &(previous.len() as u64).to_be_bytes(), previous, body]).to_vec())
    }
}

fn fnv(parts: &[&[u8]]) -> [u8; 8] {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|part| part.iter()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash.to_be_bytes()
}

/// Checks that `entries` are positions `first..` and each is sealed over
/// the one before (`previous` for the first).
fn assert_chain(entries: &[LogEntry], first: u64, previous: &[u8]) {
    let mut previous = previous.to_vec();
    for (i, entry) in entries.iter().enumerate() {
        assert_eq!(entry.seq, first + i as u64, "positions are contiguous");
        let expected = TestSealer.seal(entry.seq, &previous, &entry.body).expect("seal");
        assert_eq!(entry.seal.as_ref(), expected.as_slice(), "entry {} chains to the one before", entry.seq);
        previous = expected;
    }
}

fn logged(bodies: &[&str]) -> WriteBatch {
    let mut batch = WriteBatch::new();
    for body in bodies {
        batch.append_log(Bytes::copy_from_slice(body.as_bytes()));
    }
    batch
}

async fn log_append_needs_a_sealer(store: Arc<dyn Store>) {
    let mut batch = logged(&["first"]);
    batch.put(object("a", 1, "a", &[]), None);
    assert!(matches!(store.commit(batch).await, Err(StoreError::Backend(_))));
    assert!(store.get("a").await.expect("get").is_none(), "nothing of the batch is applied");
    assert_eq!(store.log_head().await.expect("head").next, 0);
}

async fn log_entries_are_sealed_in_order(store: Arc<dyn Store>) {
    store.set_log_sealer(Arc::new(TestSealer));
    let mut batch = logged(&["one", "two"]);
    batch.put(object("a", 1, "a", &[]), None);
    store.commit(batch).await.expect("commit");
    store.commit(logged(&["three"])).await.expect("log only");
    let entries = store.log_entries(0, 100).await.expect("entries");
    let bodies: Vec<&[u8]> = entries.iter().map(|e| e.body.as_ref()).collect();
    assert_eq!(bodies, [&b"one"[..], b"two", b"three"]);
    assert_chain(&entries, 0, b"");
    let head = store.log_head().await.expect("head");
    assert_eq!((head.first, head.next), (0, 3));
    assert_eq!(head.last_seal, entries[2].seal);
    assert_eq!(store.log_entries(1, 1).await.expect("entries"), entries[1..2]);
    assert!(store.get("a").await.expect("get").is_some());
}

async fn log_entries_of_a_failed_batch_are_not_appended(store: Arc<dyn Store>) {
    store.set_log_sealer(Arc::new(TestSealer));
    create(store.as_ref(), object("a", 1, "a", &[])).await;
    let mut batch = logged(&["lost"]);
    batch.put(object("a", 2, "a", &[]), Some(7));
    assert_conflict(store.commit(batch).await, "a");
    let mut batch = logged(&["unsealable"]);
    batch.put(object("b", 1, "b", &[]), None);
    assert!(matches!(store.commit(batch).await, Err(StoreError::Backend(_))));
    assert!(store.get("b").await.expect("get").is_none(), "a batch whose entry cannot be sealed applies nothing");
    store.commit(logged(&["kept"])).await.expect("commit");
    let entries = store.log_entries(0, 100).await.expect("entries");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].body.as_ref(), b"kept");
    assert_chain(&entries, 0, b"");
}

async fn concurrent_log_appends_form_one_chain(store: Arc<dyn Store>) {
    store.set_log_sealer(Arc::new(TestSealer));
    const TASKS: usize = 32;
    const EACH: usize = 8;
    let mut tasks = Vec::new();
    for t in 0..TASKS {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            for i in 0..EACH {
                let body = format!("t{t}-{i}");
                let mut batch = logged(&[&body]);
                if i % 2 == 0 {
                    batch.put(object(&body, 1, &body, &[]), None);
                }
                store.commit(batch).await.expect("commit");
            }
        }));
    }
    for task in tasks {
        task.await.expect("task");
    }
    let entries = store.log_entries(0, usize::MAX).await.expect("entries");
    assert_eq!(entries.len(), TASKS * EACH);
    assert_chain(&entries, 0, b"");
    let mut bodies: Vec<String> = entries.iter().map(|e| String::from_utf8(e.body.to_vec()).expect("utf-8")).collect();
    bodies.sort();
    let mut expected: Vec<String> = (0..TASKS).flat_map(|t| (0..EACH).map(move |i| format!("t{t}-{i}"))).collect();
    expected.sort();
    assert_eq!(bodies, expected, "every entry once");
}

async fn log_prefix_replaced_by_a_checkpoint(store: Arc<dyn Store>) {
    store.set_log_sealer(Arc::new(TestSealer));
    store.commit(logged(&["0", "1", "2", "3", "4"])).await.expect("commit");
    let entries = store.log_entries(0, 100).await.expect("entries");
    let checkpoint = LogEntry { seq: 2, body: Bytes::from_static(b"checkpoint"), seal: Bytes::from_static(b"cp") };
    store.log_replace_prefix(checkpoint.clone()).await.expect("prune");
    let after = store.log_entries(0, 100).await.expect("entries");
    assert_eq!(after, [checkpoint, entries[3].clone(), entries[4].clone()]);
    let head = store.log_head().await.expect("head");
    assert_eq!((head.first, head.next), (2, 5));
    assert_eq!(head.last_seal, entries[4].seal, "the chain goes on from the last entry appended");
    store.commit(logged(&["5"])).await.expect("commit");
    let tail = store.log_entries(5, 100).await.expect("entries");
    assert_chain(&tail, 5, &entries[4].seal);
    let missing = LogEntry { seq: 99, body: Bytes::new(), seal: Bytes::new() };
    assert!(store.log_replace_prefix(missing).await.is_err());
}

async fn snapshot_loads_into_an_empty_store(store: Arc<dyn Store>) {
    store.set_log_sealer(Arc::new(TestSealer));
    for i in 0..50 {
        let id = format!("k{i:02}");
        let mut batch = logged(&[&format!("created {id}")]);
        batch.put(object(&id, 1, &id, &[key(NAME, &id), key(GROUP, "g")]), None);
        store.commit(batch).await.expect("commit");
    }
    let mut batch = WriteBatch::new();
    batch.put(object("k00", 2, "changed", &[key(NAME, "changed")]), Some(1)).delete("k01", 1);
    batch.put_meta("grants", "g1", Bytes::from_static(b"grant one"));
    batch.put_meta("identities", "alice", Bytes::from_static(b"alice"));
    store.commit(batch).await.expect("commit");
    let snapshot = store.snapshot().await.expect("snapshot");
    assert_eq!(snapshot.meta.len(), 2);
    assert_eq!(snapshot.records.len(), 49);
    assert_eq!(snapshot.log.len(), 50);
    let bytes = snapshot.to_bytes().expect("encode");
    let decoded = Snapshot::from_bytes(&bytes).expect("decode");
    assert_eq!(decoded, snapshot);
    assert!(Snapshot::from_bytes(&bytes[..bytes.len() - 1]).is_err(), "truncated");
    assert!(store.load_snapshot(decoded.clone()).await.is_err(), "only into an empty store");

    for fresh in [Fixture::memory(), Fixture::sled()] {
        let target = fresh.store();
        target.load_snapshot(decoded.clone()).await.expect("load");
        assert_eq!(target.snapshot().await.expect("snapshot"), snapshot);
        assert_eq!(target.find(&key(NAME, "changed")).await.expect("find"), ["k00"]);
        assert_eq!(target.find(&key(GROUP, "g")).await.expect("find").len(), 48);
        assert_eq!(target.get("k00").await.expect("get").map(|o| o.revision), Some(2));
        assert_eq!(target.meta("grants").await.expect("meta"), [("g1".to_owned(), Bytes::from_static(b"grant one"))]);
        // The log goes on where it stood.
        target.set_log_sealer(Arc::new(TestSealer));
        target.commit(logged(&["after"])).await.expect("commit");
        let entries = target.log_entries(0, 100).await.expect("entries");
        assert_chain(&entries, 0, b"");
        assert_eq!(entries.len(), 51);
    }
}

async fn snapshot_between_concurrent_commits_is_consistent(store: Arc<dyn Store>) {
    store.set_log_sealer(Arc::new(TestSealer));
    let mut tasks = Vec::new();
    for t in 0..8 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            for i in 0..40 {
                let id = format!("t{t}-{i:02}");
                let mut batch = logged(&[&id]);
                batch.put(object(&id, 1, &id, &[]), None);
                store.commit(batch).await.expect("commit");
            }
        }));
    }
    let mut snapshots = Vec::new();
    for _ in 0..10 {
        snapshots.push(store.snapshot().await.expect("snapshot"));
        tokio::task::yield_now().await;
    }
    for task in tasks {
        task.await.expect("task");
    }
    for snapshot in snapshots {
        // Each commit wrote one record and one entry together.
        assert_eq!(snapshot.records.len(), snapshot.log.len());
        assert_eq!(snapshot.head.next, snapshot.log.len() as u64);
        assert_chain(&snapshot.log, 0, b"");
        let mut ids: Vec<&str> = snapshot.records.iter().map(|r| r.id.as_str()).collect();
        let mut logged: Vec<&str> = snapshot.log.iter().map(|e| std::str::from_utf8(&e.body).expect("utf-8")).collect();
        ids.sort_unstable();
        logged.sort_unstable();
        assert_eq!(ids, logged);
    }
}

async fn meta_records_live_apart_from_objects(store: Arc<dyn Store>) {
    create(store.as_ref(), object("a", 1, "A", &[key(NAME, "n")])).await;
    let mut batch = WriteBatch::new();
    batch.put_meta("grants", "g2", Bytes::from_static(b"two"));
    batch.put_meta("grants", "g1", Bytes::from_static(b"one"));
    batch.put_meta("grantsx", "g0", Bytes::from_static(b"other namespace"));
    batch.put_meta("identities", "alice", Bytes::from_static(b"x"));
    store.commit(batch).await.expect("meta commit");
    let grants = store.meta("grants").await.expect("meta");
    assert_eq!(
        grants,
        vec![("g1".to_owned(), Bytes::from_static(b"one")), ("g2".to_owned(), Bytes::from_static(b"two"))]
    );
    // The object calls never see them.
    assert_eq!(store.all_ids().await.expect("ids"), vec!["a".to_owned()]);
    assert_eq!(store.count().await.expect("count"), 1);
    assert_eq!(store.get("g1").await.expect("get"), None);
    assert_eq!(store.find(&key(NAME, "n")).await.expect("find"), vec!["a".to_owned()]);
    // Replace and delete.
    let mut batch = WriteBatch::new();
    batch.put_meta("grants", "g1", Bytes::from_static(b"uno"));
    batch.delete_meta("grants", "g2");
    batch.delete_meta("grants", "never-there");
    store.commit(batch).await.expect("meta commit");
    assert_eq!(store.meta("grants").await.expect("meta"), vec![("g1".to_owned(), Bytes::from_static(b"uno"))]);
    assert!(store.meta("nothing").await.expect("meta").is_empty());
    assert!(store.meta("bad\0ns").await.is_err());
}

async fn meta_changes_share_the_batch_fate(store: Arc<dyn Store>) {
    create(store.as_ref(), object("a", 1, "A", &[])).await;
    // A batch whose revision check fails writes none of its meta changes.
    let mut batch = WriteBatch::new();
    batch.put(object("a", 2, "A2", &[]), Some(7));
    batch.put_meta("grants", "g", Bytes::from_static(b"g"));
    assert_conflict(store.commit(batch).await, "a");
    assert!(store.meta("grants").await.expect("meta").is_empty());
    // A meta-only batch is not empty.
    let mut batch = WriteBatch::new();
    batch.put_meta("grants", "g", Bytes::from_static(b"g"));
    assert!(!batch.is_empty());
    store.commit(batch).await.expect("meta only");
    assert_eq!(store.meta("grants").await.expect("meta").len(), 1);
}
