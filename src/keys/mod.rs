//! The key hierarchy (SPEC section 3): a root key protects organisation
//! keys; organisation keys seal object records. docs/keys.md has the
//! whole story.
//!
//! ```text
//! root key (RootKeyProvider: env, file, development file; per organisation optionally)
//!   ├─ organisation key (32 random bytes; stored only wrapped, with the root key's check value)
//!   │    └─ object record content (the value in every key format, and the attributes),
//!   │       AES-256-GCM, AAD = object id ‖ revision
//!   └─ service keys (32 random bytes for the server's own uses: the audit chain, backups)
//! ```
//!
//! Organisation and service keys live in the store as records whose ids
//! start with [`RECORD_PREFIX`] (object ids never do), indexed under
//! [`INDEX_HIERARCHY`]. All of them are unwrapped when the hierarchy opens
//! ([`KeyHierarchy::open`]); the check file ([`CHECK_FILE`], [`precheck`])
//! refuses the wrong root key even before the store is opened, so nothing
//! is written. Objects without an organisation use the default
//! organisation's key.
//!
//! [`KeyHierarchy::rotate_root`] re-wraps every key the global root key
//! wraps under a new one while the server serves. Each record names the
//! check value of the key that wrapped it, so a rotation interrupted
//! half-way leaves records readable with the old or the new key, as
//! recorded; running it again finishes it.

mod provider;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use bytes::Bytes;
use serde::{Deserialize, Serialize};
use tracing::{info, warn};
use zeroize::Zeroizing;

pub use self::provider::{KeyCheckValue, ROOT_KEY_LEN, RootKey, RootKeyProvider, RootKeySource, SoftwareRootKey};
use crate::crypto::CryptoEngine;
use crate::store::{IndexKey, Store, StoreError, StoredObject, WriteBatch};

/// Store ids of the hierarchy's own records start with this.
pub const RECORD_PREFIX: &str = "_kms/";
/// Index field of the hierarchy's records (a pseudo-field above the tag
/// range, like `ops`' owner index).
pub const INDEX_HIERARCHY: u32 = 0x0100_0100;
/// The length of an organisation key (AES-256).
pub const ORG_KEY_LEN: usize = 32;

/// The file beside the store naming the root keys that wrap organisation
/// keys (their check values only), so the wrong root key is refused before
/// the store is opened (opening a sled store writes to it).
pub const CHECK_FILE: &str = "root-key-check.json";

const ORG_KEY_PREFIX: &str = "_kms/org-key/";
const SERVICE_KEY_PREFIX: &str = "_kms/service-key/";
const ROTATION_ID: &str = "_kms/root-rotation";
const ORG_KEY_INDEX: &[u8] = b"org-key";
/// The organisation of objects created by identities without one.
const DEFAULT_ORG: &str = "";

/// True for store ids of the hierarchy's own records (not objects).
pub fn is_hierarchy_record(id: &str) -> bool {
    id.starts_with(RECORD_PREFIX)
}

