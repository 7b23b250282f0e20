//! Unit tests of the secrets service over an in-memory store, audited.

use zeroize::Zeroizing;

use super::*;
use crate::audit::{self, Entry};
use crate::ops::test_kms::TestKms;
use crate::store::Store;

fn admin() -> Actor {
    Actor::operator("uid:0", "test")
}

fn machine(name: &str) -> Actor {
    Actor {
        key: format!("machine:{name}"),
        kind: "machine",
        organisation: None,
        admin: false,
        source: Some("127.0.0.1:1".into()),
        channel: "http",
    }
}

fn scope(project: &str, env: &str, path: &str) -> SecretScope {
    SecretScope { project: ProjectRef::Slug(project.into()), environment: env.into(), path: path.into() }
}

fn input(value: &str) -> SecretInput {
    SecretInput { value: Zeroizing::new(value.into()), ..SecretInput::default() }
}

const READ: ReadOptions = ReadOptions { view_value: true, expand: false, include_imports: false };

fn list_query(project: &str, env: &str, path: &str, read: ReadOptions) -> ListQuery {
    ListQuery { scope: scope(project, env, path), recursive: false, tags: vec![], metadata: vec![], read }
}

#[tokio::test]
async fn secrets_have_versions_and_references_and_are_sealed() {
    let (test, store, log, sealer) = TestKms::audited();
    let secrets = test.kms.secrets();
    let project = secrets.create_project(&admin(), "app", None, None, &[]).await.expect("project");
    assert_eq!(project.environments.len(), 3);
    secrets.create_folder(&admin(), &scope("app", "prod", "/"), "database", None).await.expect("folder");
    secrets.create(&admin(), &scope("app", "prod", "/database"), "DB_HOST", input("db.internal")).await.expect("host");
    secrets.create(&admin(), &scope("app", "dev", "/"), "USER", input("alice")).await.expect("user");
    let url = "postgres://${USER}@${prod.database.DB_HOST}/x ${MISSING}";
    secrets.create(&admin(), &scope("app", "dev", "/"), "URL", input(url)).await.expect("url");
    let expanded = ReadOptions { expand: true, ..READ };
    let got = secrets.get(&admin(), &scope("app", "dev", ""), "URL", None, expanded).await.expect("get");
    assert_eq!(&*got.secretValue.0, "postgres://alice@db.internal/x ${MISSING}");
    let raw = secrets.get(&admin(), &scope("app", "dev", "/"), "URL", None, READ).await.expect("get");
    assert_eq!(&*raw.secretValue.0, url);

    // Versions: every change keeps the old value; a restore is a new version.
    let patch = SecretPatch { value: Some(Zeroizing::new("bob".into())), ..SecretPatch::default() };
    let updated = secrets.update(&admin(), &scope("app", "dev", "/"), "USER", patch).await.expect("update");
    assert_eq!((updated.version, updated.secretValue.0.as_str()), (2, "bob"));
    let versions = secrets.versions(&admin(), &updated.id).await.expect("versions");
    let values: Vec<(u64, &str)> = versions.iter().map(|v| (v.version, v.secretValue.0.as_str())).collect();
    assert_eq!(values, [(1, "alice"), (2, "bob")]);
    let restored = secrets.restore(&admin(), &updated.id, 1).await.expect("restore");
    assert_eq!((restored.version, restored.secretValue.0.as_str()), (3, "alice"));
    let old = secrets.get(&admin(), &scope("app", "dev", "/"), "USER", Some(2), READ).await.expect("v2");
    assert_eq!(&*old.secretValue.0, "bob");

    // Nothing of a value is in the store in clear.
    let snapshot = store.snapshot().await.expect("snapshot");
    let dump = format!("{snapshot:?}");
    for value in ["db.internal", "alice", "postgres://"] {
        assert!(!dump.contains(value), "{value} is in the store in clear");
        assert!(!dump.contains(&hex::encode(value)), "{value} is in the store in hex");
    }

    // A second service over the same store reads the same (the records
    // are complete).
    log.flush().await.expect("flush");
    let records: Vec<String> = audit::read_entries(store.as_ref())
        .await
        .expect("entries")
        .into_iter()
        .filter_map(|(_, e)| match e {
            Entry::Operation(r) => Some(r.operation),
            _ => None,
        })
        .collect();
    assert!(records.contains(&"create-secret".to_owned()), "{records:?}");
    assert!(records.contains(&"get-secret".to_owned()), "{records:?}");
    assert!(records.contains(&"update-secret".to_owned()), "{records:?}");
    audit::verify(store.as_ref(), &sealer, None).await.expect("the chain verifies");
}

