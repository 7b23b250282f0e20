//! Client certificate revocation and TLS reload (docs/access.md): the
//! deny-list (`kms cert revoke`) and a configured CRL are checked at every
//! handshake; SIGHUP reloads the server certificate, the CA bundle and the
//! deny-list without dropping open connections.

use std::path::Path;
use std::time::Duration;

use kmip_ttlv::ProtocolVersion;
use kmip_ttlv::enums::ResultStatus;
use rcgen::{
    CertificateParams, CertificateRevocationListParams, DnType, ExtendedKeyUsagePurpose, Issuer, KeyIdMethod, KeyPair,
    KeyUsagePurpose, RevocationReason, RevokedCertParams, SanType, SerialNumber,
};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use time::OffsetDateTime;
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use crate::support::{Identity, TempDir, Versions, client, connect, discover_versions, exchange, start};
use crate::support::{serve, signal, wait_exit};
use crate::tls::assert_refused;

/// The client certificate `name` of the data dir (issued on first use).
fn identity(data_dir: &Path, name: &str) -> Identity {
    let certs = data_dir.join("certs");
    if !certs.join(format!("{name}.pem")).exists() {
        kms::pki::issue(data_dir, name, &certs).expect("issue");
    }
    Identity::from_files(&certs.join(format!("{name}.pem")), &certs.join(format!("{name}.key")))
}

async fn open(addr: std::net::SocketAddr, data_dir: &Path, name: &str) -> TlsStream<TcpStream> {
    let mut stream =
        connect(addr, &client(data_dir, Some(identity(data_dir, name)), Versions::Both)).await.expect("handshake");
    answered(&mut stream).await;
    stream
}

async fn answered(stream: &mut TlsStream<TcpStream>) {
    let response = exchange(stream, &discover_versions(ProtocolVersion::V2_1)).await;
    assert_eq!(response.batch_items[0].result_status, ResultStatus::SUCCESS);
}

async fn refused(addr: std::net::SocketAddr, data_dir: &Path, name: &str) {
    for versions in [Versions::Tls12, Versions::Tls13] {
        assert_refused(addr, &client(data_dir, Some(identity(data_dir, name)), versions)).await;
    }
}

async fn kms_cli(args: Vec<String>) -> std::process::Output {
    tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_kms")).args(&args).output().expect("kms runs")
    })
    .await
    .expect("task")
}

fn cli_args(dir: &Path, list: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
    out.extend(["--data-dir".to_owned(), dir.display().to_string()]);
    out
}