/// Why the key hierarchy failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// A root key file is missing, unreadable or malformed.
    #[error("root key file {path}: {message}")]
    RootKeyFile {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The root key in the PKCS#11 token is unusable.
    #[error("root key {label:?} in the PKCS#11 token: {message}")]
    RootKeyToken {
        /// The key's label.
        label: String,
        /// What is wrong.
        message: String,
    },
    /// The root key variable is malformed.
    #[error("root key environment variable {name}: {message}")]
    RootKeyVariable {
        /// The variable.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// An organisation key was wrapped by a root key that is not available:
    /// the server was started with the wrong root key.
    #[error(
        "wrong root key: the organisation key of {organisation} in this data dir was wrapped by the root key with \
         check value {recorded}, but the root key{available_plural} available {available_verb} {available}. Start \
         the server with the root key this data dir was created with (keys.root_key_file, KMS_ROOT_KEY_FILE or \
         KMS_ROOT_KEY; after a root key rotation, the new key); nothing was written"
    )]
    WrongRootKey {
        /// The organisation (quoted; "the default organisation" for none).
        organisation: String,
        /// The check value the record names.
        recorded: KeyCheckValue,
        /// The available keys' check values and sources.
        available: String,
        /// "s" or "".
        available_plural: &'static str,
        /// "are" or "is".
        available_verb: &'static str,
    },
    /// The data dir's check file names the root keys in use, and the
    /// configured global root key is not one of them (found before the
    /// store is opened).
    #[error(
        "wrong root key: the organisation keys in this data dir are wrapped by the root key with check value \
         {recorded} (as {file} records), but the configured root key ({configured_source}) has check value \
         {configured}. Start the server with the root key this data dir was created with (keys.root_key_file, \
         KMS_ROOT_KEY_FILE or KMS_ROOT_KEY; after a root key rotation, the new key); nothing was written"
    )]
    WrongRootKeyForDataDir {
        /// The check values in use (comma-separated).
        recorded: String,
        /// The check file.
        file: PathBuf,
        /// The configured key's check value.
        configured: KeyCheckValue,
        /// Where the configured key comes from.
        configured_source: String,
    },
    /// The check file could not be read or written.
    #[error("root key check file {path}: {message}")]
    CheckFile {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Wrapped data did not authenticate: the wrong key, or changed data.
    #[error("wrapped data does not authenticate (wrong key, or the data was changed)")]
    Unauthentic,
    /// An organisation key record is not readable.
    #[error("organisation key record {id}: {message}")]
    Corrupt {
        /// The record.
        id: String,
        /// What is wrong.
        message: String,
    },
    /// No key for this organisation is loaded (another replica made it).
    #[error("the organisation key of {0:?} is not loaded")]
    NotLoaded(String),
    /// A rotation is already running.
    #[error("a root key rotation is already running")]
    RotationRunning,
    /// A rotation stopped before its end (test hook).
    #[error("root key rotation interrupted after {0} organisation keys")]
    Interrupted(usize),
    /// The cryptographic engine failed.
    #[error("cryptographic engine: {0}")]
    Crypto(String),
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

/// The root keys a hierarchy may use.
pub struct RootKeys {
    /// The global root key: wraps the keys of organisations without their
    /// own, and the default organisation's.
    pub global: Arc<dyn RootKeyProvider>,
    /// Per-organisation root keys.
    pub organisations: HashMap<String, Arc<dyn RootKeyProvider>>,
}

impl RootKeys {
    /// Only a global key.
    pub fn global(global: Arc<dyn RootKeyProvider>) -> RootKeys {
        RootKeys { global, organisations: HashMap::new() }
    }

    /// The sources loaded.
    pub fn load(
        global: &RootKeySource,
        organisations: &[(String, RootKeySource)],
        crypto: &Arc<dyn CryptoEngine>,
    ) -> Result<RootKeys, KeyError> {
        let global = global.load(crypto.clone())?;
        let mut map = HashMap::new();
        for (org, source) in organisations {
            map.insert(org.clone(), source.load(crypto.clone())?);
        }
        Ok(RootKeys { global, organisations: map })
    }
}

/// An unwrapped organisation key. No `Clone`, a redacting `Debug`,
/// zeroized on drop.
struct OrgKey {
    material: Zeroizing<Vec<u8>>,
}

impl std::fmt::Debug for OrgKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OrgKey(..)")
    }
}

/// An organisation key record as stored (JSON).
#[derive(Debug, Serialize, Deserialize)]
struct OrgKeyRecord {
    format: u32,
    organisation: String,
    /// Set for a service key (then `organisation` is empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    service: Option<String>,
    /// The check value of the root key that wrapped it.
    root_key_check_value: String,
    /// `nonce ‖ ciphertext ‖ tag`, hex.
    wrapped: String,
}

/// A rotation in progress (JSON), so an interrupted one can be finished.
#[derive(Debug, Serialize, Deserialize)]
struct RotationRecord {
    format: u32,
    new_root_key_check_value: String,
    new_root_key_file: Option<PathBuf>,
    old_root_key_check_value: String,
    old_root_key_file: Option<PathBuf>,
}

/// The check file: the check values of the root keys that wrap at least
/// one organisation key (during a rotation, both keys).
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct CheckFile {
    format: u32,
    root_key_check_values: Vec<String>,
}

