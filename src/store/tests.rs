//! The `Store` trait suite: every case runs against every implementation
//! (STYLE.md §7). Backend-specific tests live next to their backend.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;

use super::{IndexKey, MemoryStore, SledStore, Store, StoreError, StoredObject, WriteBatch};

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