#[tokio::test]
async fn roles_decide_and_outsiders_learn_nothing() {
    let (test, _store, _log, _) = TestKms::audited();
    let secrets = test.kms.secrets();
    secrets.create_project(&admin(), "app", None, None, &[]).await.expect("project");
    secrets.create(&admin(), &scope("app", "dev", "/"), "KEY", input("v")).await.expect("create");
    let app = ProjectRef::Slug("app".into());
    secrets.attach(&admin(), &app, "machine:reader", Role::Viewer).await.expect("attach");
    secrets.attach(&admin(), &app, "machine:writer", Role::Member).await.expect("attach");

    let reader = machine("reader");
    assert!(secrets.get(&reader, &scope("app", "dev", "/"), "KEY", None, READ).await.is_ok());
    let denied = secrets.create(&reader, &scope("app", "dev", "/"), "NEW", input("x")).await;
    assert!(matches!(denied, Err(SecretsError::Denied(_))), "{denied:?}");
    let writer = machine("writer");
    secrets.create(&writer, &scope("app", "dev", "/"), "NEW", input("x")).await.expect("member writes");
    let denied = secrets.attach(&writer, &app, "machine:x", Role::Admin).await;
    assert!(matches!(denied, Err(SecretsError::Denied(_))), "members do not manage");

    let outsider = machine("outsider");
    let existing = secrets.get(&outsider, &scope("app", "dev", "/"), "KEY", None, READ).await;
    let missing = secrets.get(&outsider, &scope("app", "dev", "/"), "NOPE", None, READ).await;
    let (Err(SecretsError::Denied(a)), Err(SecretsError::Denied(b))) = (existing, missing) else {
        panic!("an outsider is denied");
    };
    assert_eq!(a, b);
    let nowhere = secrets.get(&outsider, &scope("nope", "dev", "/"), "KEY", None, READ).await;
    assert!(matches!(nowhere, Err(SecretsError::Denied(_))), "a missing project looks the same");
}