/// Refuses `roots` before the store is opened if the data dir's check file
/// (`path`) names root keys in use and none of the configured ones (the
/// global key, the per-organisation keys) is among them. A missing or
/// empty file passes (a new data dir). This is the first line: opening the
/// hierarchy then checks every organisation key against the key its record
/// names.
pub fn precheck(path: &Path, roots: &RootKeys) -> Result<(), KeyError> {
    let Some(file) = read_check_file(path)? else {
        return Ok(());
    };
    let configured = roots.global.check_value();
    let available = std::iter::once(configured)
        .chain(roots.organisations.values().map(|p| p.check_value()))
        .any(|check| file.root_key_check_values.contains(&check.to_string()));
    if file.root_key_check_values.is_empty() || available {
        return Ok(());
    }
    Err(KeyError::WrongRootKeyForDataDir {
        recorded: file.root_key_check_values.join(", "),
        file: path.to_owned(),
        configured,
        configured_source: roots.global.description(),
    })
}

fn read_check_file(path: &Path) -> Result<Option<CheckFile>, KeyError> {
    let err = |message: String| KeyError::CheckFile { path: path.to_owned(), message };
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| err(e.to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(err(e.to_string())),
    }
}

/// Writes the check file atomically and durably (a temporary file, fsync,
/// rename, fsync of the directory).
fn write_check_file(path: &Path, values: &[String]) -> Result<(), KeyError> {
    use std::io::Write;
    let err = |message: String| KeyError::CheckFile { path: path.to_owned(), message };
    let mut sorted = values.to_vec();
    sorted.sort();
    sorted.dedup();
    let file = CheckFile { format: 1, root_key_check_values: sorted };
    if read_check_file(path).ok().flatten().as_ref() == Some(&file) {
        return Ok(());
    }
    let mut text = serde_json::to_vec_pretty(&file).map_err(|e| err(e.to_string()))?;
    text.push(b'\n');
    let tmp = path.with_extension("json.tmp");
    let mut out = std::fs::File::create(&tmp).map_err(|e| err(e.to_string()))?;
    out.write_all(&text).map_err(|e| err(e.to_string()))?;
    out.sync_all().map_err(|e| err(e.to_string()))?;
    std::fs::rename(&tmp, path).map_err(|e| err(e.to_string()))?;
    if let Some(dir) = path.parent()
        && let Ok(dir) = std::fs::File::open(dir)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// What a rotation did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RotationReport {
    /// Organisation keys re-wrapped now.
    pub rewrapped: usize,
    /// Organisation keys already under the new key (an earlier, interrupted
    /// run).
    pub already_rotated: usize,
    /// Organisation keys under their own organisation's root key (not
    /// touched).
    pub own_root_key: usize,
    /// The new root key's check value.
    pub new_check_value: String,
}

/// The key hierarchy: root keys and the unwrapped organisation keys.
pub struct KeyHierarchy {
    crypto: Arc<dyn CryptoEngine>,
    roots: RwLock<Roots>,
    org_keys: RwLock<HashMap<String, Arc<OrgKey>>>,
    /// Held (read) while an organisation key is wrapped and written, and
    /// (write) while a rotation swaps the global key: no key is wrapped
    /// under a global key a rotation has already passed.
    wrapping: tokio::sync::RwLock<()>,
    rotating: tokio::sync::Mutex<()>,
    /// The check file, and the check values it names.
    check_file: Option<PathBuf>,
    check_values: std::sync::Mutex<Vec<String>>,
}

struct Roots {
    keys: RootKeys,
    /// Keys only read with: a pending rotation's other key.
    extra: Vec<Arc<dyn RootKeyProvider>>,
}

impl Roots {
    fn for_org(&self, org: &str) -> Arc<dyn RootKeyProvider> {
        self.keys.organisations.get(org).cloned().unwrap_or_else(|| self.keys.global.clone())
    }

    fn with_check_value(&self, org: &str, check: KeyCheckValue) -> Option<Arc<dyn RootKeyProvider>> {
        self.keys
            .organisations
            .get(org)
            .into_iter()
            .chain(std::iter::once(&self.keys.global))
            .chain(self.extra.iter())
            .chain(self.keys.organisations.values())
            .find(|p| p.check_value() == check)
            .cloned()
    }

