//! The certificate deny-list (docs/access.md, "Certificate revocation"):
//! serial numbers of client certificates that may no longer connect,
//! checked at every TLS handshake.
//!
//! The list is a text file, `DATA_DIR/certs/revoked.txt` unless
//! `tls.revoked_file` names another, one serial number in hex per line;
//! `#` starts a comment, blank lines are ignored:
//!
//! ```text
//! # kms certificate deny-list: one serial number (hex) per line
//! 4a1f09c2d3e4f5a6b7c8d9e0f1a2b3c4  # CN=bob, revoked at 1764866400
//! ```
//!
//! A serial is compared in a canonical form: lower-case hex of the DER
//! INTEGER's bytes without leading zero bytes (so `00:4A:1F` and `4a1f` are
//! the same serial). `kms cert revoke` appends to the file (through the
//! admin socket while a server runs, which then denies at once; directly
//! otherwise); a running server re-reads it on SIGHUP.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use super::ServerError;

/// The deny-list's file name in `DATA_DIR/certs/` when none is configured.
pub const DEFAULT_FILE: &str = "revoked.txt";

const HEADER: &str = "# kms certificate deny-list: one serial number (hex) per line; text after # is a comment\n";

/// The serials denied, in memory, and the file they come from.
#[derive(Debug)]
pub struct DenyList {
    path: PathBuf,
    serials: RwLock<HashSet<String>>,
}

impl DenyList {
    /// Reads the list from `path` (a missing file is an empty list).
    pub fn load(path: &Path) -> Result<DenyList, ServerError> {
        Ok(DenyList { path: path.to_owned(), serials: RwLock::new(read(path)?) })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file again; how many serials it holds. On failure the
    /// list in memory is kept.
    pub fn reload(&self) -> Result<usize, ServerError> {
        let serials = read(&self.path)?;
        let count = serials.len();
        self.replace(serials);
        Ok(count)
    }

    /// Replaces the serials in memory (read with [`read`]).
    pub(crate) fn replace(&self, serials: HashSet<String>) {
        *self.serials.write().unwrap_or_else(PoisonError::into_inner) = serials;
    }

    /// True if the serial (canonical form) is denied.
    pub fn contains(&self, serial: &str) -> bool {
        self.serials.read().unwrap_or_else(PoisonError::into_inner).contains(serial)
    }

    /// True if the certificate's serial is denied.
    pub fn denies(&self, cert: &CertificateDer<'_>) -> bool {
        super::tls::certificate_serial(cert).is_some_and(|serial| self.contains(&serial))
    }

    /// Denies `serial` from now on: appended to the file (synced) and to
    /// the list in memory. False if it was denied already.
    pub fn revoke(&self, serial: &str, note: &str) -> Result<bool, ServerError> {
        let serial =
            canonical_serial(serial).map_err(|message| ServerError::Tls { path: self.path.clone(), message })?;
        let mut serials = self.serials.write().unwrap_or_else(PoisonError::into_inner);
        if serials.contains(&serial) {
            return Ok(false);
        }
        append(&self.path, &serial, note)?;
        serials.insert(serial);
        Ok(true)
    }
}

/// The canonical form of a serial number given in hex (colons, spaces and
/// a `0x` prefix allowed).
pub fn canonical_serial(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    let hex: String = trimmed
        .strip_prefix("0x")
        .or_else(|| trimmed.strip_prefix("0X"))
        .unwrap_or(trimmed)
        .chars()
        .filter(|c| !matches!(c, ':' | ' ' | '-'))
        .collect();
    if hex.is_empty() || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!("{text:?} is not a serial number in hex"));
    }
    let digits = hex.to_ascii_lowercase();
    let padded = if digits.len() % 2 == 1 { format!("0{digits}") } else { digits };
    let bytes = hex::decode(&padded).map_err(|e| format!("{text:?}: {e}"))?;
    Ok(canonical_bytes(&bytes))
}

/// The canonical form of a serial's DER INTEGER bytes.
pub fn canonical_bytes(bytes: &[u8]) -> String {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len().saturating_sub(1));
    hex::encode(&bytes[start..])
}

