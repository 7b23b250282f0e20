//! Universal Auth over an in-memory store and a fixed clock.

use std::net::IpAddr;
use std::sync::Arc;

use super::*;
use crate::clock::FixedClock;
use crate::config::AuthSettings;
use crate::store::{MemoryStore, Store};

const NOW: i64 = 1_800_000_000;

fn setup() -> (Auth, Arc<FixedClock>, Arc<MemoryStore>) {
    let store = Arc::new(MemoryStore::new());
    let clock = Arc::new(FixedClock::new(NOW));
    let kms = Arc::new(Kms::new(store.clone(), clock.clone()));
    (Auth::new(kms, AuthSettings::default()), clock, store)
}

fn admin() -> Actor {
    Actor::admin("uid:0", "test")
}

fn local() -> IpAddr {
    IpAddr::from([127, 0, 0, 1])
}

#[tokio::test]
async fn login_authenticate_renew_revoke() {
    let (auth, clock, _) = setup();
    let (identity, secret) = auth.create_identity("ci", Some("acme".into()), &admin()).await.expect("created");
    let client_id = identity.universal_auth.client_id.clone();
    assert_eq!(secret.secret.len(), 64);
    let issued =
        auth.login(&format!(" {client_id} "), &format!("{}\n", secret.secret.as_str()), local()).await.expect("login");
    assert!(!issued.access_token.starts_with("st."));
    assert_eq!((issued.expires_in, issued.access_token_max_ttl), (7200, 2_592_000));
    let caller = auth.authenticate(&issued.access_token, local()).await.expect("valid");
    assert_eq!(caller.identity.key(), "machine:ci");
    assert_eq!(caller.identity.organisation.as_deref(), Some("acme"));
    assert_eq!(caller.identity_id, identity.id);
    clock.advance(7000);
    let renewed = auth.renew(&issued.access_token, local()).await.expect("renewed");
    assert_eq!(renewed.access_token.as_str(), issued.access_token.as_str());
    clock.advance(7000);
    auth.authenticate(&issued.access_token, local()).await.expect("renewed: still valid past the first TTL");
    auth.revoke(&issued.access_token, local()).await.expect("revoked");
    assert!(matches!(auth.authenticate(&issued.access_token, local()).await, Err(AuthError::Unauthorized(_))));
    assert!(matches!(auth.revoke(&issued.access_token, local()).await, Err(AuthError::Unauthorized(_))));
}

#[tokio::test]
async fn renew_never_passes_the_max_ttl_and_tokens_expire() {
    let (auth, clock, _) = setup();
    let (identity, secret) = auth.create_identity("ci", None, &admin()).await.expect("created");
    let update = UaUpdate { access_token_ttl: Some(100), access_token_max_ttl: Some(150), ..UaUpdate::default() };
    auth.update_config(&identity.id, update, &admin()).await.expect("updated");
    let bad = UaUpdate { access_token_ttl: Some(200), ..UaUpdate::default() };
    assert!(matches!(auth.update_config(&identity.id, bad, &admin()).await, Err(AuthError::Invalid(_))));
    let client_id = &identity.universal_auth.client_id;
    let issued = auth.login(client_id, &secret.secret, local()).await.expect("login");
    clock.advance(60);
    let refused = auth.renew(&issued.access_token, local()).await.expect_err("60 + 100 > 150");
    assert!(refused.to_string().contains("Max TTL"), "{refused}");
    assert!(auth.authenticate(&issued.access_token, local()).await.is_err(), "the refused renew deleted it");
    let second = auth.login(client_id, &secret.secret, local()).await.expect("login again");
    clock.advance(100);
    assert!(matches!(auth.authenticate(&second.access_token, local()).await, Err(AuthError::Unauthorized(_))));
}

