//! Universal Auth against a real server (`kms::server::spawn` on
//! 127.0.0.1:0, sled store, the development PKI) through a real TLS client
//! speaking HTTP/1.1: machine identities made on the admin socket, by the
//! CLI and over the admin REST; login, renew, revoke, expiry, number of
//! uses, client-secret limits, trusted IPs (connecting from 127.0.0.2),
//! lockout, rate limits, restarts, and a data dir that never holds a secret
//! or a token.

use std::net::IpAddr;
use std::path::Path;
use std::time::Duration;

use base64::Engine as _;
use hyper::StatusCode;
use kms::server::RunningServer;
use serde_json::{Value, json};

use crate::support::{Identity, JsonReply, JsonRequest, TempDir, send_json, start};

type Reply = JsonReply;

/// One HTTPS/1.1 request from `from` (a loopback address), with a client
/// certificate if `identity`.
async fn send(
    server: &RunningServer,
    from: IpAddr,
    identity: Option<Identity>,
    method: &str,
    path: &str,
    bearer: Option<&str>,
    body: Option<Value>,
) -> Reply {
    let request = JsonRequest { method, path, bearer, body, from: Some(from), identity, ..JsonRequest::default() };
    send_json(server, request).await
}

fn local() -> IpAddr {
    IpAddr::from([127, 0, 0, 1])
}

async fn post(server: &RunningServer, path: &str, body: Value) -> Reply {
    send(server, local(), None, "POST", path, None, Some(body)).await
}

async fn whoami(server: &RunningServer, token: &str) -> Reply {
    send(server, local(), None, "GET", "/api/v1/auth/token/self", Some(token), None).await
}

/// An administrator's request (the data dir's `admin` certificate).
async fn admin(server: &RunningServer, method: &str, path: &str, body: Option<Value>) -> Value {
    let reply = send(server, local(), Some(Identity::admin(server.data_dir())), method, path, None, body).await;
    assert_eq!(reply.status, StatusCode::OK, "{method} {path}: {}", String::from_utf8_lossy(&reply.body));
    reply.json()
}

async fn login(server: &RunningServer, from: IpAddr, client_id: &str, secret: &str) -> Reply {
    let body = json!({"clientId": client_id, "clientSecret": secret, "organizationSlug": "ignored"});
    send(server, from, None, "POST", "/api/v1/auth/universal-auth/login/", None, Some(body)).await
}

async fn admin_server(dir: &TempDir, tweak: impl FnOnce(&mut kms::config::Config)) -> RunningServer {
    start(dir, |config| {
        config.access.admins.insert("admin".into());
        tweak(config);
    })
    .await
}

/// A request on the admin socket (a blocking client: off the runtime).
async fn socket(data_dir: &Path, request: Value) -> Result<Value, String> {
    let data_dir = data_dir.to_path_buf();
    tokio::task::spawn_blocking(move || kms::admin::request(&data_dir, &request).map_err(|e| e.to_string()))
        .await
        .expect("the request task")
}

/// A machine identity made on the admin socket, organisation `acme`.
async fn create_on_socket(data_dir: &Path, name: &str) -> (String, String, String) {
    crate::support::create_machine_identity(data_dir, name, Some("acme")).await
}

