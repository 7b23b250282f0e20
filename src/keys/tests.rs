//! The hierarchy over an in-memory store and real root key files.

use std::sync::Arc;

use super::*;
use crate::crypto::SoftwareEngine;
use crate::store::MemoryStore;

fn crypto() -> Arc<dyn CryptoEngine> {
    Arc::new(SoftwareEngine::new())
}

struct Dir(PathBuf);

impl Dir {
    fn new() -> Dir {
        let path = std::env::temp_dir().join(format!("kms-keys-test-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&path).expect("dir");
        Dir(path)
    }

    /// A new root key file with every byte `byte`, and its provider.
    fn key(&self, name: &str, byte: u8) -> Arc<dyn RootKeyProvider> {
        let path = self.0.join(name);
        RootKey::from_bytes([byte; ROOT_KEY_LEN]).write_new(&path).expect("key file");
        RootKeySource::File(path).load(crypto()).expect("loads")
    }

    fn provider(&self, name: &str) -> Arc<dyn RootKeyProvider> {
        RootKeySource::File(self.0.join(name)).load(crypto()).expect("loads")
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

async fn open(store: &MemoryStore, global: Arc<dyn RootKeyProvider>) -> Result<KeyHierarchy, KeyError> {
    KeyHierarchy::open(store, crypto(), RootKeys::global(global)).await
}

/// Seals a value for each organisation; the sealed values.
fn seal_all(keys: &KeyHierarchy, orgs: &[Option<&str>]) -> Vec<Vec<u8>> {
    orgs.iter().map(|org| keys.seal_value(*org, "obj", 1, b"secret value").expect("seals")).collect()
}

fn open_all(keys: &KeyHierarchy, orgs: &[Option<&str>], sealed: &[Vec<u8>]) {
    for (org, sealed) in orgs.iter().zip(sealed) {
        assert_eq!(keys.open_value(*org, "obj", 1, sealed).expect("opens").as_slice(), b"secret value", "{org:?}");
    }
}

#[tokio::test]
async fn organisation_keys_are_stored_only_wrapped_and_reopen_with_the_same_root_key() {
    let dir = Dir::new();
    let store = MemoryStore::new();
    let keys = open(&store, dir.key("root.key", 1)).await.expect("opens an empty store");
    assert!(matches!(keys.seal_value(None, "obj", 1, b"x"), Err(KeyError::NotLoaded(_))));
    let orgs = [None, Some("acme"), Some("globex")];
    for org in orgs {
        keys.ensure_org_key(&store, org).await.expect("creates");
        keys.ensure_org_key(&store, org).await.expect("idempotent");
    }
    assert_eq!(keys.organisation_keys(), 3);
    let sealed = seal_all(&keys, &orgs);
    // The stored records hold wrapped keys and name the root key.
    let ids = store.find(&org_key_index()).await.expect("find");
    assert_eq!(ids.len(), 3);
    for id in &ids {
        let record = store.get(id).await.expect("get").expect("present");
        let parsed = parse_org_key_record(&record).expect("parses");
        assert_eq!(parsed.root_key_check_value, keys.global_check_value().expect("kcv").to_string());
    }

    let again = open(&store, dir.provider("root.key")).await.expect("reopens");
    assert_eq!(again.organisation_keys(), 3);
    open_all(&again, &orgs, &sealed);
}

#[tokio::test]
async fn the_wrong_root_key_is_refused_with_both_check_values() {
    let dir = Dir::new();
    let store = MemoryStore::new();
    let right = dir.key("right.key", 1);
    let keys = open(&store, right.clone()).await.expect("opens");
    keys.ensure_org_key(&store, Some("acme")).await.expect("creates");
    let wrong = dir.key("wrong.key", 2);
    let err = open(&store, wrong.clone()).await.expect_err("refused");
    let message = err.to_string();
    assert!(matches!(err, KeyError::WrongRootKey { .. }), "{message}");
    assert!(message.contains(&right.check_value().to_string()), "{message}");
    assert!(message.contains(&wrong.check_value().to_string()), "{message}");
    assert!(message.contains("wrong.key") && message.contains("\"acme\""), "{message}");
}

#[tokio::test]
async fn check_values_name_keys_without_showing_them() {
    let dir = Dir::new();
    let one = dir.key("one.key", 1);
    assert_eq!(one.check_value(), dir.provider("one.key").check_value());
    assert_ne!(one.check_value(), dir.key("two.key", 2).check_value());
    assert!(!one.check_value().to_string().contains("0101"));
    assert_eq!(KeyCheckValue::parse(&one.check_value().to_string()), Some(one.check_value()));
}

#[tokio::test]
async fn organisations_with_their_own_root_key_use_it_and_others_fall_back_to_the_global_one() {
    let dir = Dir::new();
    let store = MemoryStore::new();
    let global = dir.key("global.key", 1);
    // Before acme has its own key, its organisation key is under the global one.
    let keys = open(&store, global.clone()).await.expect("opens");
    keys.ensure_org_key(&store, Some("acme")).await.expect("acme");
    let sealed_acme = seal_all(&keys, &[Some("acme")]);

    let beta = dir.key("beta.key", 3);
    let roots = || RootKeys {
        global: dir.provider("global.key"),
        organisations: HashMap::from([("beta".to_owned(), dir.provider("beta.key"))]),
    };
    let keys = KeyHierarchy::open(&store, crypto(), roots()).await.expect("existing data still opens");
    open_all(&keys, &[Some("acme")], &sealed_acme);
    keys.ensure_org_key(&store, Some("beta")).await.expect("beta");
    keys.ensure_org_key(&store, Some("gamma")).await.expect("gamma");
    for (org, expected) in [("beta", &beta), ("gamma", &global), ("acme", &global)] {
        let record = store.get(&org_key_id(org)).await.expect("get").expect("present");
        let recorded = parse_org_key_record(&record).expect("parses").root_key_check_value;
        assert_eq!(recorded, expected.check_value().to_string(), "{org}");
    }

    // Without beta's key, beta's organisation key cannot be opened.
    let err = open(&store, dir.provider("global.key")).await.expect_err("beta's key missing");
    assert!(err.to_string().contains("\"beta\""), "{err}");
}

#[tokio::test]
async fn rotation_rewraps_every_global_organisation_key() {
    let dir = Dir::new();
    let store = MemoryStore::new();
    let old = dir.key("old.key", 1);
    let keys = open(&store, old.clone()).await.expect("opens");
    let orgs = [None, Some("a"), Some("b"), Some("c")];
    for org in orgs {
        keys.ensure_org_key(&store, org).await.expect("creates");
    }
    let sealed = seal_all(&keys, &orgs);
    let new = dir.key("new.key", 2);
    let report = keys.rotate_root(&store, new.clone()).await.expect("rotates");
    assert_eq!(report.rewrapped, 4);
    assert_eq!(keys.global_check_value().expect("kcv"), new.check_value());
    // Keys made after the rotation are under the new key.
    keys.ensure_org_key(&store, Some("d")).await.expect("creates");
    assert!(store.get(ROTATION_ID).await.expect("get").is_none(), "the marker is gone");

    let reopened = open(&store, dir.provider("new.key")).await.expect("opens with the new key");
    open_all(&reopened, &orgs, &sealed);
    assert!(matches!(open(&store, dir.provider("old.key")).await, Err(KeyError::WrongRootKey { .. })));
    // Running it again changes nothing.
    let report = reopened.rotate_root(&store, dir.provider("new.key")).await.expect("again");
    assert_eq!((report.rewrapped, report.already_rotated), (0, 5));
}

#[tokio::test]
async fn an_interrupted_rotation_reads_with_either_key_and_can_be_finished() {
    let dir = Dir::new();
    let store = MemoryStore::new();
    let keys = open(&store, dir.key("old.key", 1)).await.expect("opens");
    let orgs = [None, Some("a"), Some("b"), Some("c"), Some("d")];
    for org in orgs {
        keys.ensure_org_key(&store, org).await.expect("creates");
    }
    let sealed = seal_all(&keys, &orgs);
    let new = dir.key("new.key", 2);
    let err = keys.rotate_root_until(&store, new.clone(), 2).await.expect_err("interrupted");
    assert!(matches!(err, KeyError::Interrupted(2)), "{err}");
    drop(keys);

    // Half the records are under each key: either key opens everything,
    // the other one read from the file the rotation recorded.
    for name in ["old.key", "new.key"] {
        let keys = open(&store, dir.provider(name)).await.expect("opens");
        open_all(&keys, &orgs, &sealed);
    }
    // A third key opens nothing.
    assert!(open(&store, dir.key("other.key", 3)).await.is_err());

    // Finishing it from the old key's side.
    let keys = open(&store, dir.provider("old.key")).await.expect("opens");
    let report = keys.rotate_root(&store, dir.provider("new.key")).await.expect("finishes");
    assert_eq!((report.rewrapped, report.already_rotated), (3, 2));
    let keys = open(&store, dir.provider("new.key")).await.expect("opens");
    open_all(&keys, &orgs, &sealed);
    assert!(open(&store, dir.provider("old.key")).await.is_err(), "the old key is retired");
}

#[tokio::test]
async fn concurrent_creators_of_one_organisation_key_agree() {
    let dir = Dir::new();
    let store = Arc::new(MemoryStore::new());
    let a = Arc::new(open(&store, dir.key("root.key", 1)).await.expect("opens"));
    let b = Arc::new(open(&store, dir.provider("root.key")).await.expect("opens"));
    let (ra, rb) =
        tokio::join!(a.ensure_org_key(store.as_ref(), Some("x")), b.ensure_org_key(store.as_ref(), Some("x")));
    ra.expect("a");
    rb.expect("b");
    let sealed = a.seal_value(Some("x"), "obj", 1, b"secret value").expect("seals");
    assert_eq!(b.open_value(Some("x"), "obj", 1, &sealed).expect("opens").as_slice(), b"secret value");
}

#[test]
fn sealed_values_are_bound_to_their_id_and_revision() {
    let store = MemoryStore::new();
    let keys = KeyHierarchy::ephemeral(crypto()).expect("keys");
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
    runtime.block_on(keys.ensure_org_key(&store, None)).expect("creates");
    let sealed = keys.seal_value(None, "obj", 7, b"secret").expect("seals");
    assert_eq!(keys.open_value(None, "obj", 7, &sealed).expect("opens").as_slice(), b"secret");
    assert!(matches!(keys.open_value(None, "obj", 8, &sealed), Err(KeyError::Unauthentic)));
    assert!(matches!(keys.open_value(None, "other", 7, &sealed), Err(KeyError::Unauthentic)));
    let mut flipped = sealed.clone();
    flipped[20] ^= 1;
    assert!(matches!(keys.open_value(None, "obj", 7, &flipped), Err(KeyError::Unauthentic)));
    assert!(matches!(keys.open_value(None, "obj", 7, &sealed[..10]), Err(KeyError::Unauthentic)));
}

#[tokio::test]
async fn the_check_file_refuses_the_wrong_key_before_the_store_is_read_and_follows_rotations() {
    let dir = Dir::new();
    let store = MemoryStore::new();
    let file = dir.0.join(CHECK_FILE);
    let old = dir.key("old.key", 1);
    precheck(&file, &RootKeys::global(old.clone())).expect("no file yet: a new data dir");
    let keys = KeyHierarchy::open_with_check_file(&store, crypto(), RootKeys::global(old.clone()), &file)
        .await
        .expect("opens");
    keys.ensure_org_key(&store, Some("a")).await.expect("creates");
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.contains(&old.check_value().to_string()), "{text}");

    let other = dir.key("other.key", 9);
    let err = precheck(&file, &RootKeys::global(other.clone())).expect_err("refused");
    assert!(matches!(err, KeyError::WrongRootKeyForDataDir { .. }), "{err}");
    assert!(err.to_string().contains(&other.check_value().to_string()), "{err}");

    let new = dir.key("new.key", 2);
    keys.rotate_root(&store, new.clone()).await.expect("rotates");
    precheck(&file, &RootKeys::global(dir.provider("new.key"))).expect("the new key passes");
    assert!(precheck(&file, &RootKeys::global(dir.provider("old.key"))).is_err(), "the old key is retired");
}

#[tokio::test]
async fn the_check_file_accepts_a_data_dir_whose_keys_are_all_under_an_organisation_root_key() {
    let dir = Dir::new();
    let store = MemoryStore::new();
    let file = dir.0.join(CHECK_FILE);
    let roots = || RootKeys {
        global: dir.provider("global.key"),
        organisations: HashMap::from([("acme".to_owned(), dir.provider("acme.key"))]),
    };
    dir.key("global.key", 1);
    dir.key("acme.key", 2);
    let keys = KeyHierarchy::open_with_check_file(&store, crypto(), roots(), &file).await.expect("opens");
    keys.ensure_org_key(&store, Some("acme")).await.expect("creates");
    drop(keys);
    precheck(&file, &roots()).expect("acme's key is configured");
    KeyHierarchy::open_with_check_file(&store, crypto(), roots(), &file).await.expect("reopens");
    let err = precheck(&file, &RootKeys::global(dir.provider("global.key"))).expect_err("acme's key missing");
    assert!(matches!(err, KeyError::WrongRootKeyForDataDir { .. }), "{err}");
}

#[tokio::test]
async fn service_keys_persist_and_outlive_a_root_key_rotation() {
    let dir = Dir::new();
    let store = MemoryStore::new();
    let keys = open(&store, dir.key("old.key", 1)).await.expect("opens");
    let audit = keys.service_key(&store, "audit").await.expect("made");
    assert_eq!(audit.len(), 32);
    assert_eq!(keys.service_key(&store, "audit").await.expect("again").as_slice(), audit.as_slice());
    let backup = keys.service_key(&store, "backup").await.expect("made");
    assert_ne!(audit.as_slice(), backup.as_slice());
    // An organisation of the same name has its own key and record.
    keys.ensure_org_key(&store, Some("audit")).await.expect("org");
    assert!(store.get("_kms/service-key/audit").await.expect("get").is_some());
    assert!(store.get("_kms/org-key/audit").await.expect("get").is_some());
    let record = store.get("_kms/service-key/audit").await.expect("get").expect("present");
    assert!(!record.body.windows(32).any(|w| w == audit.as_slice()), "stored only wrapped");

    let reopened = open(&store, dir.provider("old.key")).await.expect("reopens");
    assert_eq!(reopened.service_key(&store, "audit").await.expect("read").as_slice(), audit.as_slice());
    let report = reopened.rotate_root(&store, dir.key("new.key", 2)).await.expect("rotates");
    assert_eq!(report.rewrapped, 3, "two service keys and one organisation key");
    let rotated = open(&store, dir.provider("new.key")).await.expect("opens with the new key");
    assert_eq!(rotated.service_key(&store, "audit").await.expect("read").as_slice(), audit.as_slice());
    assert_eq!(rotated.service_key(&store, "backup").await.expect("read").as_slice(), backup.as_slice());
    // The old key no longer opens it; the message names the service key.
    let err = open(&store, dir.provider("old.key")).await.expect_err("retired");
    assert!(err.to_string().contains("service key") || err.to_string().contains("organisation"), "{err}");
}
