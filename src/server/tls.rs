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
//!
//! Revocation: a client certificate whose serial is on the deny-list
//! ([`super::revocation`]) fails the handshake (rustls's "certificate
//! revoked"), and so does one a configured CRL (`tls.crl_file`) revokes.
//! [`ServerTls::reload`] (SIGHUP) reads the server certificate and key, the
//! CA bundle, the CRL and the deny-list again and serves new handshakes
//! with them; connections already open keep theirs.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};

use rustls::client::danger::HandshakeSignatureValid;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, CertificateRevocationListDer, PrivateKeyDer, UnixTime};
use rustls::server::WebPkiClientVerifier;
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{DigitallySignedStruct, DistinguishedName, RootCertStore, SignatureScheme};
use tokio_rustls::TlsAcceptor;
use x509_parser::extensions::GeneralName;

use super::ServerError;
use super::revocation::DenyList;

/// The protocol versions offered: TLS 1.3 and 1.2, nothing older.
pub const PROTOCOL_VERSIONS: &[&rustls::SupportedProtocolVersion] = &[&rustls::version::TLS13, &rustls::version::TLS12];

/// Who is on the other end of a connection, from its verified certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientIdentity {
    /// The identity: the subject's Common Name, else the first SAN.
    pub name: String,
    /// The whole subject, for the log.
    pub subject: String,
    /// The organisation: the subject's Organization (O), else its
    /// Organizational Unit (OU); None when it has neither.
    pub organisation: Option<String>,
}

/// The files the listener's TLS is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsSettings {
    /// The CA bundle client certificates are verified against.
    pub ca_file: PathBuf,
    /// The server certificate chain (PEM, leaf first).
    pub cert_file: PathBuf,
    /// The server's private key (PEM).
    pub key_file: PathBuf,
    /// Certificate revocation lists (PEM) checked for client certificates.
    pub crl_file: Option<PathBuf>,
    /// The deny-list of client certificate serials.
    pub revoked_file: PathBuf,
}

/// The listener's TLS as it is now: what new handshakes use, replaced as a
/// whole by [`ServerTls::reload`].
pub struct ServerTls {
    settings: TlsSettings,
    denied: Arc<DenyList>,
    current: RwLock<Acceptors>,
}

/// The acceptors of one reading of the files: the KMIP port's (client
/// certificate required) and the HTTPS side listener's (client certificate
/// optional but verified when presented; ALPN h2 and http/1.1).
#[derive(Clone)]
struct Acceptors {
    kmip: TlsAcceptor,
    http: TlsAcceptor,
}

/// Which listener an acceptor serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Listener {
    Kmip,
    Http,
}

impl std::fmt::Debug for ServerTls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerTls").field("settings", &self.settings).finish_non_exhaustive()
    }
}

impl ServerTls {
    /// Reads every file of `settings`; fails with the first unusable one.
    pub fn load(settings: TlsSettings) -> Result<ServerTls, ServerError> {
        let denied = Arc::new(DenyList::load(&settings.revoked_file)?);
        let acceptors = build_both(&settings, &denied)?;
        Ok(ServerTls { settings, denied, current: RwLock::new(acceptors) })
    }

    /// The acceptor for a new KMIP connection.
    pub fn acceptor(&self) -> TlsAcceptor {
        self.current.read().unwrap_or_else(PoisonError::into_inner).kmip.clone()
    }

    /// The acceptor for a new connection to the HTTPS side listener: the
    /// same server certificate and CA bundle (and deny-list and CRL), the
    /// client certificate optional, ALPN `h2` and `http/1.1`.
    pub fn http_acceptor(&self) -> TlsAcceptor {
        self.current.read().unwrap_or_else(PoisonError::into_inner).http.clone()
    }

    /// The deny-list.
    pub fn deny_list(&self) -> &DenyList {
        &self.denied
    }

    /// Reads the server certificate and key, the CA bundle, the CRL and the
    /// deny-list again; new handshakes use them, connections already open
    /// are not touched. On failure nothing changes. The number of serials
    /// denied.
    pub fn reload(&self) -> Result<usize, ServerError> {
        // Everything is read and checked before anything changes.
        let serials = super::revocation::read(&self.settings.revoked_file)?;
        let acceptors = build_both(&self.settings, &self.denied)?;
        let count = serials.len();
        self.denied.replace(serials);
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = acceptors;
        Ok(count)
    }
}