#[tokio::test]
async fn an_identity_made_on_the_admin_socket_logs_in_renews_and_revokes() {
    let dir = TempDir::new("auth-flow");
    let server = start(&dir, |_| {}).await;
    let (identity_id, client_id, secret) = create_on_socket(server.data_dir(), "ci").await;
    assert_eq!(secret.len(), 64, "32 random bytes, hex");
    let reply = login(&server, local(), &format!(" {client_id} "), &format!("{secret}\n")).await;
    assert_eq!(reply.status, StatusCode::OK);
    let body = reply.json();
    let keys: Vec<&str> = body.as_object().expect("object").keys().map(String::as_str).collect();
    assert_eq!(keys, ["accessToken", "accessTokenMaxTTL", "expiresIn", "tokenType"]);
    assert_eq!((body["expiresIn"].as_u64(), body["accessTokenMaxTTL"].as_u64()), (Some(7200), Some(2_592_000)));
    assert_eq!(body["tokenType"], "Bearer");
    let token = body["accessToken"].as_str().expect("token").to_owned();
    assert!(!token.starts_with("st.") && token.len() >= 43, "{token}");
    let me = whoami(&server, &token).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!((me.json()["identityId"].as_str(), me.json()["name"].as_str()), (Some(&*identity_id), Some("ci")));
    assert_eq!(me.json()["organisation"], "acme");

    let renewed = post(&server, "/api/v1/auth/token/renew", json!({"accessToken": token})).await;
    assert_eq!(renewed.status, StatusCode::OK);
    assert_eq!(renewed.json()["accessTokenMaxTTL"], 2_592_000);
    let renewed_token = renewed.json()["accessToken"].as_str().expect("token").to_owned();
    assert_eq!(whoami(&server, &renewed_token).await.status, StatusCode::OK);

    let revoked = post(&server, "/api/v1/auth/token/revoke", json!({"accessToken": token})).await;
    assert_eq!(revoked.json(), json!({"message": "Successfully revoked access token"}));
    whoami(&server, &token).await.error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    post(&server, "/api/v1/auth/token/revoke", json!({"accessToken": token}))
        .await
        .error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    let message = post(&server, "/api/v1/auth/token/renew", json!({"accessToken": token}))
        .await
        .error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    assert_eq!(message, "No identity access token found");
    send(&server, local(), None, "GET", "/api/v1/auth/token/self", None, None)
        .await
        .error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    let wrong = login(&server, local(), &client_id, "0".repeat(64).as_str()).await;
    assert_eq!(wrong.error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError"), "Invalid credentials");
    let missing = post(&server, "/api/v1/auth/universal-auth/login", json!({"clientId": client_id})).await;
    missing.error_message(StatusCode::BAD_REQUEST, "BadRequest");

    // One identity model: the machine identity is listed with kind machine.
    let list = socket(server.data_dir(), json!({"command": "identity-list"})).await.expect("identity-list");
    let listed = list["identities"].as_array().expect("identities");
    assert!(
        listed.iter().any(|i| i["kind"] == "machine" && i["name"] == "ci" && i["organisation"] == "acme"),
        "{list}"
    );
    // A name is unique.
    let again = socket(server.data_dir(), json!({"command": "identity-create", "identity": "ci"})).await;
    assert!(again.is_err(), "{again:?}");

    // The audit chain names the events and never a secret or a token.
    let log = {
        let out = dir.join("audit.jsonl");
        socket(server.data_dir(), json!({"command": "audit-export", "out": out})).await.expect("export");
        std::fs::read_to_string(&out).expect("exported")
    };
    let text = log;
    for event in [
        "login-identity-universal-auth",
        "create-identity-universal-auth-client-secret",
        "renew-identity-access-token",
        "revoke-identity-access-token",
    ] {
        assert!(text.contains(event), "{event} audited: {text}");
    }
    assert!(!text.contains(&secret) && !text.contains(&token), "no secret or token in the audit chain");
    let verified = socket(server.data_dir(), json!({"command": "audit-verify"})).await.expect("the chain verifies");
    assert!(verified["checked"].as_u64().is_some_and(|n| n >= 8), "{verified}");
    server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn expired_and_used_up_tokens_get_401_at_once() {
    let dir = TempDir::new("auth-expiry");
    let server = admin_server(&dir, |_| {}).await;
    let created = admin(&server, "POST", "/api/v1/identities", Some(json!({"name": "short", "role": "x"}))).await;
    let id = created["identity"]["id"].as_str().expect("id").to_owned();
    let client_id = created["identityUniversalAuth"]["clientId"].as_str().expect("clientId").to_owned();
    let secret = created["clientSecret"].as_str().expect("secret").to_owned();
    let path = format!("/api/v1/auth/universal-auth/identities/{id}");
    let config = admin(&server, "PATCH", &path, Some(json!({"accessTokenTTL": 2, "accessTokenMaxTTL": 3}))).await;
    assert_eq!(config["identityUniversalAuth"]["accessTokenTTL"], 2);
    let bad = send(
        &server,
        local(),
        Some(Identity::admin(server.data_dir())),
        "PATCH",
        &path,
        None,
        Some(json!({"accessTokenTTL": 10})),
    )
    .await;
    bad.error_message(StatusCode::BAD_REQUEST, "BadRequest");
    let token =
        login(&server, local(), &client_id, &secret).await.json()["accessToken"].as_str().expect("token").to_owned();
    assert_eq!(whoami(&server, &token).await.status, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(3100)).await;
    whoami(&server, &token).await.error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");

    admin(
        &server,
        "PATCH",
        &path,
        Some(json!({"accessTokenTTL": 0, "accessTokenMaxTTL": 0, "accessTokenNumUsesLimit": 2})),
    )
    .await;
    let unbounded = login(&server, local(), &client_id, &secret).await.json();
    assert_eq!(unbounded["expiresIn"], 0, "a non-expiring token");
    assert_eq!(unbounded["accessTokenMaxTTL"], 1_000_000_000, "never 0");
    let token = unbounded["accessToken"].as_str().expect("token").to_owned();
    assert_eq!(whoami(&server, &token).await.status, StatusCode::OK);
    assert_eq!(whoami(&server, &token).await.status, StatusCode::OK);
    whoami(&server, &token).await.error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");

    // Client secrets: a number of uses, a TTL, revocation.
    let secrets = format!("{path}/client-secrets");
    let once = admin(&server, "POST", &secrets, Some(json!({"description": "once", "numUsesLimit": 1}))).await;
    assert_eq!(once["clientSecretData"]["clientSecretNumUsesLimit"], 1);
    let once_secret = once["clientSecret"].as_str().expect("secret");
    assert_eq!(login(&server, local(), &client_id, once_secret).await.status, StatusCode::OK);
    let used = login(&server, local(), &client_id, once_secret)
        .await
        .error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    assert!(used.contains("usage limit"), "{used}");
    let brief = admin(&server, "POST", &secrets, Some(json!({"ttl": 1}))).await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let expired = login(&server, local(), &client_id, brief["clientSecret"].as_str().expect("secret")).await;
    assert!(expired.error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError").contains("expired client secret"));
    let first_id =
        admin(&server, "GET", &secrets, None).await["clientSecretData"][0]["id"].as_str().expect("id").to_owned();
    let revoked = admin(&server, "POST", &format!("{secrets}/{first_id}/revoke"), None).await;
    assert_eq!(revoked["clientSecretData"]["isClientSecretRevoked"], true);
    login(&server, local(), &client_id, &secret).await.error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    let listed = admin(&server, "GET", "/api/v1/identities", None).await;
    assert_eq!(listed["identities"][0]["name"], "short");
    // Not an administrator: no certificate, or one that is not admin.
    send(&server, local(), None, "GET", "/api/v1/identities", None, None)
        .await
        .error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn trusted_ips_lockout_and_rate_limits() {
    let dir = TempDir::new("auth-limits");
    let server = admin_server(&dir, |config| config.auth.address_requests_per_minute = 6).await;
    let other = IpAddr::from([127, 0, 0, 2]);
    let (id, client_id, secret) = create_on_socket(server.data_dir(), "edge").await;
    let path = format!("/api/v1/auth/universal-auth/identities/{id}");
    let body =
        json!({"clientSecretTrustedIps": [{"ipAddress": "127.0.0.2/32"}], "accessTokenTrustedIps": ["127.0.0.2"]});
    admin(&server, "POST", &path, Some(body)).await;
    login(&server, local(), &client_id, &secret).await.error_message(StatusCode::FORBIDDEN, "PermissionDenied");
    let token =
        login(&server, other, &client_id, &secret).await.json()["accessToken"].as_str().expect("token").to_owned();
    whoami(&server, &token).await.error_message(StatusCode::FORBIDDEN, "PermissionDenied");
    let me = send(&server, other, None, "GET", "/api/v1/auth/token/self", Some(&token), None).await;
    assert_eq!(me.status, StatusCode::OK);
    // Three failures lock the client id; the right secret is refused then.
    for _ in 0..3 {
        login(&server, other, &client_id, "wrong").await.error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    }
    let locked =
        login(&server, other, &client_id, &secret).await.error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    assert!(locked.contains("temporarily locked"), "{locked}");
    // 127.0.0.2 made 6 requests this minute: the next gets 429.
    let limited = login(&server, other, &client_id, &secret).await;
    limited.error_message(StatusCode::TOO_MANY_REQUESTS, "RateLimit");
    let retry: u64 = limited.headers["retry-after"].to_str().expect("text").parse().expect("integer seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn tokens_survive_a_restart_and_the_data_dir_holds_no_secret_or_token() {
    let dir = TempDir::new("auth-restart");
    // Made by the CLI with no server running: the store is opened directly.
    start(&dir, |_| {}).await.shutdown().await.expect("shutdown");
    let created = std::process::Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["identity", "create", "--name", "offline", "--data-dir", dir.path().to_str().expect("path")])
        .output()
        .expect("kms identity create");
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let created: Value = serde_json::from_slice(&created.stdout).expect("JSON");
    let (client_id, secret) =
        (created["clientId"].as_str().expect("id"), created["clientSecret"].as_str().expect("secret"));
    let server = start(&dir, |_| {}).await;
    let token =
        login(&server, local(), client_id, secret).await.json()["accessToken"].as_str().expect("token").to_owned();
    // The CLI again, now through the running server's admin socket.
    let data_dir = dir.path().to_str().expect("path").to_owned();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_kms"))
            .args([
                "identity",
                "secret",
                "create",
                "--name",
                "offline",
                "--description",
                "2nd",
                "--data-dir",
                &data_dir,
            ])
            .output()
            .expect("kms identity secret create")
    })
    .await
    .expect("the CLI task");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let more: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let listed = socket(server.data_dir(), json!({"command": "identity-list"})).await.expect("identity-list");
    assert!(
        listed["identities"].as_array().expect("list").iter().any(|i| i["name"] == "offline" && i["kind"] == "machine")
    );
    let second_secret = more["clientSecret"].as_str().expect("secret").to_owned();
    assert_eq!(login(&server, local(), client_id, &second_secret).await.status, StatusCode::OK);
    server.shutdown().await.expect("shutdown");

    let server = start(&dir, |_| {}).await;
    let me = whoami(&server, &token).await;
    assert_eq!((me.status, me.json()["name"].as_str()), (StatusCode::OK, Some("offline")));
    server.shutdown().await.expect("shutdown");

    let forms = |value: &str| {
        vec![
            value.as_bytes().to_vec(),
            hex::decode(value).expect("hex").to_vec(),
            base64::engine::general_purpose::STANDARD.encode(value).into_bytes(),
            base64::engine::general_purpose::STANDARD.encode(hex::decode(value).expect("hex")).into_bytes(),
        ]
    };
    let mut needles = forms(secret);
    needles.extend(forms(&second_secret));
    needles.extend(forms(&token));
    let mut files = vec![dir.path().to_path_buf()];
    let mut searched = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).expect("dir").map(|e| e.expect("entry").path()));
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else { continue };
        searched += bytes.len();
        for needle in &needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_slice()),
                "{} holds a secret or token",
                path.display()
            );
        }
    }
    assert!(searched > 0);
}

