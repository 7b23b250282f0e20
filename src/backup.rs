//! `kms backup` and `kms restore` (SPEC sections 3 and 7): a consistent
//! snapshot of every store record (objects, and the key hierarchy's
//! organisation keys) to one file, and its restore into an empty data dir.
//!
//! The file holds the records exactly as the store does: object records
//! sealed under their organisation keys, organisation keys wrapped by a
//! root key. No key is in it in the clear, and it is useless without the
//! root key. JSON lines: a header, then one line per record.
//!
//! ```text
//! {"format":"kms-backup-1","created_at":1764864000,"records":3,"root_key_check_values":["84917FC65B1045EA"]}
//! {"id":"_kms/org-key/","revision":1,"index":[[16777472,"6f72672d6b6579"]],"body":"<base64>"}
//! ...
//! ```
//!
//! A restore reads the whole file and checks it against the configured
//! root key before it writes anything: every organisation key must unwrap
//! and every object record must open. Only then does it create the data
//! dir (with a new development PKI: the TLS files are not in the backup)
//! and the store.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::crypto::{CryptoEngine, SoftwareEngine};
use crate::keys::{self, KeyError, KeyHierarchy};
use crate::ops::ManagedObject;
use crate::pki::{self, PkiError};
use crate::server::{ServerError, root_keys};
use crate::store::{IndexKey, MemoryStore, SledStore, Store, StoreError, StoredObject, WriteBatch};

/// The format name in a backup's header.
pub const FORMAT: &str = "kms-backup-1";
/// Records per store commit when restoring.
const RESTORE_BATCH: usize = 512;

/// Why a backup or a restore failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BackupError {
    /// The backup file could not be read or written.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// No root key is configured for the restore.
    #[error(
        "restore needs the root key the backup was made under: set keys.root_key_file (--root-key-file) or \
         KMS_ROOT_KEY; nothing was written"
    )]
    NoRootKey,
    /// The restore target is not an empty data dir.
    #[error("restore needs an empty (or missing) data dir; {0} is not empty")]
    NotEmpty(PathBuf),
    /// The backup does not open with the configured root key.
    #[error("{0}")]
    Keys(#[from] KeyError),
    /// A record in the backup does not open.
    #[error("record {id} in the backup does not open with the configured keys: {message}; nothing was written")]
    Record {
        /// The record.
        id: String,
        /// Why.
        message: String,
    },
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] StoreError),
    /// The server side (root keys, PKI) failed.
    #[error("{0}")]
    Server(#[from] ServerError),
    /// The development PKI of the restored data dir could not be made.
    #[error(transparent)]
    Pki(#[from] PkiError),
}

/// What a backup or a restore covered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupReport {
    /// Every record.
    pub records: usize,
    /// Of which organisation keys and other hierarchy records.
    pub hierarchy_records: usize,
    /// The root keys the organisation keys are wrapped by.
    pub root_key_check_values: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    created_at: u64,
    records: usize,
    root_key_check_values: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Line {
    id: String,
    revision: u64,
    index: Vec<(u32, String)>,
    body: String,
}

/// Writes a consistent snapshot of `store` to `out` (mode 0600, written to
/// a temporary file, synced, then renamed into place).
pub async fn backup(store: &dyn Store, out: &Path) -> Result<BackupReport, BackupError> {
    let records = store.snapshot().await?;
    let report = report_of(&records);
    let err = |e: std::io::Error| BackupError::File { path: out.to_owned(), message: e.to_string() };
    let header = Header {
        format: FORMAT.to_owned(),
        created_at: SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()),
        records: records.len(),
        root_key_check_values: report.root_key_check_values.clone(),
    };
    let tmp = out.with_extension("tmp");
    let file =
        std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&tmp).map_err(err)?;
    let mut writer = std::io::BufWriter::new(file);
    let json = |e: serde_json::Error| BackupError::File { path: out.to_owned(), message: e.to_string() };
    serde_json::to_writer(&mut writer, &header).map_err(json)?;
    writer.write_all(b"\n").map_err(err)?;
    for record in &records {
        let line = Line {
            id: record.id.clone(),
            revision: record.revision,
            index: record.index.iter().map(|k| (k.field, hex::encode(&k.value))).collect(),
            body: BASE64.encode(&record.body),
        };
        serde_json::to_writer(&mut writer, &line).map_err(json)?;
        writer.write_all(b"\n").map_err(err)?;
    }
    let file = writer.into_inner().map_err(|e| err(e.into_error()))?;
    file.sync_all().map_err(err)?;
    std::fs::rename(&tmp, out).map_err(err)?;
    Ok(report)
}

/// `kms backup` with no server running: the data dir's store opened
/// directly.
pub async fn backup_offline(config: &Config, out: &Path) -> Result<BackupReport, BackupError> {
    let store = open_existing_store(&config.data_dir).await?;
    backup(&store, out).await
}

