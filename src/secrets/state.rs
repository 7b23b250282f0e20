//! The secrets model in memory, and its persistence: one meta record per
//! project, folder, secret (with its versions), tag, import and
//! membership, loaded on first use; every change is one atomic store
//! commit (with its audit entry) applied to memory after it succeeded.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard};

use bytes::Bytes;
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::sync::{Mutex, MutexGuard, OnceCell};

use super::SecretsError;
use super::model::{FolderRecord, ImportRecord, MembershipRecord, ProjectRecord, SecretRecord, TagRecord};
use super::paths;
use crate::store::{Store, WriteBatch};

/// Store namespace of projects (key: project id).
pub const PROJECTS: &str = "secrets.projects";
/// Store namespace of folders (key: folder id).
pub const FOLDERS: &str = "secrets.folders";
/// Store namespace of secrets with their versions (key: secret id).
pub const SECRETS: &str = "secrets.items";
/// Store namespace of tags (key: tag id).
pub const TAGS: &str = "secrets.tags";
/// Store namespace of imports (key: import id).
pub const IMPORTS: &str = "secrets.imports";
/// Store namespace of memberships (key: `PROJECT/IDENTITY`).
pub const MEMBERS: &str = "secrets.members";

/// The secrets service's state, kept by [`crate::ops::Kms`]; empty until
/// first used.
#[derive(Default)]
pub struct SecretsState {
    index: OnceCell<RwLock<Index>>,
    /// Serialises changes (reads never wait for it).
    changes: Mutex<()>,
    /// The organisation keys of every project are loaded.
    keys_ready: AtomicBool,
}

impl std::fmt::Debug for SecretsState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretsState").finish_non_exhaustive()
    }
}

/// One record to write or remove.
pub(crate) enum Change {
    Project(Arc<ProjectRecord>),
    Folder(Arc<FolderRecord>),
    RemoveFolder(String),
    Secret(Arc<SecretRecord>),
    RemoveSecret(String),
    Tag(Arc<TagRecord>),
    Import(Arc<ImportRecord>),
    RemoveImport(String),
    Member(MembershipRecord),
}

/// Every record, and the indexes reads use.
#[derive(Default)]
pub(crate) struct Index {
    pub(crate) projects: HashMap<String, Arc<ProjectRecord>>,
    /// (organisation, slug) → project id.
    pub(crate) slugs: HashMap<(Option<String>, String), String>,
    pub(crate) folders: HashMap<String, Arc<FolderRecord>>,
    /// Folder id → its path.
    pub(crate) folder_paths: HashMap<String, String>,
    /// (project, environment, path) → folder id.
    pub(crate) by_path: HashMap<(String, String, String), String>,
    /// Folder id → child name → child id.
    pub(crate) children: HashMap<String, BTreeMap<String, String>>,
    pub(crate) secrets: HashMap<String, Arc<SecretRecord>>,
    /// Folder id → key → secret id.
    pub(crate) by_folder: HashMap<String, BTreeMap<String, String>>,
    pub(crate) tags: HashMap<String, Arc<TagRecord>>,
    pub(crate) imports: HashMap<String, Arc<ImportRecord>>,
    /// (project, identity key) → membership.
    pub(crate) members: HashMap<(String, String), MembershipRecord>,
}

impl Index {
    fn apply(&mut self, change: Change) -> bool {
        let mut folders_changed = false;
        match change {
            Change::Project(project) => {
                self.slugs.insert((project.organisation.clone(), project.slug.clone()), project.id.clone());
                self.projects.insert(project.id.clone(), project);
            }
            Change::Folder(folder) => {
                self.folders.insert(folder.id.clone(), folder);
                folders_changed = true;
            }
            Change::RemoveFolder(id) => {
                self.folders.remove(&id);
                self.by_folder.remove(&id);
                folders_changed = true;
            }
            Change::Secret(secret) => {
                if let Some(old) = self.secrets.get(&secret.id)
                    && let Some(keys) = self.by_folder.get_mut(&old.folder)
                {
                    keys.remove(&old.key);
                }
                self.by_folder.entry(secret.folder.clone()).or_default().insert(secret.key.clone(), secret.id.clone());
                self.secrets.insert(secret.id.clone(), secret);
            }
            Change::RemoveSecret(id) => {
                if let Some(old) = self.secrets.remove(&id)
                    && let Some(keys) = self.by_folder.get_mut(&old.folder)
                {
                    keys.remove(&old.key);
                }
            }
            Change::Tag(tag) => {
                self.tags.insert(tag.id.clone(), tag);
            }
            Change::Import(import) => {
                self.imports.insert(import.id.clone(), import);
            }
            Change::RemoveImport(id) => {
                self.imports.remove(&id);
            }
            Change::Member(member) => {
                self.members.insert((member.project.clone(), member.identity.clone()), member);
            }
        }
        folders_changed
    }