/// A client verifier that refuses the deny-list's serials, then asks
/// webpki (chain to the CA bundle, validity, the CRLs).
#[derive(Debug)]
struct DenyingVerifier {
    inner: Arc<dyn ClientCertVerifier>,
    denied: Arc<DenyList>,
}

impl ClientCertVerifier for DenyingVerifier {
    fn offer_client_auth(&self) -> bool {
        self.inner.offer_client_auth()
    }

    fn client_auth_mandatory(&self) -> bool {
        self.inner.client_auth_mandatory()
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        if self.denied.denies(end_entity) {
            tracing::info!("client certificate on the deny-list: handshake refused");
            return Err(rustls::Error::InvalidCertificate(rustls::CertificateError::Revoked));
        }
        self.inner.verify_client_cert(end_entity, intermediates, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// The serial number of a certificate, in the deny-list's canonical form
/// ([`super::revocation::canonical_bytes`]); None if it does not parse.
pub fn certificate_serial(cert: &CertificateDer<'_>) -> Option<String> {
    let (_, cert) = x509_parser::parse_x509_certificate(cert.as_ref()).ok()?;
    Some(super::revocation::canonical_bytes(cert.raw_serial()))
}

fn build_both(settings: &TlsSettings, denied: &Arc<DenyList>) -> Result<Acceptors, ServerError> {
    Ok(Acceptors { kmip: build(settings, denied, Listener::Kmip)?, http: build(settings, denied, Listener::Http)? })
}

/// The TLS acceptor of `settings` for `listener`, refusing the serials of
/// `denied`.
fn build(settings: &TlsSettings, denied: &Arc<DenyList>, listener: Listener) -> Result<TlsAcceptor, ServerError> {
    let (ca_file, cert_file, key_file) = (&settings.ca_file, &settings.cert_file, &settings.key_file);
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());

    let mut roots = RootCertStore::empty();
    for cert in read_certs(ca_file)? {
        roots.add(cert).map_err(|e| tls_err(ca_file, format!("not a usable CA certificate: {e}")))?;
    }
    let mut builder = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone());
    if let Some(crl_file) = &settings.crl_file {
        let crls = CertificateRevocationListDer::pem_file_iter(crl_file)
            .map_err(|e| tls_err(crl_file, e.to_string()))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| tls_err(crl_file, format!("not a PEM CRL file: {e}")))?;
        if crls.is_empty() {
            return Err(tls_err(crl_file, "no CRL in it".into()));
        }
        builder = builder.with_crls(crls);
    }
    if listener == Listener::Http {
        // A client certificate is optional on the side listener (bearer
        // tokens are the other way in), but verified when presented.
        builder = builder.allow_unauthenticated();
    }
    let inner = builder.build().map_err(|e| tls_err(ca_file, format!("cannot verify clients with it: {e}")))?;
    let verifier = Arc::new(DenyingVerifier { inner, denied: Arc::clone(denied) });

    let chain = read_certs(cert_file)?;
    let key = PrivateKeyDer::from_pem_file(key_file)
        .map_err(|e| tls_err(key_file, format!("no private key (PEM) could be read: {e}")))?;
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(PROTOCOL_VERSIONS)
        .map_err(|e| tls_err(cert_file, e.to_string()))?
        .with_client_cert_verifier(verifier)
        .with_single_cert(chain, key)
        .map_err(|e| tls_err(cert_file, format!("unusable with {}: {e}", key_file.display())))?;
    if listener == Listener::Http {
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    }
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// The identity in a (verified) client certificate: its subject's Common
/// Name, else its first Subject Alternative Name (DNS name, e-mail, URI or
/// IP address); None if it has neither or does not parse.
pub fn client_identity(cert: &CertificateDer<'_>) -> Option<ClientIdentity> {
    let (_, cert) = x509_parser::parse_x509_certificate(cert.as_ref()).ok()?;
    let subject = cert.subject().to_string();
    let organisation = organisation(cert.subject());
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

/// The subject's first non-empty Organization (O), else its first
/// non-empty Organizational Unit (OU).
fn organisation(subject: &x509_parser::x509::X509Name<'_>) -> Option<String> {
    let first = |mut values: Box<dyn Iterator<Item = &x509_parser::x509::AttributeTypeAndValue<'_>> + '_>| {
        values.find_map(|v| {
            v.as_str().ok().map(str::trim).filter(|s| !s.is_empty() && !s.contains('\0')).map(str::to_owned)
        })
    };
    first(Box::new(subject.iter_organization())).or_else(|| first(Box::new(subject.iter_organizational_unit())))
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
