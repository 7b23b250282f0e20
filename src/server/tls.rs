//! TLS for the KMIP listener (kmip-reference §8): rustls with the aws-lc-rs
//! provider, TLS 1.2 and 1.3 only, a client certificate required and
//! verified against the configured CA bundle.
//!
//! rustls offers only ECDHE key exchange with AEAD suites (AES-GCM,
//! ChaCha20-Poly1305), so the static-RSA CBC suites the KMIP 1.x TLS
//! profile names cannot be offered; with the development PKI's ECDSA
//! server certificate the `ECDHE-ECDSA-AES*-GCM` suites that PyKMIP's
//! "TLS1.2" list keeps are available.
//!
//! The connection's identity comes from the verified client certificate:
//! the subject's Common Name, else the first Subject Alternative Name. The
//! certificate is parsed with `x509-parser`: rustls and webpki verify a
//! certificate but expose neither its subject nor its SANs, and rcgen
//! reads certificates through x509-parser itself (its `x509-parser`
//! feature, which `kms cert issue` uses to load the CA), so it is already
//! in the build.

use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;

use rustls::RootCertStore;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;
use tokio_rustls::TlsAcceptor;
use x509_parser::extensions::GeneralName;

use super::ServerError;

/// The protocol versions offered: TLS 1.3 and 1.2, nothing older.
pub const PROTOCOL_VERSIONS: &[&rustls::SupportedProtocolVersion] = &[&rustls::version::TLS13, &rustls::version::TLS12];

/// Who is on the other end of a connection, from its verified certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientIdentity {
    /// The identity: the subject's Common Name, else the first SAN.
    pub name: String,
    /// The whole subject, for the log.
    pub subject: String,
    /// The subject's Organization (O), else its Organizational Unit (OU).
    pub organisation: Option<String>,
}

/// The TLS acceptor: server certificate chain and key from `cert_file` and
/// `key_file`, client certificates verified against `ca_file`.
pub fn acceptor(ca_file: &Path, cert_file: &Path, key_file: &Path) -> Result<TlsAcceptor, ServerError> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());

    let mut roots = RootCertStore::empty();
    for cert in read_certs(ca_file)? {
        roots.add(cert).map_err(|e| tls_err(ca_file, format!("not a usable CA certificate: {e}")))?;
    }
    let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| tls_err(ca_file, format!("cannot verify clients with it: {e}")))?;

    let chain = read_certs(cert_file)?;
    let key = PrivateKeyDer::from_pem_file(key_file)
        .map_err(|e| tls_err(key_file, format!("no private key (PEM) could be read: {e}")))?;
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(PROTOCOL_VERSIONS)
        .map_err(|e| tls_err(cert_file, e.to_string()))?
        .with_client_cert_verifier(verifier)
        .with_single_cert(chain, key)
        .map_err(|e| tls_err(cert_file, format!("unusable with {}: {e}", key_file.display())))?;
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// The identity in a (verified) client certificate: its subject's Common
/// Name, else its first Subject Alternative Name (DNS name, e-mail, URI or
/// IP address); None if it has neither or does not parse.
pub fn client_identity(cert: &CertificateDer<'_>) -> Option<ClientIdentity> {
    let (_, cert) = x509_parser::parse_x509_certificate(cert.as_ref()).ok()?;
    let subject = cert.subject().to_string();
    let text = |value: Option<&str>| value.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let organisation = text(cert.subject().iter_organization().find_map(|o| o.as_str().ok()))
        .or_else(|| text(cert.subject().iter_organizational_unit().find_map(|o| o.as_str().ok())));
    let common_name =
        cert.subject().iter_common_name().find_map(|cn| cn.as_str().ok()).map(str::trim).filter(|cn| !cn.is_empty());
    if let Some(cn) = common_name {
        return Some(ClientIdentity { name: cn.to_owned(), subject, organisation });
    }
    let san = cert.subject_alternative_name().ok()??;
    let name = match san.value.general_names.first()? {
        GeneralName::DNSName(s) | GeneralName::RFC822Name(s) | GeneralName::URI(s) => (*s).to_owned(),
        GeneralName::IPAddress(bytes) => ip_address(bytes)?.to_string(),
        _ => return None,
    };
    Some(ClientIdentity { name, subject, organisation })
}

fn ip_address(bytes: &[u8]) -> Option<IpAddr> {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return Some(IpAddr::from(v4));
    }
    <[u8; 16]>::try_from(bytes).ok().map(IpAddr::from)
}

fn read_certs(path: &Path) -> Result<Vec<CertificateDer<'static>>, ServerError> {
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| tls_err(path, e.to_string()))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| tls_err(path, format!("not a PEM certificate file: {e}")))?;
    if certs.is_empty() {
        return Err(tls_err(path, "no certificate in it".into()));
    }
    Ok(certs)
}

fn tls_err(path: &Path, message: String) -> ServerError {
    ServerError::Tls { path: path.to_owned(), message }
}