    /// Rebuilds the folder paths and the path and child indexes.
    fn index_folders(&mut self) {
        self.folder_paths.clear();
        self.by_path.clear();
        self.children.clear();
        for folder in self.folders.values() {
            if let Some(parent) = &folder.parent {
                self.children.entry(parent.clone()).or_default().insert(folder.name.clone(), folder.id.clone());
            }
        }
        let roots: Vec<Arc<FolderRecord>> = self.folders.values().filter(|f| f.parent.is_none()).cloned().collect();
        let mut stack: Vec<(String, String)> = roots.iter().map(|r| (r.id.clone(), "/".to_owned())).collect();
        while let Some((id, path)) = stack.pop() {
            if let Some(folder) = self.folders.get(&id) {
                self.by_path.insert((folder.project.clone(), folder.environment.clone(), path.clone()), id.clone());
            }
            if let Some(children) = self.children.get(&id) {
                for (name, child) in children {
                    stack.push((child.clone(), paths::join(&path, name)));
                }
            }
            self.folder_paths.insert(id, path);
        }
    }

    /// The folder at `path` of `environment` in `project`.
    pub(crate) fn folder_at(&self, project: &str, environment: &str, path: &str) -> Option<&Arc<FolderRecord>> {
        let id = self.by_path.get(&(project.to_owned(), environment.to_owned(), path.to_owned()))?;
        self.folders.get(id)
    }

    /// The path of folder `id` (`/` if unknown).
    pub(crate) fn path_of(&self, id: &str) -> &str {
        self.folder_paths.get(id).map_or("/", String::as_str)
    }

    /// The secret `key` in folder `folder`.
    pub(crate) fn secret_in(&self, folder: &str, key: &str) -> Option<&Arc<SecretRecord>> {
        self.secrets.get(self.by_folder.get(folder)?.get(key)?)
    }

    /// The folder and its descendants, ids in path order.
    pub(crate) fn subtree(&self, folder: &str) -> Vec<String> {
        let mut out = vec![folder.to_owned()];
        let mut i = 0;
        while i < out.len() {
            if let Some(children) = self.children.get(&out[i]) {
                out.extend(children.values().cloned());
            }
            i += 1;
        }
        out.sort_by(|a, b| self.path_of(a).cmp(self.path_of(b)));
        out
    }

    /// The imports of folder `folder`, in position order.
    pub(crate) fn imports_of(&self, folder: &str) -> Vec<Arc<ImportRecord>> {
        let mut imports: Vec<Arc<ImportRecord>> =
            self.imports.values().filter(|i| i.folder == folder).cloned().collect();
        imports.sort_by_key(|i| (i.position, i.created_at, i.id.clone()));
        imports
    }
}

