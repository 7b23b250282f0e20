//! The development PKI (SPEC section 7): `kms init` and the first start of
//! `kms serve` in an empty data directory create, with rcgen,
//!
//! ```text
//! DATA_DIR/certs/ca.pem      ca.key       ECDSA P-256 CA, 10 years
//! DATA_DIR/certs/server.pem  server.key   SANs localhost, 127.0.0.1, ::1 (serverAuth), 2 years
//! DATA_DIR/certs/admin.pem   admin.key    CN=admin (clientAuth), 2 years
//! DATA_DIR/root.key                       the development root key (32 random bytes, base64)
//! ```
//!
//! Private keys and the root key are written with mode 0600, certificates
//! 0644, the data directory (when created here) 0700. Nothing is ever
//! overwritten. `kms cert issue` signs more client certificates with the
//! data directory's CA. Nothing trusts a CA committed to the repository:
//! every data directory has its own.

use std::fs::{DirBuilder, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PKCS_ECDSA_P256_SHA256, SanType, SerialNumber,
};
use time::{Duration, OffsetDateTime};

use crate::config::{ROOT_KEY_LEN, RootKey};
use crate::crypto::{CryptoEngine, SoftwareEngine};

/// The warning printed whenever the development PKI or root key is made.
pub const DEVELOPMENT_WARNING: &str = "\
WARNING: this is a DEVELOPMENT setup. The CA key and the root key were generated into the data
WARNING: directory: whoever can read the directory holds every key. The server refuses to listen on a
WARNING: non-loopback address with this root key; production needs a root key from outside the data
WARNING: directory (keys.root_key_file / --root-key-file / KMS_ROOT_KEY) and certificates from your own CA.";

/// The development PKI's file names under `DATA_DIR/certs/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PkiPaths {
    /// `certs/`.
    pub dir: PathBuf,
    /// The CA certificate.
    pub ca_cert: PathBuf,
    /// The CA private key.
    pub ca_key: PathBuf,
    /// The server certificate.
    pub server_cert: PathBuf,
    /// The server private key.
    pub server_key: PathBuf,
    /// The `admin` client certificate.
    pub admin_cert: PathBuf,
    /// The `admin` client private key.
    pub admin_key: PathBuf,
}

impl PkiPaths {
    /// The paths in `data_dir`.
    pub fn new(data_dir: &Path) -> PkiPaths {
        let dir = data_dir.join("certs");
        PkiPaths {
            ca_cert: dir.join("ca.pem"),
            ca_key: dir.join("ca.key"),
            server_cert: dir.join("server.pem"),
            server_key: dir.join("server.key"),
            admin_cert: dir.join("admin.pem"),
            admin_key: dir.join("admin.key"),
            dir,
        }
    }

    fn all(&self) -> [&Path; 6] {
        [&self.ca_cert, &self.ca_key, &self.server_cert, &self.server_key, &self.admin_cert, &self.admin_key]
    }
}

/// What [`init`] created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InitReport {
    /// The PKI's files.
    pub paths: PkiPaths,
    /// The development root key file, if one was made.
    pub root_key: Option<PathBuf>,
}

impl std::fmt::Display for InitReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "development PKI in {}:", self.paths.dir.display())?;
        writeln!(f, "  CA certificate      {}", self.paths.ca_cert.display())?;
        writeln!(f, "  CA key              {}", self.paths.ca_key.display())?;
        writeln!(f, "  server certificate  {} (localhost, 127.0.0.1, ::1)", self.paths.server_cert.display())?;
        writeln!(f, "  server key          {}", self.paths.server_key.display())?;
        writeln!(f, "  admin certificate   {} (client identity \"admin\")", self.paths.admin_cert.display())?;
        write!(f, "  admin key           {}", self.paths.admin_key.display())?;
        if let Some(root_key) = &self.root_key {
            write!(f, "\ndevelopment root key  {}", root_key.display())?;
        }
        Ok(())
    }
}

/// Why the PKI could not be made or used.
#[derive(Debug, thiserror::Error)]
pub enum PkiError {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file to be created is already there.
    #[error("{0} already exists: refusing to overwrite it")]
    Exists(PathBuf),
    /// The data directory has no CA to sign with.
    #[error("no CA in {0}: run `kms init --data-dir DIR` first")]
    NoCa(PathBuf),
    /// An identity name that cannot be a file name or a certificate subject.
    #[error(
        "invalid identity name {0:?}: use 1 to 64 letters, digits, '.', '_', '-' or '@', not starting with '.' or '-'"
    )]
    InvalidName(String),
    /// rcgen refused (a malformed key or certificate file, most likely).
    #[error("{context}: {source}")]
    Certificate {
        /// What was being done.
        context: String,
        /// rcgen's error.
        source: rcgen::Error,
    },
    /// The random number generator failed.
    #[error("random number generator: {0}")]
    Random(String),
}