    fn describe(&self, org: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut push = |p: &Arc<dyn RootKeyProvider>| {
            let line = format!("{} ({})", p.check_value(), p.description());
            if !out.contains(&line) {
                out.push(line);
            }
        };
        if let Some(own) = self.keys.organisations.get(org) {
            push(own);
        }
        push(&self.keys.global);
        self.extra.iter().for_each(&mut push);
        out
    }
}

impl std::fmt::Debug for KeyHierarchy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyHierarchy").finish_non_exhaustive()
    }
}

impl KeyHierarchy {
    /// A hierarchy with a random root key kept in memory: for in-memory
    /// stores (tests), whose data dies with the process anyway.
    pub fn ephemeral(crypto: Arc<dyn CryptoEngine>) -> Result<KeyHierarchy, KeyError> {
        let root = SoftwareRootKey::ephemeral(crypto.clone())?;
        Ok(KeyHierarchy::new(crypto, RootKeys::global(Arc::new(root))))
    }

    fn new(crypto: Arc<dyn CryptoEngine>, keys: RootKeys) -> KeyHierarchy {
        KeyHierarchy {
            crypto,
            roots: RwLock::new(Roots { keys, extra: Vec::new() }),
            org_keys: RwLock::new(HashMap::new()),
            wrapping: tokio::sync::RwLock::new(()),
            rotating: tokio::sync::Mutex::new(()),
            check_file: None,
            check_values: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// [`KeyHierarchy::open`], keeping the check file `check_file` (see
    /// [`precheck`]) up to date: written now from the store's records, and
    /// before any organisation key is stored under a root key it does not
    /// name yet.
    pub async fn open_with_check_file(
        store: &dyn Store,
        crypto: Arc<dyn CryptoEngine>,
        keys: RootKeys,
        check_file: &Path,
    ) -> Result<KeyHierarchy, KeyError> {
        precheck(check_file, &keys)?;
        let mut hierarchy = KeyHierarchy::open(store, crypto, keys).await?;
        hierarchy.check_file = Some(check_file.to_owned());
        let mut values = hierarchy.check_values_in_use(store).await?;
        if let Some(rotation) = hierarchy.pending_rotation(store).await? {
            values.push(rotation.old_root_key_check_value);
            values.push(rotation.new_root_key_check_value);
        }
        write_check_file(check_file, &values)?;
        *hierarchy.lock_check_values()? = values;
        Ok(hierarchy)
    }

    /// Adds `check` to the check file before anything is stored under it.
    fn note_check_value(&self, check: KeyCheckValue) -> Result<(), KeyError> {
        let Some(path) = &self.check_file else {
            return Ok(());
        };
        let mut values = self.lock_check_values()?;
        let check = check.to_string();
        if !values.contains(&check) {
            let mut next = values.clone();
            next.push(check);
            write_check_file(path, &next)?;
            *values = next;
        }
        Ok(())
    }

    /// Rewrites the check file with exactly the check values the records
    /// name.
    async fn refresh_check_file(&self, store: &dyn Store) -> Result<(), KeyError> {
        let Some(path) = &self.check_file else {
            return Ok(());
        };
        let values = self.check_values_in_use(store).await?;
        write_check_file(path, &values)?;
        *self.lock_check_values()? = values;
        Ok(())
    }

    async fn check_values_in_use(&self, store: &dyn Store) -> Result<Vec<String>, KeyError> {
        let mut values = Vec::new();
        for record in self.org_key_records(store).await? {
            values.push(parse_org_key_record(&record)?.root_key_check_value);
        }
        values.sort();
        values.dedup();
        Ok(values)
    }

    fn lock_check_values(&self) -> Result<std::sync::MutexGuard<'_, Vec<String>>, KeyError> {
        self.check_values.lock().map_err(|_| KeyError::Crypto("check value lock poisoned".into()))
    }

    /// Opens the hierarchy of `store`: unwraps every organisation key with
    /// the root key its record names. Reads only: a root key that does not
    /// match fails with [`KeyError::WrongRootKey`] and nothing is written.
    /// An interrupted rotation's keys are read from the files it recorded.
    pub async fn open(
        store: &dyn Store,
        crypto: Arc<dyn CryptoEngine>,
        keys: RootKeys,
    ) -> Result<KeyHierarchy, KeyError> {
        let hierarchy = KeyHierarchy::new(crypto, keys);
        if let Some(rotation) = hierarchy.pending_rotation(store).await? {
            // The configured key must be one of the two: the other is then
            // read from the file the rotation recorded.
            let configured = hierarchy.global_check_value()?.to_string();
            let files = if configured == rotation.new_root_key_check_value {
                vec![&rotation.old_root_key_file]
            } else if configured == rotation.old_root_key_check_value {
                vec![&rotation.new_root_key_file]
            } else {
                Vec::new()
            };
            let mut extra = Vec::new();
            for file in files.into_iter().flatten() {
                match RootKeySource::File(file.clone()).load(hierarchy.crypto.clone()) {
                    Ok(provider) => extra.push(provider),
                    Err(e) => warn!(error = %e, "a root key recorded by an unfinished rotation cannot be read"),
                }
            }
            warn!(
                new = %rotation.new_root_key_check_value,
                file = ?rotation.new_root_key_file,
                "a root key rotation is unfinished: run `kms rotate-root --new-key-file FILE` again with the same \
                 new key to finish it"
            );
            hierarchy.write_roots()?.extra = extra;
        }
        for record in hierarchy.org_key_records(store).await? {
            let (org, key) = hierarchy.unwrap_record(&record)?;
            hierarchy.write_org_keys()?.insert(org, Arc::new(key));
        }
        Ok(hierarchy)
    }

    /// The global root key's check value.
    pub fn global_check_value(&self) -> Result<KeyCheckValue, KeyError> {
        Ok(self.read_roots()?.keys.global.check_value())
    }

    /// The number of organisation keys loaded (service keys not counted).
    pub fn organisation_keys(&self) -> usize {
        self.org_keys.read().map(|m| m.keys().filter(|slot| !slot.starts_with('\0')).count()).unwrap_or(0)
    }

    /// Makes sure the key of `organisation` is loaded, creating it (wrapped
    /// by the organisation's root key, else the global one) and storing
    /// it if it does not exist yet.
    pub async fn ensure_org_key(&self, store: &dyn Store, organisation: Option<&str>) -> Result<(), KeyError> {
        self.ensure_slot(store, organisation.unwrap_or(DEFAULT_ORG)).await
    }

    /// A 32-byte key the server itself uses for `purpose` (to derive the
    /// audit chain's key, or backups'): made on first use, stored wrapped
    /// by the global root key like an organisation key, and re-wrapped by
    /// rotations, so what it protects outlives a root key rotation. The
    /// root key itself is never read (a token's key never leaves it).
    pub async fn service_key(&self, store: &dyn Store, purpose: &str) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        let slot = service_slot(purpose);
        self.ensure_slot(store, &slot).await?;
        let key = self.read_org_keys()?.get(&slot).cloned().ok_or_else(|| KeyError::NotLoaded(purpose.to_owned()))?;
        Ok(Zeroizing::new(key.material.to_vec()))
    }