fn serial_of(path: &Path) -> String {
    kms::server::revocation::serial_of_cert_file(path).expect("serial")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_certificate_cannot_connect_again_and_the_deny_list_persists() {
    let dir = TempDir::new("revoke");
    let server = start(&dir, |_| {}).await;
    let addr = server.kmip_addr();
    let mut bob = open(addr, dir.path(), "bob").await;
    let mut alice = open(addr, dir.path(), "alice").await;

    // While the server runs: through the admin socket, denied at once.
    let bob_pem = dir.join("certs/bob.pem");
    let out = kms_cli(cli_args(dir.path(), &["cert", "revoke", "--cert", bob_pem.to_str().expect("path")])).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains(&format!("serial {} denied", serial_of(&bob_pem))), "{text}");
    refused(addr, dir.path(), "bob").await;
    // Revocation is checked at the handshake: Bob's open connection and
    // Alice are not touched.
    answered(&mut bob).await;
    answered(&mut alice).await;
    open(addr, dir.path(), "alice").await;
    let out = kms_cli(cli_args(dir.path(), &["cert", "revoke", "--cert", bob_pem.to_str().expect("path")])).await;
    assert!(String::from_utf8_lossy(&out.stdout).contains("denied already"));
    drop((bob, alice));
    server.shutdown().await.expect("shutdown");

    // No server: the deny-list file; the next server refuses both.
    let alice_serial = serial_of(&dir.join("certs/alice.pem"));
    let with_colons: String = alice_serial
        .as_bytes()
        .chunks(2)
        .map(|pair| std::str::from_utf8(pair).expect("hex").to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(":");
    let out = kms_cli(cli_args(dir.path(), &["cert", "revoke", "--serial", &with_colons, "--note", "left"])).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let list = std::fs::read_to_string(dir.join("certs/revoked.txt")).expect("deny-list");
    assert!(list.contains(&format!("{alice_serial}  # left")), "{list}");
    let server = start(&dir, |_| {}).await;
    refused(server.kmip_addr(), dir.path(), "alice").await;
    refused(server.kmip_addr(), dir.path(), "bob").await;
    open(server.kmip_addr(), dir.path(), "carol").await;

    let out = kms_cli(cli_args(dir.path(), &["cert", "revoke", "--serial", "not-hex"])).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a serial number"), "{out:?}");
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_configured_crl_refuses_the_certificates_it_revokes() {
    let dir = TempDir::new("crl");
    kms::pki::init(dir.path(), true).expect("init");
    let carol = identity(dir.path(), "carol");
    identity(dir.path(), "dave");

    let ca_pem = std::fs::read_to_string(dir.join("certs/ca.pem")).expect("ca");
    let ca_key = KeyPair::from_pem(&std::fs::read_to_string(dir.join("certs/ca.key")).expect("key")).expect("key");
    let issuer = Issuer::from_ca_cert_pem(&ca_pem, ca_key).expect("issuer");
    let carol_serial = hex::decode(serial_of(&dir.join("certs/carol.pem"))).expect("hex");
    let now = OffsetDateTime::now_utc();
    let crl = CertificateRevocationListParams {
        this_update: now - time::Duration::hours(1),
        next_update: now + time::Duration::days(7),
        crl_number: SerialNumber::from(1u64),
        issuing_distribution_point: None,
        revoked_certs: vec![RevokedCertParams {
            serial_number: SerialNumber::from_slice(&carol_serial),
            revocation_time: now - time::Duration::minutes(5),
            reason_code: Some(RevocationReason::KeyCompromise),
            invalidity_date: None,
        }],
        key_identifier_method: KeyIdMethod::Sha256,
    }
    .signed_by(&issuer)
    .expect("CRL");
    let crl_file = dir.join("clients.crl");
    std::fs::write(&crl_file, crl.pem().expect("PEM")).expect("write CRL");
    drop(carol);

    let server = start(&dir, |config| config.tls.crl_file = Some(crl_file.clone())).await;
    refused(server.kmip_addr(), dir.path(), "carol").await;
    open(server.kmip_addr(), dir.path(), "dave").await;
    open(server.kmip_addr(), dir.path(), "admin").await;
    server.shutdown().await.expect("shutdown");
}

/// A new server certificate for localhost from the data dir's CA, with the
/// Common Name `cn`, written over `certs/server.pem` and `server.key`.
fn replace_server_certificate(data_dir: &Path, cn: &str) -> CertificateDer<'static> {
    let ca_pem = std::fs::read_to_string(data_dir.join("certs/ca.pem")).expect("ca");
    let ca_key = KeyPair::from_pem(&std::fs::read_to_string(data_dir.join("certs/ca.key")).expect("key")).expect("key");
    let issuer = Issuer::from_ca_cert_pem(&ca_pem, ca_key).expect("issuer");
    let key = KeyPair::generate().expect("key");
    let mut params = CertificateParams::default();
    params.distinguished_name.push(DnType::CommonName, cn);
    params.subject_alt_names =
        vec![SanType::DnsName("localhost".try_into().expect("dns")), SanType::IpAddress([127, 0, 0, 1].into())];
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.use_authority_key_identifier_extension = true;
    let cert = params.signed_by(&key, &issuer).expect("sign");
    std::fs::write(data_dir.join("certs/server.key"), key.serialize_pem()).expect("write key");
    std::fs::write(data_dir.join("certs/server.pem"), cert.pem()).expect("write cert");
    cert.der().clone()
}

fn served_certificate(stream: &TlsStream<TcpStream>) -> CertificateDer<'static> {
    stream.get_ref().1.peer_certificates().and_then(|c| c.first()).expect("a server certificate").clone().into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn sighup_reloads_the_certificate_and_the_deny_list_and_keeps_connections() {
    let dir = TempDir::new("sighup");
    let mut serving = serve(&dir, &[]);
    let addr = serving.info.kmip_addr;
    let mut kept = open(addr, dir.path(), "admin").await;
    let original = CertificateDer::from_pem_file(dir.join("certs/server.pem")).expect("server cert");
    assert_eq!(served_certificate(&kept), original);
    open(addr, dir.path(), "erin").await;

    // A new certificate on disk, and Erin's serial written into the
    // deny-list by hand: nothing changes until SIGHUP.
    let renewed = replace_server_certificate(dir.path(), "kms server, renewed");
    let erin_serial = serial_of(&dir.join("certs/erin.pem"));
    std::fs::write(dir.join("certs/revoked.txt"), format!("# by hand\n{erin_serial}\n")).expect("deny-list");
    let before = open(addr, dir.path(), "admin").await;
    assert_eq!(served_certificate(&before), original);

    signal(serving.info.pid, "HUP");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let stream = open(addr, dir.path(), "admin").await;
        if served_certificate(&stream) == renewed {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "the renewed certificate is not served after SIGHUP");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    refused(addr, dir.path(), "erin").await;
    // The connections opened before the reload still work.
    answered(&mut kept).await;
    let mut before = before;
    answered(&mut before).await;

    // A broken file: the reload fails, the server keeps serving as before.
    std::fs::write(dir.join("certs/server.pem"), "not a certificate").expect("write");
    signal(serving.info.pid, "HUP");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let stream = open(addr, dir.path(), "admin").await;
    assert_eq!(served_certificate(&stream), renewed);
    answered(&mut kept).await;

    signal(serving.info.pid, "TERM");
    let exit = tokio::task::spawn_blocking(move || wait_exit(&mut serving.child, Duration::from_secs(20)))
        .await
        .expect("task");
    assert_eq!(exit.code(), Some(0));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reload_reads_the_ca_bundle_again() {
    let dir = TempDir::new("ca-reload");
    kms::pki::init(dir.path(), true).expect("init");
    let bundle = dir.join("clients-ca.pem");
    std::fs::copy(dir.join("certs/ca.pem"), &bundle).expect("bundle");
    // A second CA, and a client certificate from it.
    let other_key = KeyPair::generate().expect("key");
    let mut other_ca = CertificateParams::default();
    other_ca.distinguished_name.push(DnType::CommonName, "another team's CA");
    other_ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    other_ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let other_ca_cert = other_ca.self_signed(&other_key).expect("CA");
    let other_issuer = Issuer::new(other_ca, other_key);
    let client_key = KeyPair::generate().expect("key");
    let mut params = CertificateParams::default();
    params.distinguished_name.push(DnType::CommonName, "frank");
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let frank_cert = params.signed_by(&client_key, &other_issuer).expect("sign");
    std::fs::write(dir.join("certs/frank.pem"), frank_cert.pem()).expect("write");
    std::fs::write(dir.join("certs/frank.key"), client_key.serialize_pem()).expect("write");

    let server = start(&dir, |config| config.tls.ca_file = Some(bundle.clone())).await;
    refused(server.kmip_addr(), dir.path(), "frank").await;
    let mut kept = open(server.kmip_addr(), dir.path(), "admin").await;

    // The other CA joins the bundle; the admin socket's reload (what
    // SIGHUP does) takes it in.
    let mut text = std::fs::read_to_string(&bundle).expect("bundle");
    text.push_str(&other_ca_cert.pem());
    std::fs::write(&bundle, text).expect("bundle");
    let data_dir = dir.path().to_owned();
    let answer =
        tokio::task::spawn_blocking(move || kms::admin::request(&data_dir, &serde_json::json!({"command": "reload"})))
            .await
            .expect("task")
            .expect("reload");
    assert_eq!(answer["denied"], 0);
    open(server.kmip_addr(), dir.path(), "frank").await;
    answered(&mut kept).await;

    // A bundle that no longer parses: the reload fails, nothing changes.
    std::fs::write(&bundle, "garbage").expect("bundle");
    let err = server.reload().expect_err("a broken bundle");
    assert!(err.to_string().contains("clients-ca.pem"), "{err}");
    open(server.kmip_addr(), dir.path(), "frank").await;
    server.shutdown().await.expect("shutdown");
}
