//! Grants and identities over both stores (STYLE.md §7).

use std::sync::Arc;

use super::*;
use crate::crypto::SoftwareEngine;
use crate::store::{MemoryStore, SledStore};

fn stores() -> Vec<(Arc<dyn Store>, Option<std::path::PathBuf>)> {
    let dir = std::env::temp_dir().join(format!("kms-access-{}", uuid::Uuid::new_v4()));
    let sled = SledStore::open(&dir.join("store")).expect("sled");
    vec![(Arc::new(MemoryStore::new()), None), (Arc::new(sled), Some(dir))]
}

fn policy() -> AccessPolicy {
    let mut policy = AccessPolicy::default();
    policy.admins.insert("root".into());
    policy.groups.insert("dbas".into(), ["carol".to_owned()].into_iter().collect());
    policy
}

fn grant(owner: &str, grantee: &str, scope: Scope, ops: &str) -> Grant {
    Grant {
        owner: owner.into(),
        grantee: Grantee::parse(grantee).expect("grantee"),
        scope,
        permissions: Permissions::parse_list(ops).expect("ops"),
    }
}

#[test]
fn permission_names_round_trip_and_cover_the_object_operations() {
    for p in Permission::ALL {
        assert_eq!(Permission::parse(p.name()), Some(*p));
    }
    assert_eq!(
        Permissions::parse_list("get, Encrypt,signature_verify").expect("list").names(),
        ["get", "encrypt", "signature-verify"]
    );
    assert_eq!(Permissions::parse_list("all").expect("all"), Permissions::all());
    assert!(Permissions::parse_list("get,fly").expect_err("unknown").to_string().contains("\"fly\""));
    assert!(Permissions::parse_list(" , ").is_err());
    for op in [Operation::GET, Operation::ENCRYPT, Operation::DESTROY, Operation::LOCATE, Operation::GET_ATTRIBUTES] {
        assert!(Permission::for_operation(op).is_some(), "{op:?}");
    }
    assert_eq!(Permission::for_operation(Operation::CREATE), None);
    assert_eq!(Permission::for_operation(Operation::QUERY), None);
}