#[tokio::test]
async fn lists_recurse_filter_and_import() {
    let (test, _store, _log, _) = TestKms::audited();
    let secrets = test.kms.secrets();
    secrets.create_project(&admin(), "app", None, None, &[]).await.expect("project");
    let items =
        vec![("A".to_owned(), Zeroizing::new("1".to_owned())), ("B".to_owned(), Zeroizing::new("2".to_owned()))];
    secrets.set_many(&admin(), &scope("app", "dev", "/x/y"), items).await.expect("set creates the folders");
    secrets.create(&admin(), &scope("app", "dev", "/"), "ROOT", input("r")).await.expect("root");
    secrets.create(&admin(), &scope("app", "prod", "/"), "SHARED", input("s")).await.expect("prod");
    let app = ProjectRef::Slug("app".into());
    let tag = secrets.create_tag(&admin(), &app, "db", None, None).await.expect("tag");
    let tag_id = tag["id"].as_str().expect("id").to_owned();
    let patch = SecretPatch { tag_ids: Some(vec![tag_id]), ..SecretPatch::default() };
    secrets.update(&admin(), &scope("app", "dev", "/x/y"), "A", patch).await.expect("tag A");

    let flat = secrets.list(&admin(), &list_query("app", "dev", "/", READ)).await.expect("list");
    assert_eq!(flat.secrets.iter().map(|s| s.secretKey.as_str()).collect::<Vec<_>>(), ["ROOT"]);
    let mut query = list_query("app", "dev", "/", READ);
    query.recursive = true;
    let deep = secrets.list(&admin(), &query).await.expect("list");
    let keys: Vec<(&str, &str)> = deep.secrets.iter().map(|s| (s.secretPath.as_str(), s.secretKey.as_str())).collect();
    assert_eq!(keys, [("/", "ROOT"), ("/x/y", "A"), ("/x/y", "B")]);
    query.tags = vec!["db".into()];
    let tagged = secrets.list(&admin(), &query).await.expect("list");
    assert_eq!(tagged.secrets.iter().map(|s| s.secretKey.as_str()).collect::<Vec<_>>(), ["A"]);

    secrets.create_import(&admin(), &scope("app", "dev", "/"), "prod", "/").await.expect("import");
    let with = ReadOptions { include_imports: true, ..READ };
    let listed = secrets.list(&admin(), &list_query("app", "dev", "/", with)).await.expect("list");
    let imports = listed.imports.expect("imports listed");
    assert_eq!(imports.len(), 1);
    assert_eq!((imports[0].environment.as_str(), imports[0].secretPath.as_str()), ("prod", "/"));
    assert_eq!(imports[0].secrets[0].secretKey, "SHARED");
    assert!(imports[0].secrets[0].createdAt.is_none(), "imported secrets carry no dates");
    let one = secrets.get(&admin(), &scope("app", "dev", "/"), "SHARED", None, with).await.expect("through the import");
    assert_eq!(&*one.secretValue.0, "s");

    let folders = secrets.list_folders(&admin(), &scope("app", "dev", "/x"), false).await.expect("folders");
    assert_eq!(folders.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["y"]);
    assert!(folders[0].relativePath.is_none());
    assert_eq!((folders[0].environment.envSlug.as_str(), folders[0].projectId.is_empty()), ("dev", false));
    // Recursive: every folder below, each with its path from the listed one.
    let all = secrets.list_folders(&admin(), &scope("app", "dev", "/"), true).await.expect("folders");
    let relative: Vec<_> = all.iter().filter_map(|f| f.relativePath.as_deref()).collect();
    assert!(relative.contains(&"/x") && relative.contains(&"/x/y"), "{relative:?}");
    assert_eq!(relative.len(), all.len());
    secrets.delete_folder(&admin(), &scope("app", "dev", "/"), "x").await.expect("delete");
    let deep = secrets.list(&admin(), &ListQuery { tags: vec![], ..query }).await.expect("list");
    assert_eq!(deep.secrets.len(), 1, "the folder's secrets went with it");
}

#[tokio::test]
async fn the_state_reloads_from_the_store() {
    let (test, store, _log, _) = TestKms::audited();
    let secrets = test.kms.secrets();
    secrets.create_project(&admin(), "app", None, None, &[]).await.expect("project");
    secrets.create(&admin(), &scope("app", "dev", "/"), "K", input("v")).await.expect("create");
    // A fresh state over the same store and keys.
    let state = SecretsState::default();
    let again = Secrets::new(&test.kms, &state);
    let got = again.get(&admin(), &scope("app", "dev", "/"), "K", None, READ).await.expect("reloaded");
    assert_eq!(&*got.secretValue.0, "v");
    assert!(!store.meta(state::SECRETS).await.expect("meta").is_empty());
}

#[tokio::test]
#[ignore = "a rough timing, run by hand"]
async fn timing_of_a_list_of_20() {
    let (test, _store, _log, _) = TestKms::audited();
    let secrets = test.kms.secrets();
    secrets.create_project(&admin(), "app", None, None, &[]).await.expect("project");
    let items = (0..20).map(|i| (format!("K{i}"), Zeroizing::new(format!("value-{i}")))).collect();
    secrets.set_many(&admin(), &scope("app", "prod", "/"), items).await.expect("set");
    let query = list_query("app", "prod", "/", READ);
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        let list = secrets.list(&admin(), &query).await.expect("list");
        let body = serde_json::to_vec(&list).expect("json");
        assert!(body.len() > 100);
    }
    let list_time = start.elapsed();
    let start = std::time::Instant::now();
    let sealed = test.kms.key_hierarchy().seal_value(None, "x", 1, b"value-1").expect("seal");
    for _ in 0..20_000 {
        test.kms.key_hierarchy().open_value(None, "x", 1, &sealed).expect("open");
    }
    eprintln!("1000 lists: {list_time:?}; 20000 opens: {:?}", start.elapsed());
}