    /// Makes sure the key in `slot` (an organisation, or a service key's
    /// [`service_slot`]) is loaded, creating and storing it if needed.
    async fn ensure_slot(&self, store: &dyn Store, org: &str) -> Result<(), KeyError> {
        if self.read_org_keys()?.contains_key(org) {
            return Ok(());
        }
        if self.load_slot(store, org).await? {
            return Ok(());
        }
        let _gate = self.wrapping.read().await;
        let mut material = self.crypto.generate_key(ORG_KEY_LEN).map_err(|e| KeyError::Crypto(e.to_string()))?;
        let provider = self.read_roots()?.for_org(org);
        self.note_check_value(provider.check_value())?;
        let record = new_record(org, provider.check_value(), &provider.wrap(&material, &org_key_aad(org))?);
        let mut batch = WriteBatch::new();
        batch.put(org_key_stored(org, 1, &record)?, None);
        match store.commit(batch).await {
            Ok(()) => {
                info!(key = %slot_name(org), root_key = %provider.check_value(), "created an organisation key");
                let key = OrgKey { material: std::mem::take(&mut material) };
                self.write_org_keys()?.entry(org.to_owned()).or_insert_with(|| Arc::new(key));
                Ok(())
            }
            // Someone else created it first: theirs is the one.
            Err(StoreError::Conflict { .. }) => {
                if self.load_slot(store, org).await? {
                    Ok(())
                } else {
                    Err(KeyError::NotLoaded(org.to_owned()))
                }
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Loads the key of `organisation` from the store if it is there;
    /// true if it is now loaded.
    pub async fn load_org_key(&self, store: &dyn Store, organisation: Option<&str>) -> Result<bool, KeyError> {
        self.load_slot(store, organisation.unwrap_or(DEFAULT_ORG)).await
    }

    async fn load_slot(&self, store: &dyn Store, org: &str) -> Result<bool, KeyError> {
        let Some(record) = store.get(&org_key_id(org)).await? else {
            return Ok(false);
        };
        let (org, key) = self.unwrap_record(&record)?;
        self.write_org_keys()?.entry(org).or_insert_with(|| Arc::new(key));
        Ok(true)
    }

    /// Encrypts an object's value (its TTLV) under its organisation's key,
    /// bound to the object's id and revision. The key must be loaded
    /// ([`KeyHierarchy::ensure_org_key`]).
    pub fn seal_value(
        &self,
        organisation: Option<&str>,
        id: &str,
        revision: u64,
        plaintext: &[u8],
    ) -> Result<Vec<u8>, KeyError> {
        let key = self.org_key(organisation)?;
        provider::seal(self.crypto.as_ref(), &key.material, plaintext, &value_aad(id, revision))
    }

    /// Decrypts what [`KeyHierarchy::seal_value`] made.
    pub fn open_value(
        &self,
        organisation: Option<&str>,
        id: &str,
        revision: u64,
        sealed: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        let key = self.org_key(organisation)?;
        provider::open(self.crypto.as_ref(), &key.material, sealed, &value_aad(id, revision))
    }

    /// Re-wraps every organisation key wrapped by the global root key
    /// under `new`, which becomes the global root key; organisation keys
    /// under their own organisation's root key stay as they are. New
    /// organisation keys made meanwhile are wrapped under `new`. The new
    /// key's file (if any) and the old one's are recorded first, so an
    /// interrupted rotation can be read and finished.
    pub async fn rotate_root(
        &self,
        store: &dyn Store,
        new: Arc<dyn RootKeyProvider>,
    ) -> Result<RotationReport, KeyError> {
        self.rotate_root_until(store, new, usize::MAX).await
    }

    /// [`KeyHierarchy::rotate_root`] that stops (as a crash would, leaving
    /// everything as it is) after re-wrapping `stop_after` keys: for tests
    /// of interrupted rotations. Nothing in the server calls it with
    /// anything but `usize::MAX`.
    #[doc(hidden)]
    pub async fn rotate_root_until(
        &self,
        store: &dyn Store,
        new: Arc<dyn RootKeyProvider>,
        stop_after: usize,
    ) -> Result<RotationReport, KeyError> {
        let Ok(_running) = self.rotating.try_lock() else {
            return Err(KeyError::RotationRunning);
        };
        let old = self.read_roots()?.keys.global.clone();
        let new_check = new.check_value();
        if old.check_value() != new_check {
            let record = RotationRecord {
                format: 1,
                new_root_key_check_value: new_check.to_string(),
                new_root_key_file: new.source_file().map(absolute),
                old_root_key_check_value: old.check_value().to_string(),
                old_root_key_file: old.source_file().map(absolute),
            };
            let body = serde_json::to_vec(&record).map_err(|e| KeyError::Crypto(e.to_string()))?;
            let revision = store.revision(ROTATION_ID).await?;
            let mut batch = WriteBatch::new();
            batch.put(
                StoredObject {
                    id: ROTATION_ID.to_owned(),
                    revision: revision.unwrap_or(0) + 1,
                    body: Bytes::from(body),
                    index: Vec::new(),
                },
                revision,
            );
            store.commit(batch).await?;
            self.note_check_value(new_check)?;
            let _gate = self.wrapping.write().await;
            let mut roots = self.write_roots()?;
            roots.keys.global = new.clone();
            if !roots.extra.iter().any(|p| p.check_value() == old.check_value()) {
                roots.extra.push(old.clone());
            }
        }
        info!(new = %new_check, "root key rotation: re-wrapping organisation keys");
        let mut report = RotationReport {
            rewrapped: 0,
            already_rotated: 0,
            own_root_key: 0,
            new_check_value: new_check.to_string(),
        };
        for record in self.org_key_records(store).await? {
            let parsed = parse_org_key_record(&record)?;
            let recorded = check_value_of(&record.id, &parsed)?;
            let own = self.read_roots()?.keys.organisations.get(&slot_of(&parsed)).map(|p| p.check_value());
            if recorded == new_check {
                report.already_rotated += 1;
                continue;
            }
            if own == Some(recorded) {
                report.own_root_key += 1;
                continue;
            }
            if report.rewrapped >= stop_after {
                return Err(KeyError::Interrupted(report.rewrapped));
            }
            let (org, key) = self.unwrap_record(&record)?;
            let rewrapped = new_record(&org, new_check, &new.wrap(&key.material, &org_key_aad(&org))?);
            let mut batch = WriteBatch::new();
            batch.put(org_key_stored(&org, record.revision + 1, &rewrapped)?, Some(record.revision));
            store.commit(batch).await?;
            report.rewrapped += 1;
        }
        if let Some(revision) = store.revision(ROTATION_ID).await? {
            let mut batch = WriteBatch::new();
            batch.delete(ROTATION_ID, revision);
            store.commit(batch).await?;
        }
        self.write_roots()?.extra.clear();
        self.refresh_check_file(store).await?;
        info!(
            new = %new_check,
            rewrapped = report.rewrapped,
            already = report.already_rotated,
            "root key rotation finished: configure the new root key before the next start"
        );
        Ok(report)
    }

    async fn pending_rotation(&self, store: &dyn Store) -> Result<Option<RotationRecord>, KeyError> {
        let Some(record) = store.get(ROTATION_ID).await? else {
            return Ok(None);
        };
        serde_json::from_slice(&record.body)
            .map(Some)
            .map_err(|e| KeyError::Corrupt { id: ROTATION_ID.into(), message: e.to_string() })
    }

    async fn org_key_records(&self, store: &dyn Store) -> Result<Vec<StoredObject>, KeyError> {
        let ids = store.find(&org_key_index()).await?;
        let mut records = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(record) = store.get(&id).await? {
                records.push(record);
            }
        }
        Ok(records)
    }

    fn unwrap_record(&self, record: &StoredObject) -> Result<(String, OrgKey), KeyError> {
        let parsed = parse_org_key_record(record)?;
        let recorded = check_value_of(&record.id, &parsed)?;
        let org = slot_of(&parsed);
        let provider = {
            let roots = self.read_roots()?;
            match roots.with_check_value(&org, recorded) {
                Some(provider) => provider,
                None => {
                    let available = roots.describe(&org);
                    let plural = available.len() > 1;
                    return Err(KeyError::WrongRootKey {
                        organisation: slot_name(&org),
                        recorded,
                        available_plural: if plural { "s" } else { "" },
                        available_verb: if plural { "are" } else { "is" },
                        available: available.join(", "),
                    });
                }
            }
        };
        let wrapped = hex::decode(&parsed.wrapped)
            .map_err(|e| KeyError::Corrupt { id: record.id.clone(), message: e.to_string() })?;
        let material = provider.unwrap(&wrapped, &org_key_aad(&org))?;
        if material.len() != ORG_KEY_LEN {
            return Err(KeyError::Corrupt { id: record.id.clone(), message: "not a 32-byte key".into() });
        }
        Ok((org, OrgKey { material }))
    }

    fn org_key(&self, organisation: Option<&str>) -> Result<Arc<OrgKey>, KeyError> {
        let org = organisation.unwrap_or(DEFAULT_ORG);
        self.read_org_keys()?.get(org).cloned().ok_or_else(|| KeyError::NotLoaded(org.to_owned()))
    }

    fn read_roots(&self) -> Result<std::sync::RwLockReadGuard<'_, Roots>, KeyError> {
        self.roots.read().map_err(|_| KeyError::Crypto("root key lock poisoned".into()))
    }

    fn write_roots(&self) -> Result<std::sync::RwLockWriteGuard<'_, Roots>, KeyError> {
        self.roots.write().map_err(|_| KeyError::Crypto("root key lock poisoned".into()))
    }