#[tokio::test]
async fn uses_limits_secret_ttl_and_trusted_ips() {
    let (auth, clock, _) = setup();
    let (identity, _) = auth.create_identity("ci", None, &admin()).await.expect("created");
    let update = UaUpdate {
        access_token_num_uses_limit: Some(2),
        access_token_trusted_ips: Some(vec!["127.0.0.1/32".parse().expect("range")]),
        ..UaUpdate::default()
    };
    auth.update_config("ci", update, &admin()).await.expect("updated");
    let options = ClientSecretOptions { description: "two".into(), ttl: 50, num_uses_limit: 2 };
    let secret = auth.create_client_secret("ci", options, &admin()).await.expect("secret");
    let client_id = &identity.universal_auth.client_id;
    let token = auth.login(client_id, &secret.secret, local()).await.expect("first login");
    let other = IpAddr::from([127, 0, 0, 2]);
    assert!(matches!(auth.authenticate(&token.access_token, other).await, Err(AuthError::Forbidden(_))));
    auth.authenticate(&token.access_token, local()).await.expect("use 1");
    auth.authenticate(&token.access_token, local()).await.expect("use 2");
    assert!(matches!(auth.authenticate(&token.access_token, local()).await, Err(AuthError::Unauthorized(_))));
    auth.login(client_id, &secret.secret, local()).await.expect("second login");
    let used_up = auth.login(client_id, &secret.secret, local()).await.expect_err("two logins only");
    assert!(used_up.to_string().contains("usage limit"), "{used_up}");
    let listed = auth.client_secrets("ci").await.expect("list");
    assert!(listed.iter().any(|s| s.id == secret.record.id && s.revoked && s.num_uses == 2));
    let timed = ClientSecretOptions { ttl: 50, ..ClientSecretOptions::default() };
    let secret = auth.create_client_secret("ci", timed, &admin()).await.expect("secret");
    clock.advance(50);
    let expired = auth.login(client_id, &secret.secret, local()).await.expect_err("expired");
    assert!(expired.to_string().contains("expired client secret"), "{expired}");
}

#[tokio::test]
async fn lockout_refuses_even_the_right_secret() {
    let (auth, _, _) = setup();
    let (identity, secret) = auth.create_identity("ci", None, &admin()).await.expect("created");
    let client_id = &identity.universal_auth.client_id;
    for _ in 0..3 {
        let e = auth.login(client_id, "wrong", local()).await.expect_err("wrong secret");
        assert_eq!(e.to_string(), "Invalid credentials");
    }
    let locked = auth.login(client_id, &secret.secret, local()).await.expect_err("locked");
    assert!(locked.to_string().contains("temporarily locked"), "{locked}");
}

#[tokio::test]
async fn tokens_and_identities_survive_a_reload_and_expired_tokens_are_purged() {
    let (auth, clock, store) = setup();
    let (identity, secret) = auth.create_identity("ci", None, &admin()).await.expect("created");
    let short = UaUpdate { access_token_ttl: Some(10), access_token_max_ttl: Some(10), ..UaUpdate::default() };
    let token = auth.login(&identity.universal_auth.client_id, &secret.secret, local()).await.expect("login");
    auth.update_config("ci", short, &admin()).await.expect("updated");
    let brief = auth.login(&identity.universal_auth.client_id, &secret.secret, local()).await.expect("login");
    clock.advance(20);
    let kms = Arc::new(Kms::new(store.clone(), clock.clone()));
    let reloaded = Auth::new(kms, AuthSettings::default());
    let caller = reloaded.authenticate(&token.access_token, local()).await.expect("survives");
    assert_eq!(caller.identity_id, identity.id);
    assert!(reloaded.authenticate(&brief.access_token, local()).await.is_err());
    assert_eq!(store.meta(TOKENS).await.expect("tokens").len(), 1, "the expired token was purged");
    assert_eq!(reloaded.identity("ci").await.expect("by name").id, identity.id);
}

#[tokio::test]
async fn expired_tokens_nobody_presents_are_purged_by_later_logins() {
    let (auth, clock, store) = setup();
    let (identity, secret) = auth.create_identity("ci", None, &admin()).await.expect("created");
    let short = UaUpdate { access_token_ttl: Some(10), ..UaUpdate::default() };
    auth.update_config("ci", short, &admin()).await.expect("updated");
    let client_id = &identity.universal_auth.client_id;
    let first = auth.login(client_id, &secret.secret, local()).await.expect("login");
    clock.advance(20);
    for _ in 1..PURGE_EVERY {
        auth.login(client_id, &secret.secret, local()).await.expect("login");
    }
    let stored =
        || async { store.meta(TOKENS).await.expect("tokens").into_iter().map(|(id, _)| id).collect::<Vec<_>>() };
    assert!(stored().await.contains(&first.token_id), "not purged yet");
    auth.login(client_id, &secret.secret, local()).await.expect("login");
    let left = stored().await;
    assert!(!left.contains(&first.token_id), "purged");
    assert_eq!(left.len(), usize::try_from(PURGE_EVERY).expect("small"));
}