/// True if `data_dir` does not exist or is an empty directory: the first
/// start of `kms serve` initialises such a directory.
pub fn is_empty_data_dir(data_dir: &Path) -> bool {
    match std::fs::read_dir(data_dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// Creates `data_dir` (mode 0700) if needed and the development PKI in
/// it, and, if `root_key` is true, the development root key
/// `DATA_DIR/root.key`. Refuses if any of the files exists.
pub fn init(data_dir: &Path, root_key: bool) -> Result<InitReport, PkiError> {
    let paths = PkiPaths::new(data_dir);
    let root_key_path = root_key.then(|| data_dir.join(crate::config::DEV_ROOT_KEY_FILE));
    for path in paths.all().into_iter().chain(root_key_path.as_deref()) {
        if path.exists() {
            return Err(PkiError::Exists(path.to_owned()));
        }
    }
    create_private_dir(data_dir)?;
    create_private_dir(&paths.dir)?;

    let ca_key = new_key("generating the CA key")?;
    let mut ca = CertificateParams::default();
    ca.distinguished_name = name("kms development CA", Some(data_dir));
    ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
    validity(&mut ca, 3650)?;
    let ca_cert = ca.self_signed(&ca_key).map_err(cert_err("making the CA certificate"))?;
    let issuer = Issuer::new(ca, ca_key);

    let server_key = new_key("generating the server key")?;
    let mut server = CertificateParams::default();
    server.distinguished_name = name("kms server", None);
    server.subject_alt_names = vec![
        SanType::DnsName("localhost".try_into().map_err(cert_err("server SAN"))?),
        SanType::IpAddress([127, 0, 0, 1].into()),
        SanType::IpAddress(std::net::Ipv6Addr::LOCALHOST.into()),
    ];
    server.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    server.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    server.use_authority_key_identifier_extension = true;
    validity(&mut server, 730)?;
    let server_cert = server.signed_by(&server_key, &issuer).map_err(cert_err("signing the server certificate"))?;

    let (admin_cert, admin_key) = client_certificate("admin", &issuer)?;

    write_file(&paths.ca_cert, ca_cert.pem().as_bytes(), 0o644)?;
    write_file(&paths.ca_key, issuer.key().serialize_pem().as_bytes(), 0o600)?;
    write_file(&paths.server_cert, server_cert.pem().as_bytes(), 0o644)?;
    write_file(&paths.server_key, server_key.serialize_pem().as_bytes(), 0o600)?;
    write_file(&paths.admin_cert, admin_cert.as_bytes(), 0o644)?;
    write_file(&paths.admin_key, admin_key.as_bytes(), 0o600)?;

    if let Some(path) = &root_key_path {
        let mut bytes = [0u8; ROOT_KEY_LEN];
        SoftwareEngine::new().random(&mut bytes).map_err(|e| PkiError::Random(e.to_string()))?;
        let key = RootKey::from_bytes(bytes);
        zeroize::Zeroize::zeroize(&mut bytes);
        key.write_new(path).map_err(|source| PkiError::Io { path: path.clone(), source })?;
    }
    Ok(InitReport { paths, root_key: root_key_path })
}

/// Issues a client certificate for identity `name` (CN=name, clientAuth)
/// from the data directory's CA, as `OUT/NAME.pem` and `OUT/NAME.key`
/// (mode 0600); refuses to overwrite. Returns the two paths.
pub fn issue(data_dir: &Path, name: &str, out: &Path) -> Result<(PathBuf, PathBuf), PkiError> {
    check_name(name)?;
    let paths = PkiPaths::new(data_dir);
    let cert_path = out.join(format!("{name}.pem"));
    let key_path = out.join(format!("{name}.key"));
    for path in [&cert_path, &key_path] {
        if path.exists() {
            return Err(PkiError::Exists(path.clone()));
        }
    }
    if !paths.ca_cert.exists() || !paths.ca_key.exists() {
        return Err(PkiError::NoCa(paths.dir));
    }
    let ca_pem = read_text(&paths.ca_cert)?;
    let ca_key_pem = zeroize::Zeroizing::new(read_text(&paths.ca_key)?);
    let ca_key = KeyPair::from_pem(&ca_key_pem).map_err(cert_err(format!("reading {}", paths.ca_key.display())))?;
    let issuer =
        Issuer::from_ca_cert_pem(&ca_pem, ca_key).map_err(cert_err(format!("reading {}", paths.ca_cert.display())))?;
    let (cert, key) = client_certificate(name, &issuer)?;
    if !out.exists() {
        DirBuilder::new()
            .recursive(true)
            .create(out)
            .map_err(|source| PkiError::Io { path: out.to_owned(), source })?;
    }
    write_file(&cert_path, cert.as_bytes(), 0o644)?;
    write_file(&key_path, key.as_bytes(), 0o600)?;
    Ok((cert_path, key_path))
}

/// A client certificate (PEM) and its key (PEM) for identity `name`.
fn client_certificate(
    name_cn: &str,
    issuer: &Issuer<'_, KeyPair>,
) -> Result<(String, zeroize::Zeroizing<String>), PkiError> {
    let key = new_key("generating a client key")?;
    let mut params = CertificateParams::default();
    params.distinguished_name = name(name_cn, None);
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    params.use_authority_key_identifier_extension = true;
    validity(&mut params, 730)?;
    let cert = params.signed_by(&key, issuer).map_err(cert_err(format!("signing the certificate for {name_cn}")))?;
    Ok((cert.pem(), zeroize::Zeroizing::new(key.serialize_pem())))
}

fn check_name(name: &str) -> Result<(), PkiError> {
    let ok = (1..=64).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
        && !name.starts_with(['.', '-']);
    if ok { Ok(()) } else { Err(PkiError::InvalidName(name.to_owned())) }
}

fn new_key(context: &str) -> Result<KeyPair, PkiError> {
    KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(cert_err(context))
}

/// A subject with common name `cn`; the CA's also names its directory, so
/// two development CAs are told apart.
fn name(cn: &str, data_dir: Option<&Path>) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::OrganizationName, "kms development");
    if let Some(dir) = data_dir {
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_owned());
        dn.push(DnType::OrganizationalUnitName, dir.display().to_string());
    }
    dn.push(DnType::CommonName, cn);
    dn
}