#[tokio::test]
async fn only_administrators_manage_identities_and_a_machine_identity_can_be_one() {
    let dir = TempDir::new("auth-admins");
    let server = start(&dir, |config| {
        config.access.admins.insert("machine:boss".into());
    })
    .await;
    let (_, boss_client, boss_secret) = create_on_socket(server.data_dir(), "boss").await;
    let (worker_id, worker_client, worker_secret) = create_on_socket(server.data_dir(), "worker").await;
    let boss = login(&server, local(), &boss_client, &boss_secret).await.json()["accessToken"]
        .as_str()
        .expect("token")
        .to_owned();
    let worker = login(&server, local(), &worker_client, &worker_secret).await.json()["accessToken"]
        .as_str()
        .expect("token")
        .to_owned();
    // The administrator machine identity, by its bearer token.
    let listed = send(&server, local(), None, "GET", "/api/v1/identities/", Some(&boss), None).await;
    assert_eq!(listed.status, StatusCode::OK);
    let body = listed.json();
    let names: Vec<&str> =
        body["identities"].as_array().expect("list").iter().filter_map(|i| i["name"].as_str()).collect();
    assert_eq!(names, ["boss", "worker"]);
    let path = format!("/api/v1/auth/universal-auth/identities/{worker_id}/client-secrets");
    let made = send(&server, local(), None, "POST", &path, Some(&boss), Some(json!({"description": "ci"}))).await;
    assert_eq!(made.status, StatusCode::OK);
    assert_eq!(made.json()["clientSecretData"]["description"], "ci");
    // Not an administrator: a machine identity, a certificate identity, nobody.
    send(&server, local(), None, "GET", "/api/v1/identities", Some(&worker), None)
        .await
        .error_message(StatusCode::FORBIDDEN, "PermissionDenied");
    let alice = crate::support::identity_in(server.data_dir(), "alice", None, None);
    send(&server, local(), Some(alice), "POST", "/api/v1/identities", None, Some(json!({"name": "x"})))
        .await
        .error_message(StatusCode::FORBIDDEN, "PermissionDenied");
    send(&server, local(), None, "GET", &path, None, None)
        .await
        .error_message(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    let missing = send(&server, local(), None, "GET", "/api/v1/identities/nobody", Some(&boss), None).await;
    missing.error_message(StatusCode::NOT_FOUND, "NotFound");
    let malformed = send(&server, local(), None, "GET", "/api/v1/auth/universal-auth/login", None, None).await;
    malformed.error_message(StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed");
    server.shutdown().await.expect("shutdown");
}
