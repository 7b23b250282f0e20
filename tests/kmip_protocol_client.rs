//! The kmip-protocol crate (NLnet Labs' client, used by Krill) as a second
//! real client, over real mutual TLS (rustls 0.23 driving its synchronous
//! stream). It sends KMIP 1.0 to 1.2 on one connection depending on the
//! operation, requires a Time Stamp in every response header and cannot
//! parse a Query reply listing operations newer than its request's version.

use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;

use kmip_protocol::client::ClientBuilder;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kmip_protocol_client_on_one_connection() {
    let dir = std::env::temp_dir().join(format!("kms-test-kmipproto-{}-{}", std::process::id(), uuid::Uuid::new_v4()));
    let mut config = kms::config::Config::new(&dir);
    config.kmip_addr = SocketAddr::from(([127, 0, 0, 1], 0));
    let server = kms::server::spawn(config).await.expect("server starts");
    let addr = server.kmip_addr();
    let certs = dir.join("certs");
    let checks = tokio::task::spawn_blocking(move || {
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_file_iter(certs.join("ca.pem")).expect("CA file") {
            roots.add(cert.expect("PEM")).expect("CA");
        }
        let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(certs.join("admin.pem"))
            .expect("cert")
            .collect::<Result<_, _>>()
            .expect("PEM");
        let key = PrivateKeyDer::from_pem_file(certs.join("admin.key")).expect("key");
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::aws_lc_rs::default_provider()))
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_root_certificates(roots)
            .with_client_auth_cert(chain, key)
            .expect("client cert");
        let connection = rustls::ClientConnection::new(Arc::new(tls), ServerName::try_from("localhost").expect("name"))
            .expect("TLS client");
        let tcp = TcpStream::connect(addr).expect("connects");
        let client = ClientBuilder::new(rustls::StreamOwned::new(connection, tcp)).build();
        let mut checks = 0;

        // Query (sent as 1.0): the reply parses, so it lists no operation
        // newer than 1.0 and carries a Time Stamp.
        let query = client.query().expect("Query succeeds and parses");
        let operations = query.operations.expect("operations are listed");
        assert!(operations.len() >= 10, "{operations:?}");
        assert!(query.vendor_identification.is_some_and(|v| !v.is_empty()));
        checks += 1;

        // Get and Destroy of an unknown id: a clean KMIP failure.
        match client.get_key("no-such-key") {
            Err(kmip_protocol::client::Error::ItemNotFound(_)) => checks += 1,
            other => panic!("Get of an unknown id: {other:?}"),
        }
        assert!(client.destroy_key("no-such-key").is_err());
        checks += 1;

        // Until issue 4: RSA key pairs and RNG Retrieve are answered with a
        // KMIP failure the client reads, on the same connection.
        match client.create_rsa_key_pair(2048, "kp-private".into(), "kp-public".into()) {
            Err(kmip_protocol::client::Error::ServerError(message)) => {
                assert!(!message.is_empty());
                checks += 1;
            }
            other => panic!("Create Key Pair before issue 4: {other:?}"),
        }
        match client.rng_retrieve(16) {
            Err(kmip_protocol::client::Error::ServerError(_)) => checks += 1,
            other => panic!("RNG Retrieve before issue 4: {other:?}"),
        }
        // The connection is still in step: another Query parses.
        client.query().expect("a second Query on the same connection");
        checks += 1;
        checks
    })
    .await
    .expect("client thread");
    println!("kmip-protocol: {checks} checks passed");
    server.shutdown().await.expect("shutdown");
    let _ = std::fs::remove_dir_all(&dir);
}