/// Valid from a day ago (clock skew) for `days` days, with a random serial.
fn validity(params: &mut CertificateParams, days: i64) -> Result<(), PkiError> {
    let now = OffsetDateTime::now_utc();
    params.not_before = now - Duration::days(1);
    params.not_after = now + Duration::days(days);
    let mut serial = [0u8; 16];
    SoftwareEngine::new().random(&mut serial).map_err(|e| PkiError::Random(e.to_string()))?;
    serial[0] &= 0x7F; // a positive INTEGER
    serial[0] |= 0x01; // and not shortened
    params.serial_number = Some(SerialNumber::from_slice(&serial));
    Ok(())
}

fn cert_err(context: impl Into<String>) -> impl FnOnce(rcgen::Error) -> PkiError {
    let context = context.into();
    move |source| PkiError::Certificate { context, source }
}

fn create_private_dir(dir: &Path) -> Result<(), PkiError> {
    if dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|source| PkiError::Io { path: dir.to_owned(), source })
}

fn read_text(path: &Path) -> Result<String, PkiError> {
    std::fs::read_to_string(path).map_err(|source| PkiError::Io { path: path.to_owned(), source })
}

fn write_file(path: &Path, contents: &[u8], mode: u32) -> Result<(), PkiError> {
    let io = |source| PkiError::Io { path: path.to_owned(), source };
    let mut file = OpenOptions::new().write(true).create_new(true).mode(mode).open(path).map_err(io)?;
    file.write_all(contents).map_err(io)?;
    file.sync_all().map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for good in ["admin", "db-1", "alice@example.com", "svc_a.b"] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        for bad in ["", ".hidden", "-x", "a/b", "a b", "é", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_data_dir() {
        let dir = std::env::temp_dir().join(format!("kms-pki-unit-{}", uuid::Uuid::new_v4()));
        assert!(is_empty_data_dir(&dir), "missing counts as empty");
        std::fs::create_dir_all(&dir).expect("dir");
        assert!(is_empty_data_dir(&dir));
        std::fs::write(dir.join("x"), b"").expect("file");
        assert!(!is_empty_data_dir(&dir));
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The listener's identity rule (server/tls.rs), on certificates made
    /// here so rcgen stays in this module.
    mod identity {
        use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair, SanType};
        use rustls::pki_types::CertificateDer;

        use crate::server::tls::client_identity;

        fn cert(cn: Option<&str>, sans: Vec<SanType>) -> CertificateDer<'static> {
            let key = KeyPair::generate().expect("key");
            let mut params = CertificateParams::default();
            params.distinguished_name = DistinguishedName::new();
            if let Some(cn) = cn {
                params.distinguished_name.push(DnType::OrganizationName, "Example");
                params.distinguished_name.push(DnType::CommonName, cn);
            }
            params.subject_alt_names = sans;
            params.self_signed(&key).expect("cert").der().clone()
        }

        #[test]
        fn identity_is_the_common_name() {
            let der = cert(Some("alice"), vec![SanType::DnsName("db.example".try_into().expect("dns"))]);
            let id = client_identity(&der).expect("identity");
            assert_eq!(id.name, "alice");
            assert!(id.subject.contains("CN=alice"), "{}", id.subject);
        }

        #[test]
        fn else_the_first_san() {
            let sans =
                vec![SanType::DnsName("db.example".try_into().expect("dns")), SanType::IpAddress([10, 0, 0, 1].into())];
            assert_eq!(client_identity(&cert(None, sans)).expect("identity").name, "db.example");
            let der = cert(None, vec![SanType::IpAddress(std::net::Ipv6Addr::LOCALHOST.into())]);
            assert_eq!(client_identity(&der).expect("identity").name, "::1");
            let der = cert(None, vec![SanType::Rfc822Name("ops@example.com".try_into().expect("email"))]);
            assert_eq!(client_identity(&der).expect("identity").name, "ops@example.com");
        }

        #[test]
        fn none_without_either() {
            assert_eq!(client_identity(&cert(None, vec![])), None);
            assert_eq!(client_identity(&CertificateDer::from(vec![0x30, 0x00])), None);
        }
    }
}
