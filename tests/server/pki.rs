//! `kms init`, the first start's PKI, and `kms cert issue`.

use std::process::Command;
use std::sync::Arc;

use kmip_ttlv::ProtocolVersion;
use kms::config::RootKey;
use rustls::client::danger::ServerCertVerifier;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

use crate::support::{Identity, TempDir, Versions, client, connect, discover_versions, exchange, mode, start};

fn kms(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kms")).args(args).output().expect("kms runs")
}

fn cert(path: &std::path::Path) -> CertificateDer<'static> {
    CertificateDer::from_pem_file(path).expect("certificate")
}

#[test]
fn init_creates_the_pki_and_root_key_with_private_permissions() {
    let dir = TempDir::new("init");
    let out = kms(&["init", "--data-dir", dir.path().to_str().expect("path")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains(&dir.join("certs/ca.pem").display().to_string()), "says where: {stdout}");
    assert!(stderr.contains("WARNING: this is a DEVELOPMENT setup"), "{stderr}");

    assert_eq!(mode(dir.path()), 0o700);
    assert_eq!(mode(&dir.join("certs")), 0o700);
    for key in ["certs/ca.key", "certs/server.key", "certs/admin.key", "root.key"] {
        assert_eq!(mode(&dir.join(key)), 0o600, "{key}");
    }
    for pem in ["certs/ca.pem", "certs/server.pem", "certs/admin.pem"] {
        assert_eq!(mode(&dir.join(pem)), 0o644, "{pem}");
    }
    let root_key = RootKey::read(&dir.join("root.key")).expect("32 bytes of base64");
    assert_ne!(root_key.expose_secret(), &[0u8; 32]);

    // Nothing is overwritten.
    let again = kms(&["init", "--data-dir", dir.path().to_str().expect("path")]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn the_ca_signs_the_server_and_admin_certificates() {
    let dir = TempDir::new("chain");
    kms::pki::init(dir.path(), true).expect("init");
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert(&dir.join("certs/ca.pem"))).expect("CA");
    let roots = Arc::new(roots);
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let now = UnixTime::now();

    let servers = rustls::client::WebPkiServerVerifier::builder_with_provider(roots.clone(), provider.clone())
        .build()
        .expect("verifier");
    let server = cert(&dir.join("certs/server.pem"));
    for name in ["localhost", "127.0.0.1", "::1"] {
        let name = ServerName::try_from(name).expect("name");
        servers.verify_server_cert(&server, &[], &name, &[], now).expect("server certificate valid for its SANs");
    }
    let other = ServerName::try_from("example.com").expect("name");
    assert!(servers.verify_server_cert(&server, &[], &other, &[], now).is_err());

    let clients =
        rustls::server::WebPkiClientVerifier::builder_with_provider(roots, provider).build().expect("verifier");
    clients.verify_client_cert(&cert(&dir.join("certs/admin.pem")), &[], now).expect("admin certificate valid");
    // The server certificate is not a client certificate (no clientAuth).
    assert!(clients.verify_client_cert(&server, &[], now).is_err());
}

#[test]
fn two_data_dirs_have_two_cas() {
    let (a, b) = (TempDir::new("ca-a"), TempDir::new("ca-b"));
    kms::pki::init(a.path(), false).expect("init a");
    kms::pki::init(b.path(), false).expect("init b");
    assert!(!b.join("root.key").exists(), "no development root key when one is configured");
    assert_ne!(std::fs::read(a.join("certs/ca.pem")).expect("a"), std::fs::read(b.join("certs/ca.pem")).expect("b"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_issued_certificate_authenticates() {
    let dir = TempDir::new("issue");
    let out_dir = TempDir::new("issue-out");
    let server = start(&dir, |_| {}).await;
    let data_dir = dir.path().to_str().expect("path");
    let out = out_dir.path().to_str().expect("path");

    let issued = kms(&["cert", "issue", "--data-dir", data_dir, "--name", "alice", "--out", out]);
    assert!(issued.status.success(), "{}", String::from_utf8_lossy(&issued.stderr));
    assert_eq!(mode(&out_dir.join("alice.key")), 0o600);
    let identity = kms::server::tls::client_identity(&cert(&out_dir.join("alice.pem"))).expect("identity");
    assert_eq!(identity.name, "alice");

    let alice = Identity::from_files(&out_dir.join("alice.pem"), &out_dir.join("alice.key"));
    let mut stream =
        connect(server.kmip_addr(), &client(dir.path(), Some(alice), Versions::Both)).await.expect("connects");
    let response = exchange(&mut stream, &discover_versions(ProtocolVersion::V2_1)).await;
    assert_eq!(response.header.protocol_version, ProtocolVersion::V2_1);

    // Refusals: an existing file, a bad name, a data dir without a CA.
    let again = kms(&["cert", "issue", "--data-dir", data_dir, "--name", "alice", "--out", out]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let bad = kms(&["cert", "issue", "--data-dir", data_dir, "--name", "../x", "--out", out]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid identity name"));
    let empty = TempDir::new("issue-no-ca");
    let no_ca =
        kms(&["cert", "issue", "--data-dir", empty.path().to_str().expect("path"), "--name", "bob", "--out", out]);
    assert_eq!(no_ca.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&no_ca.stderr).contains("kms init"));

    // The default output directory is the data dir's certs/.
    let default_out = kms(&["cert", "issue", "--data-dir", data_dir, "--name", "bob"]);
    assert!(default_out.status.success(), "{}", String::from_utf8_lossy(&default_out.stderr));
    assert!(dir.join("certs/bob.pem").exists() && dir.join("certs/bob.key").exists());
    server.shutdown().await.expect("shutdown");
}