    fn read_org_keys(&self) -> Result<std::sync::RwLockReadGuard<'_, HashMap<String, Arc<OrgKey>>>, KeyError> {
        self.org_keys.read().map_err(|_| KeyError::Crypto("organisation key lock poisoned".into()))
    }

    fn write_org_keys(&self) -> Result<std::sync::RwLockWriteGuard<'_, HashMap<String, Arc<OrgKey>>>, KeyError> {
        self.org_keys.write().map_err(|_| KeyError::Crypto("organisation key lock poisoned".into()))
    }
}

/// The slot of a service key: its purpose behind a NUL, which no
/// organisation name holds (certificates' O and OU with one are ignored).
fn service_slot(purpose: &str) -> String {
    format!("\0{purpose}")
}

/// What a slot holds, for messages: `"acme"`, the default organisation,
/// the service key "audit".
fn slot_name(slot: &str) -> String {
    match slot.strip_prefix('\0') {
        Some(purpose) => format!("the service key {purpose:?}"),
        None if slot.is_empty() => "the default organisation".into(),
        None => format!("{slot:?}"),
    }
}

fn slot_of(record: &OrgKeyRecord) -> String {
    match &record.service {
        Some(purpose) => service_slot(purpose),
        None => record.organisation.clone(),
    }
}

