//! Online backup to a file, and restore into an empty data dir (SPEC §3,
//! issue 5 "Backup and restore").
//!
//! A backup is a consistent snapshot of the store ([`Store::snapshot`]:
//! every object, the audit log and its head; key material in it is as the
//! store keeps it), authenticated with HMAC-SHA-256 under a key derived
//! from the root key:
//!
//! ```text
//! "KMS BACKUP 1\n" | snapshot length (u64 BE) | snapshot | HMAC over everything before it
//! ```
//!
//! Restoring checks the HMAC before anything is written, so a backup made
//! under another root key (or damaged) is refused with nothing written.

use std::io::Write;
use std::path::Path;

use zeroize::Zeroizing;

use crate::config::RootKey;
use crate::crypto::{CryptoEngine, HashAlgorithm, KeyKind, KeyRef, MacAlgorithm};
use crate::store::{Snapshot, Store};

const MAGIC: &[u8] = b"KMS BACKUP 1\n";
const MAC_LEN: usize = 32;

/// What a backup holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Records (objects).
    pub records: usize,
    /// Audit entries.
    pub entries: usize,
    /// The file's size in bytes.
    pub bytes: u64,
}

impl Summary {
    fn of(snapshot: &Snapshot, bytes: u64) -> Summary {
        Summary { records: snapshot.records.len(), entries: snapshot.log.len(), bytes }
    }
}

/// The backup authentication key: HMAC-SHA-256 of a fixed label under the
/// root key.
pub struct BackupKey(Zeroizing<Vec<u8>>);

impl BackupKey {
    /// The key for backups made under `root`.
    pub fn derive(root: &RootKey, crypto: &dyn CryptoEngine) -> Result<BackupKey, String> {
        let key = KeyRef { kind: KeyKind::Hmac, material: root.expose_secret().as_slice() };
        let mac = crypto
            .mac(key, MacAlgorithm::Hmac(HashAlgorithm::Sha256), b"kms backup key v1")
            .map_err(|e| format!("deriving the backup key: {e}"))?;
        Ok(BackupKey(Zeroizing::new(mac)))
    }

    fn mac(&self, crypto: &dyn CryptoEngine, data: &[u8]) -> Result<Vec<u8>, String> {
        let key = KeyRef { kind: KeyKind::Hmac, material: &self.0 };
        crypto.mac(key, MacAlgorithm::Hmac(HashAlgorithm::Sha256), data).map_err(|e| e.to_string())
    }
}

/// Writes a backup of `store` to `path` (a temporary file beside it,
/// synced, then renamed into place).
pub async fn write(
    store: &dyn Store,
    key: &BackupKey,
    crypto: &dyn CryptoEngine,
    path: &Path,
) -> Result<Summary, String> {
    let snapshot = store.snapshot().await.map_err(|e| format!("snapshot: {e}"))?;
    let body = Zeroizing::new(snapshot.to_bytes().map_err(|e| e.to_string())?);
    let mut out = Zeroizing::new(Vec::with_capacity(MAGIC.len() + 8 + body.len() + MAC_LEN));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(body.len() as u64).to_be_bytes());
    out.extend_from_slice(&body);
    let mac = key.mac(crypto, &out)?;
    out.extend_from_slice(&mac);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let io = |e: std::io::Error| format!("{}: {e}", path.display());
    let mut file = std::fs::File::create(&tmp).map_err(io)?;
    file.write_all(&out).map_err(io)?;
    file.sync_all().map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)?;
    Ok(Summary::of(&snapshot, out.len() as u64))
}

/// Reads and authenticates a backup; its snapshot.
pub fn read(path: &Path, key: &BackupKey, crypto: &dyn CryptoEngine) -> Result<(Snapshot, Summary), String> {
    let bytes = Zeroizing::new(std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?);
    let not_backup = || format!("{}: not a kms backup", path.display());
    if bytes.len() < MAGIC.len() + 8 + MAC_LEN || !bytes.starts_with(MAGIC) {
        return Err(not_backup());
    }
    let (signed, mac) = bytes.split_at(bytes.len() - MAC_LEN);
    let expected = key.mac(crypto, signed)?;
    if !same(&expected, mac) {
        return Err(format!(
            "{}: the backup was made under another root key, or it is damaged: nothing restored",
            path.display()
        ));
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&signed[MAGIC.len()..MAGIC.len() + 8]);
    let body = &signed[MAGIC.len() + 8..];
    if u64::try_from(body.len()).ok() != Some(u64::from_be_bytes(len)) {
        return Err(not_backup());
    }
    let snapshot = Snapshot::from_bytes(body).map_err(|e| format!("{}: {e}", path.display()))?;
    let summary = Summary::of(&snapshot, bytes.len() as u64);
    Ok((snapshot, summary))
}

/// Compares two MACs in time independent of where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