/// The serial of the first certificate in a PEM file.
pub fn serial_of_cert_file(path: &Path) -> Result<String, ServerError> {
    let err = |message: String| ServerError::Tls { path: path.to_owned(), message };
    let cert = CertificateDer::from_pem_file(path).map_err(|e| err(format!("no PEM certificate in it: {e}")))?;
    super::tls::certificate_serial(&cert).ok_or_else(|| err("not an X.509 certificate".into()))
}

/// Appends `serial` with `note` to the deny-list file `path` (created with
/// a header if missing) and syncs it; false if it was there already.
pub fn revoke_in_file(path: &Path, serial: &str, note: &str) -> Result<bool, ServerError> {
    let serial = canonical_serial(serial).map_err(|message| ServerError::Tls { path: path.to_owned(), message })?;
    if read(path)?.contains(&serial) {
        return Ok(false);
    }
    append(path, &serial, note)?;
    Ok(true)
}

fn append(path: &Path, serial: &str, note: &str) -> Result<(), ServerError> {
    let io = |source| ServerError::Io { path: path.to_owned(), source };
    let new = !path.exists();
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path).map_err(io)?;
    let note: String = note.chars().filter(|c| !c.is_control()).collect();
    let mut line = if new { HEADER.to_owned() } else { String::new() };
    line.push_str(serial);
    if !note.is_empty() {
        line.push_str("  # ");
        line.push_str(&note);
    }
    line.push('\n');
    file.write_all(line.as_bytes()).map_err(io)?;
    file.sync_all().map_err(io)
}

/// The serials of the deny-list file `path` (none if it is missing).
pub(crate) fn read(path: &Path) -> Result<HashSet<String>, ServerError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashSet::new()),
        Err(source) => return Err(ServerError::Io { path: path.to_owned(), source }),
    };
    let mut serials = HashSet::new();
    for (n, line) in text.lines().enumerate() {
        let entry = line.split('#').next().unwrap_or_default().trim();
        if entry.is_empty() {
            continue;
        }
        let serial = canonical_serial(entry).map_err(|message| ServerError::Tls {
            path: path.to_owned(),
            message: format!("line {}: {message}", n + 1),
        })?;
        serials.insert(serial);
    }
    Ok(serials)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_have_one_canonical_form() {
        assert_eq!(canonical_serial("00:4A:1F").as_deref(), Ok("4a1f"));
        assert_eq!(canonical_serial("0x4a1f").as_deref(), Ok("4a1f"));
        assert_eq!(canonical_serial(" 4A 1F ").as_deref(), Ok("4a1f"));
        assert_eq!(canonical_serial("a1f").as_deref(), Ok("0a1f"));
        assert_eq!(canonical_serial("00").as_deref(), Ok("00"));
        assert_eq!(canonical_bytes(&[0, 0x4a, 0x1f]), "4a1f");
        assert!(canonical_serial("xyz").is_err());
        assert!(canonical_serial("").is_err());
    }

    #[test]
    fn the_file_round_trips_and_reports_bad_lines() {
        let dir = std::env::temp_dir().join(format!("kms-deny-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("revoked.txt");
        let list = DenyList::load(&path).expect("missing is empty");
        assert!(!list.contains("4a1f"));
        assert!(list.revoke("00:4A:1F", "bob\nsneaky").expect("revoke"));
        assert!(!list.revoke("4a1f", "again").expect("twice"));
        assert!(list.contains("4a1f"));
        let text = std::fs::read_to_string(&path).expect("file");
        assert!(text.starts_with("# kms certificate deny-list"), "{text}");
        assert!(text.contains("4a1f  # bobsneaky\n"), "{text}");
        assert!(revoke_in_file(&path, "beef", "").expect("append"));
        assert_eq!(list.reload().expect("reload"), 2);
        assert!(list.contains("beef"));
        std::fs::write(&path, "4a1f\nnot-hex\n").expect("write");
        let err = list.reload().expect_err("bad line");
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(list.contains("beef"), "a failed reload keeps the list");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