fn new_record(slot: &str, check: KeyCheckValue, wrapped: &[u8]) -> OrgKeyRecord {
    let (organisation, service) = match slot.strip_prefix('\0') {
        Some(purpose) => (String::new(), Some(purpose.to_owned())),
        None => (slot.to_owned(), None),
    };
    OrgKeyRecord {
        format: 1,
        organisation,
        service,
        root_key_check_value: check.to_string(),
        wrapped: hex::encode(wrapped),
    }
}

fn org_key_id(slot: &str) -> String {
    match slot.strip_prefix('\0') {
        Some(purpose) => format!("{SERVICE_KEY_PREFIX}{purpose}"),
        None => format!("{ORG_KEY_PREFIX}{slot}"),
    }
}

fn org_key_index() -> IndexKey {
    IndexKey { field: INDEX_HIERARCHY, value: ORG_KEY_INDEX.to_vec() }
}

fn org_key_aad(slot: &str) -> Vec<u8> {
    let (label, name): (&[u8], &str) = match slot.strip_prefix('\0') {
        Some(purpose) => (b"kms service key v1\0", purpose),
        None => (b"kms organisation key v1\0", slot),
    };
    let mut aad = label.to_vec();
    aad.extend_from_slice(name.as_bytes());
    aad
}

fn value_aad(id: &str, revision: u64) -> Vec<u8> {
    let mut aad = Vec::with_capacity(24 + id.len());
    aad.extend_from_slice(b"kms object v1\0");
    aad.extend_from_slice(id.as_bytes());
    aad.push(0);
    aad.extend_from_slice(&revision.to_be_bytes());
    aad
}

fn org_key_stored(org: &str, revision: u64, record: &OrgKeyRecord) -> Result<StoredObject, KeyError> {
    let body = serde_json::to_vec(record).map_err(|e| KeyError::Crypto(e.to_string()))?;
    Ok(StoredObject { id: org_key_id(org), revision, body: Bytes::from(body), index: vec![org_key_index()] })
}

fn parse_org_key_record(record: &StoredObject) -> Result<OrgKeyRecord, KeyError> {
    let parsed: OrgKeyRecord = serde_json::from_slice(&record.body)
        .map_err(|e| KeyError::Corrupt { id: record.id.clone(), message: e.to_string() })?;
    if parsed.format != 1 || record.id != org_key_id(&slot_of(&parsed)) {
        return Err(KeyError::Corrupt { id: record.id.clone(), message: "unknown format or misplaced record".into() });
    }
    Ok(parsed)
}

fn check_value_of(id: &str, record: &OrgKeyRecord) -> Result<KeyCheckValue, KeyError> {
    KeyCheckValue::parse(&record.root_key_check_value)
        .ok_or_else(|| KeyError::Corrupt { id: id.to_owned(), message: "malformed root key check value".into() })
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}