impl SecretsState {
    /// The index, loaded from `store` on first use.
    pub(crate) async fn read(&self, store: &dyn Store) -> Result<RwLockReadGuard<'_, Index>, SecretsError> {
        let index = self.loaded(store).await?;
        // A panic under the write lock happens between whole changes.
        Ok(index.read().unwrap_or_else(PoisonError::into_inner))
    }

    async fn loaded(&self, store: &dyn Store) -> Result<&RwLock<Index>, SecretsError> {
        self.index
            .get_or_try_init(|| async {
                let mut index = Index::default();
                for project in load::<ProjectRecord>(store, PROJECTS).await? {
                    index.apply(Change::Project(Arc::new(project)));
                }
                for folder in load::<FolderRecord>(store, FOLDERS).await? {
                    index.apply(Change::Folder(Arc::new(folder)));
                }
                index.index_folders();
                for secret in load::<SecretRecord>(store, SECRETS).await? {
                    index.apply(Change::Secret(Arc::new(secret)));
                }
                for tag in load::<TagRecord>(store, TAGS).await? {
                    index.apply(Change::Tag(Arc::new(tag)));
                }
                for import in load::<ImportRecord>(store, IMPORTS).await? {
                    index.apply(Change::Import(Arc::new(import)));
                }
                for member in load::<MembershipRecord>(store, MEMBERS).await? {
                    index.apply(Change::Member(member));
                }
                Ok::<_, SecretsError>(RwLock::new(index))
            })
            .await
    }

    /// True once the organisation keys of the loaded projects are loaded.
    pub(crate) fn keys_ready(&self) -> bool {
        self.keys_ready.load(Ordering::Acquire)
    }

    /// Notes that the organisation keys are loaded.
    pub(crate) fn set_keys_ready(&self) {
        self.keys_ready.store(true, Ordering::Release);
    }

    /// Takes the change lock (one writer at a time: a writer reads the
    /// index, decides, commits, applies).
    pub(crate) async fn lock(&self) -> MutexGuard<'_, ()> {
        self.changes.lock().await
    }

    /// Commits `changes` with the audit entries `log` in one store commit,
    /// then applies them to memory. The caller holds [`SecretsState::lock`].
    pub(crate) async fn commit(
        &self,
        store: &dyn Store,
        audit: Option<&crate::audit::AuditLog>,
        changes: Vec<Change>,
        log: Vec<Bytes>,
    ) -> Result<(), SecretsError> {
        let index = self.loaded(store).await?;
        let mut batch = WriteBatch::new();
        for change in &changes {
            match change {
                Change::Project(p) => put(&mut batch, PROJECTS, &p.id, p.as_ref())?,
                Change::Folder(f) => put(&mut batch, FOLDERS, &f.id, f.as_ref())?,
                Change::RemoveFolder(id) => {
                    batch.delete_meta(FOLDERS, id.clone());
                }
                Change::Secret(s) => put(&mut batch, SECRETS, &s.id, s.as_ref())?,
                Change::RemoveSecret(id) => {
                    batch.delete_meta(SECRETS, id.clone());
                }
                Change::Tag(t) => put(&mut batch, TAGS, &t.id, t.as_ref())?,
                Change::Import(i) => put(&mut batch, IMPORTS, &i.id, i.as_ref())?,
                Change::RemoveImport(id) => {
                    batch.delete_meta(IMPORTS, id.clone());
                }
                Change::Member(m) => put(&mut batch, MEMBERS, &format!("{}/{}", m.project, m.identity), m)?,
            }
        }
        // Entries of reads that wait for their group commit go first, so
        // the chain keeps the order in which things happened.
        let waiting = audit.map(crate::audit::AuditLog::take).unwrap_or_default();
        for body in waiting.iter().chain(&log) {
            batch.append_log(body.clone());
        }
        if let Err(e) = store.commit(batch).await {
            if let Some(audit) = audit {
                audit.put_back(waiting);
            }
            return Err(e.into());
        }
        let mut index = index.write().unwrap_or_else(PoisonError::into_inner);
        let mut folders_changed = false;
        for change in changes {
            folders_changed |= index.apply(change);
        }
        if folders_changed {
            index.index_folders();
        }
        Ok(())
    }
}

async fn load<T: DeserializeOwned>(store: &dyn Store, namespace: &'static str) -> Result<Vec<T>, SecretsError> {
    store
        .meta(namespace)
        .await?
        .into_iter()
        .map(|(key, value)| {
            serde_json::from_slice(&value).map_err(|e| SecretsError::Corrupt(format!("{namespace} record {key}: {e}")))
        })
        .collect()
}

fn put<T: Serialize>(batch: &mut WriteBatch, namespace: &str, key: &str, record: &T) -> Result<(), SecretsError> {
    let json = serde_json::to_vec(record).map_err(|e| SecretsError::Corrupt(e.to_string()))?;
    batch.put_meta(namespace, key.to_owned(), Bytes::from(json));
    Ok(())
}