/// Restores the backup `from` into `config.data_dir`, which must be empty
/// or missing, with the root keys `config` names. Everything is checked
/// before anything is written: the wrong root key writes nothing.
pub async fn restore(config: &Config, from: &Path) -> Result<BackupReport, BackupError> {
    let data_dir = &config.data_dir;
    if !pki::is_empty_data_dir(data_dir) {
        return Err(BackupError::NotEmpty(data_dir.clone()));
    }
    if config.root_key_file.is_none() && config.root_key.is_none() {
        return Err(BackupError::NoRootKey);
    }
    let records = read(from)?;
    let crypto: Arc<dyn CryptoEngine> = Arc::new(SoftwareEngine::new());
    let roots = root_keys(config, &crypto)?;

    // Every record opens in memory first.
    let staging = MemoryStore::new();
    let mut batch = WriteBatch::new();
    for record in &records {
        batch.put(record.clone(), None);
    }
    staging.commit(batch).await?;
    let hierarchy = KeyHierarchy::open(&staging, crypto.clone(), roots).await?;
    for record in records.iter().filter(|r| !keys::is_hierarchy_record(&r.id)) {
        if let Err(e) = decode(&staging, &hierarchy, record).await {
            return Err(BackupError::Record { id: record.id.clone(), message: e });
        }
    }
    drop(hierarchy);

    pki::init(data_dir, false)?;
    let store_dir = data_dir.join("store");
    let store = tokio::task::spawn_blocking(move || SledStore::open(&store_dir))
        .await
        .map_err(|e| BackupError::Server(ServerError::Task(e.to_string())))??;
    for chunk in records.chunks(RESTORE_BATCH) {
        let mut batch = WriteBatch::new();
        for record in chunk {
            batch.put(record.clone(), None);
        }
        store.commit(batch).await?;
    }
    let roots = root_keys(config, &crypto)?;
    KeyHierarchy::open_with_check_file(&store, crypto, roots, &data_dir.join(keys::CHECK_FILE)).await?;
    Ok(report_of(&records))
}

/// Decodes an object record, loading its organisation key on demand.
async fn decode(store: &dyn Store, keys: &KeyHierarchy, record: &StoredObject) -> Result<(), String> {
    let organisation = ManagedObject::stored_organisation(record);
    keys.load_org_key(store, organisation.as_deref()).await.map_err(|e| e.to_string())?;
    ManagedObject::from_stored(record, keys).map(drop).map_err(|e| match e {
        crate::error::KmsError::Keys(e) => e.to_string(),
        other => format!("{other:?}"),
    })
}

/// Reads a backup file's records.
fn read(path: &Path) -> Result<Vec<StoredObject>, BackupError> {
    let err = |message: String| BackupError::File { path: path.to_owned(), message };
    let file = std::fs::File::open(path).map_err(|e| err(e.to_string()))?;
    let mut lines = BufReader::new(file).lines();
    let header: Header = match lines.next() {
        Some(line) => serde_json::from_str(&line.map_err(|e| err(e.to_string()))?)
            .map_err(|e| err(format!("not a kms backup: {e}")))?,
        None => return Err(err("empty file".into())),
    };
    if header.format != FORMAT {
        return Err(err(format!("unknown backup format {:?} (expected {FORMAT})", header.format)));
    }
    let mut records = Vec::with_capacity(header.records);
    for (n, line) in lines.enumerate() {
        let line = line.map_err(|e| err(e.to_string()))?;
        let bad = |what: String| err(format!("line {}: {what}", n + 2));
        let line: Line = serde_json::from_str(&line).map_err(|e| bad(e.to_string()))?;
        let mut index = Vec::with_capacity(line.index.len());
        for (field, value) in line.index {
            index.push(IndexKey { field, value: hex::decode(value).map_err(|e| bad(e.to_string()))? });
        }
        let body = BASE64.decode(line.body).map_err(|e| bad(e.to_string()))?;
        records.push(StoredObject { id: line.id, revision: line.revision, body: Bytes::from(body), index });
    }
    if records.len() != header.records {
        return Err(err(format!("the header announces {} records, the file holds {}", header.records, records.len())));
    }
    Ok(records)
}

fn report_of(records: &[StoredObject]) -> BackupReport {
    let hierarchy_records = records.iter().filter(|r| keys::is_hierarchy_record(&r.id)).count();
    BackupReport { records: records.len(), hierarchy_records, root_key_check_values: keys::check_values_of(records) }
}

async fn open_existing_store(data_dir: &Path) -> Result<SledStore, BackupError> {
    let store_dir = data_dir.join("store");
    if !store_dir.exists() {
        return Err(BackupError::File { path: store_dir, message: "no store in this data dir".into() });
    }
    Ok(tokio::task::spawn_blocking(move || SledStore::open(&store_dir))
        .await
        .map_err(|e| BackupError::Server(ServerError::Task(e.to_string())))??)
}