#[test]
fn grantees_and_identities_parse() {
    assert_eq!(Grantee::parse("bob").expect("bob"), Grantee::Identity("bob".into()));
    assert_eq!(Grantee::parse("cert:bob").expect("bob"), Grantee::Identity("bob".into()));
    assert_eq!(Grantee::parse("machine:ci").expect("ci"), Grantee::Identity("machine:ci".into()));
    assert_eq!(Grantee::parse("group:dbas").expect("group"), Grantee::Group("dbas".into()));
    assert!(Grantee::parse("machine:").is_err());
    assert_eq!(identity_of_key("machine:ci", None).kind, IdentityKind::Machine);
    assert_eq!(identity_of_key("bob", None).key(), "bob");
    assert!(valid_cert_name("bob") && !valid_cert_name("machine:x") && !valid_cert_name("group:x"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grants_decide_and_survive_a_reload() {
    for (store, dir) in stores() {
        let access = Access::new(Arc::clone(&store), Arc::new(SoftwareEngine::new()), policy());
        let none = std::iter::empty::<&str>;
        {
            let view = access.view().await.expect("view");
            assert!(view.permits("alice", "alice", "k1", none(), Permission::Destroy), "owner");
            assert!(view.permits("root", "alice", "k1", none(), Permission::Destroy), "admin");
            assert!(!view.permits("bob", "alice", "k1", none(), Permission::Get), "no grant");
        }
        access.change(Change::Grant, grant("alice", "bob", Scope::Object("k1".into()), "get")).await.expect("grant");
        access.change(Change::Grant, grant("alice", "bob", Scope::Object("k1".into()), "encrypt")).await.expect("more");
        access.change(Change::Grant, grant("alice", "bob", Scope::Group("g".into()), "sign")).await.expect("group");
        access.change(Change::Grant, grant("alice", "dave", Scope::AllMine, "locate")).await.expect("all");
        access.change(Change::Grant, grant("alice", "group:dbas", Scope::AllMine, "destroy")).await.expect("to group");
        async fn check(access: &Access) {
            let none = std::iter::empty::<&str>;
            {
                let view = access.view().await.expect("view");
                assert!(view.permits("bob", "alice", "k1", none(), Permission::Get));
                assert!(view.permits("bob", "alice", "k1", none(), Permission::Encrypt), "permissions add up");
                assert!(!view.permits("bob", "alice", "k1", none(), Permission::Decrypt));
                assert!(!view.permits("bob", "alice", "k2", none(), Permission::Get), "another object");
                assert!(!view.permits("bob", "eve", "k1", none(), Permission::Get), "another owner's k1");
                assert!(view.permits("bob", "alice", "k2", ["x", "g"].into_iter(), Permission::Sign), "group");
                assert!(!view.permits("bob", "alice", "k2", ["x"].into_iter(), Permission::Sign));
                assert!(view.permits("dave", "alice", "any", none(), Permission::Locate), "all mine");
                assert!(!view.permits("dave", "eve", "any", none(), Permission::Locate), "only alice's");
                assert!(view.permits("carol", "alice", "any", none(), Permission::Destroy), "through dbas");
                assert!(!view.permits("bob", "alice", "any", none(), Permission::Destroy));
            }
        }
        check(&access).await;
        // The grants are in the store, apart from the objects.
        assert_eq!(store.count().await.expect("count"), 0);
        assert_eq!(store.meta(GRANTS).await.expect("grants").len(), 4);
        let reloaded = Access::new(Arc::clone(&store), Arc::new(SoftwareEngine::new()), policy());
        check(&reloaded).await;

        // Revoking takes permissions away; the last one removes the grant.
        reloaded
            .change(Change::Revoke, grant("alice", "bob", Scope::Object("k1".into()), "get"))
            .await
            .expect("revoke");
        {
            let view = reloaded.view().await.expect("view");
            assert!(!view.permits("bob", "alice", "k1", none(), Permission::Get));
            assert!(view.permits("bob", "alice", "k1", none(), Permission::Encrypt));
        }
        let left = reloaded
            .change(Change::Revoke, grant("alice", "bob", Scope::Object("k1".into()), "all"))
            .await
            .expect("revoke all");
        assert!(left.permissions.is_empty());
        assert_eq!(store.meta(GRANTS).await.expect("grants").len(), 3);
        assert!(!reloaded.view().await.expect("view").permits("bob", "alice", "k1", none(), Permission::Encrypt));

        let err = reloaded.change(Change::Grant, grant("alice", "group:nobody", Scope::AllMine, "get")).await;
        assert!(matches!(err, Err(AccessError::Invalid(_))), "{err:?}");
        drop((access, reloaded, store));
        if let Some(dir) = dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identities_seen_granted_and_configured() {
    for (store, dir) in stores() {
        let access = Access::new(Arc::clone(&store), Arc::new(SoftwareEngine::new()), policy());
        let alice = Identity { kind: IdentityKind::Cert, name: "alice".into(), organisation: Some("acme".into()) };
        access.seen(&alice, 100).await.expect("seen");
        access.seen(&alice, 200).await.expect("seen again: no change");
        access.change(Change::Grant, grant("alice", "bob", Scope::AllMine, "get")).await.expect("grant");
        let list = access.identities().await.expect("list");
        let names: Vec<(&str, bool, usize)> =
            list.iter().map(|l| (l.identity.name.as_str(), l.admin, l.grants)).collect();
        assert_eq!(names, [("alice", false, 0), ("bob", false, 1), ("root", true, 0)]);
        assert_eq!(list[0].first_seen, Some(100));
        assert_eq!(list[0].identity.organisation.as_deref(), Some("acme"));
        // Bob connects later: his record gets its first connection.
        let bob = Identity { kind: IdentityKind::Cert, name: "bob".into(), organisation: None };
        access.seen(&bob, 300).await.expect("seen");
        let reloaded = Access::new(Arc::clone(&store), Arc::new(SoftwareEngine::new()), policy());
        let list = reloaded.identities().await.expect("list");
        assert_eq!(list[1].first_seen, Some(300));
        assert_eq!(store.meta(IDENTITIES).await.expect("ids").len(), 2);
        drop((access, reloaded, store));
        if let Some(dir) = dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_are_argon2_hashes_that_survive_a_reload() {
    for (store, dir) in stores() {
        let crypto: Arc<dyn CryptoEngine> = Arc::new(SoftwareEngine::new());
        let access = Access::new(Arc::clone(&store), Arc::clone(&crypto), policy());
        assert!(!access.check_password("alice", b"pw").await.expect("check"), "no password: refused");
        access.set_password("alice", Some(Zeroizing::new("pw".to_owned()))).await.expect("set");
        assert!(access.check_password("alice", b"pw").await.expect("check"));
        assert!(access.check_password("alice", b"pw").await.expect("remembered"));
        assert!(!access.check_password("alice", b"pW").await.expect("check"));
        assert!(!access.check_password("bob", b"pw").await.expect("check"), "not bob's");
        let reloaded = Access::new(Arc::clone(&store), Arc::clone(&crypto), policy());
        assert!(reloaded.check_password("alice", b"pw").await.expect("check"));
        assert!(reloaded.has_password("alice").await.expect("has"));
        // A new password replaces the old, remembered one.
        reloaded.set_password("alice", Some(Zeroizing::new("new".to_owned()))).await.expect("set");
        assert!(!reloaded.check_password("alice", b"pw").await.expect("old"));
        assert!(reloaded.check_password("alice", b"new").await.expect("new"));
        reloaded.set_password("alice", None).await.expect("remove");
        assert!(!reloaded.check_password("alice", b"new").await.expect("removed"));
        assert!(reloaded.set_password("group:dbas", Some(Zeroizing::new("x".to_owned()))).await.is_err());
        assert!(reloaded.set_password("alice", Some(Zeroizing::new(String::new()))).await.is_err());
        drop((access, reloaded, store));
        if let Some(dir) = dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

#[test]
fn tickets_expire_count_down_and_end_on_logout() {
    let access = Access::new(Arc::new(MemoryStore::new()), Arc::new(SoftwareEngine::new()), policy());
    let ticket = access.login("alice", 1000, 60, None).expect("login");
    assert_eq!(access.redeem_ticket(&ticket, 1059).as_deref(), Some("alice"));
    assert_eq!(access.redeem_ticket(&ticket, 1060), None, "expired");
    let counted = access.login("alice", 1000, 60, Some(2)).expect("login");
    assert!(access.redeem_ticket(&counted, 1001).is_some());
    assert!(access.redeem_ticket(&counted, 1002).is_some());
    assert_eq!(access.redeem_ticket(&counted, 1003), None, "used up");
    let long = access.login("bob", 1000, i64::MAX, None).expect("login");
    assert!(access.redeem_ticket(&long, 1000 + MAX_LEASE - 1).is_some());
    assert!(access.redeem_ticket(&long, 1000 + MAX_LEASE).is_none(), "the lease is capped");
    let other = access.login("bob", 1000, 60, None).expect("login");
    assert!(!access.logout(&other, "alice"), "not alice's");
    assert!(access.logout(&other, "bob"));
    assert_eq!(access.redeem_ticket(&other, 1001), None);
    assert_eq!(access.redeem_ticket(&[0u8; 32], 1001), None);
}
