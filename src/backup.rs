//! Online backup to a file, and restore into an empty data dir (SPEC §3,
//! issue 5 "Backup and restore").
//!
//! A backup is a consistent snapshot of the store ([`Store::snapshot`]:
//! every object, the key hierarchy's records, the audit log and its head;
//! everything secret in it is sealed as the store keeps it), authenticated
//! with HMAC-SHA-256 under the hierarchy's backup service key:
//!
//! ```text
//! "KMS BACKUP 1\n" | snapshot length (u64 BE) | snapshot | HMAC over everything before it
//! ```
//!
//! Restoring opens the snapshot's key hierarchy with the configured root
//! key, then checks the HMAC under its backup key, before anything is
//! written: a backup made under another root key, or damaged, is refused
//! with nothing written.

use std::io::Write;
use std::path::Path;

use zeroize::Zeroizing;

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

/// The backup authentication key: a service key of the key hierarchy
/// (random, stored wrapped by the root key).
pub struct BackupKey(Zeroizing<Vec<u8>>);

impl BackupKey {
    /// The key from its bytes.
    pub fn new(key: Zeroizing<Vec<u8>>) -> BackupKey {
        BackupKey(key)
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

/// A backup file read but not yet authenticated: its snapshot (needed to
/// find the key that authenticates it) and the signed bytes.
pub struct Unverified {
    path: std::path::PathBuf,
    bytes: Zeroizing<Vec<u8>>,
    /// The snapshot the file holds.
    pub snapshot: Snapshot,
}

/// Reads a backup file.
pub fn read(path: &Path) -> Result<Unverified, String> {
    let bytes = Zeroizing::new(std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?);
    let not_backup = || format!("{}: not a kms backup", path.display());
    if bytes.len() < MAGIC.len() + 8 + MAC_LEN || !bytes.starts_with(MAGIC) {
        return Err(not_backup());
    }
    let signed = &bytes[..bytes.len() - MAC_LEN];
    let mut len = [0u8; 8];
    len.copy_from_slice(&signed[MAGIC.len()..MAGIC.len() + 8]);
    let body = &signed[MAGIC.len() + 8..];
    if u64::try_from(body.len()).ok() != Some(u64::from_be_bytes(len)) {
        return Err(not_backup());
    }
    let snapshot = Snapshot::from_bytes(body).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Unverified { path: path.to_owned(), bytes, snapshot })
}

impl Unverified {
    /// Checks the file's HMAC under `key`; the snapshot and what it holds.
    pub fn authenticate(self, key: &BackupKey, crypto: &dyn CryptoEngine) -> Result<(Snapshot, Summary), String> {
        let (signed, mac) = self.bytes.split_at(self.bytes.len() - MAC_LEN);
        let expected = key.mac(crypto, signed)?;
        if !same(&expected, mac) {
            return Err(format!(
                "{}: the backup does not authenticate (damaged?): nothing restored",
                self.path.display()
            ));
        }
        let summary = Summary::of(&self.snapshot, self.bytes.len() as u64);
        Ok((self.snapshot, summary))
    }
}

/// Compares two MACs in time independent of where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
