//! The operations of the secrets service: projects, environments,
//! memberships, folders, secrets (with versions), tags and imports.
//!
//! Reads take the in-memory index and decrypt what they return; writes
//! run one at a time: read the index, decide, commit (records and audit
//! entry together), apply.

use std::collections::HashSet;
use std::sync::Arc;

use bytes::Bytes;
use serde::Serialize;
use serde_json::json;
use tracing::warn;
use zeroize::Zeroizing;

use super::model::{
    Environment, FolderEnvironment, FolderRecord, FolderView, ImportRecord, ImportedSecrets, MembershipRecord,
    Metadata, ProjectRecord, Role, SecretList, SecretRecord, SecretText, SecretView, TagRecord, TagView, VersionRecord,
    iso8601,
};
use super::references::{self, Location, Target};
use super::state::{Change, Index};
use super::{Actor, DEFAULT_ENVIRONMENTS, HIDDEN_VALUE, Secrets, SecretsError, paths};

/// A project, by id or by slug (looked up in the caller's organisation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectRef {
    /// Its id.
    Id(String),
    /// Its slug.
    Slug(String),
}

impl std::fmt::Display for ProjectRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProjectRef::Id(id) => write!(f, "{id}"),
            ProjectRef::Slug(slug) => write!(f, "{slug}"),
        }
    }
}

/// Where secrets or folders are: project, environment slug, folder path
/// (any form: normalised here).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecretScope {
    /// The project.
    pub project: ProjectRef,
    /// The environment's slug.
    pub environment: String,
    /// The folder path.
    pub path: String,
}

/// A folder call's scope: the same as a secret's (the parent folder).
pub type FolderScope = SecretScope;

/// How secret values are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Show values (else the mask, `secretValueHidden: true`).
    pub view_value: bool,
    /// Expand references.
    pub expand: bool,
    /// List imported secrets (a single read also falls back to them).
    pub include_imports: bool,
}

/// A listing's parameters.
#[derive(Clone, Debug)]
pub struct ListQuery {
    /// Where.
    pub scope: SecretScope,
    /// Descend into sub-folders.
    pub recursive: bool,
    /// Keep secrets with one of these tag slugs (none: all).
    pub tags: Vec<String>,
    /// Keep secrets whose metadata matches every filter (key and/or value).
    pub metadata: Vec<MetadataFilter>,
    /// How values are shown.
    pub read: ReadOptions,
}

/// One `metadataFilter` item: a secret's metadata must have an entry with
/// this key and/or value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MetadataFilter {
    /// The key, if filtered on.
    pub key: Option<String>,
    /// The value, if filtered on.
    pub value: Option<String>,
}

/// A new secret's fields.
#[derive(Default)]
pub struct SecretInput {
    /// The value (trimmed by the caller's rules: [`paths::trim_value`]).
    pub value: Zeroizing<String>,
    /// The comment.
    pub comment: Option<Zeroizing<String>>,
    /// `skipMultilineEncoding`.
    pub skip_multiline: Option<bool>,
    /// Tag ids.
    pub tag_ids: Option<Vec<String>>,
    /// Metadata.
    pub metadata: Option<Vec<Metadata>>,
    /// `secretReminderNote`.
    pub reminder_note: Option<String>,
    /// `secretReminderRepeatDays`.
    pub reminder_days: Option<u64>,
}

/// A change to a secret: what is None stays.
#[derive(Default)]
pub struct SecretPatch {
    /// A new name.
    pub new_key: Option<String>,
    /// The other fields (the value too, when Some).
    pub value: Option<Zeroizing<String>>,
    /// The comment.
    pub comment: Option<Zeroizing<String>>,
    /// `skipMultilineEncoding`.
    pub skip_multiline: Option<bool>,
    /// Tag ids (replacing).
    pub tag_ids: Option<Vec<String>>,
    /// Metadata (replacing).
    pub metadata: Option<Vec<Metadata>>,
    /// `secretReminderNote`.
    pub reminder_note: Option<String>,
    /// `secretReminderRepeatDays`.
    pub reminder_days: Option<u64>,
}

/// The project object of rest-contract.md §1.6 (top level for
/// `/api/v2/workspace/:slug` and `/api/v1/projects/slug/:slug`).
#[derive(Clone, Debug, Serialize)]
#[allow(non_snake_case)]
pub struct ProjectView {
    /// The id again.
    pub _id: String,
    /// ISO 8601.
    pub createdAt: String,
    /// The description.
    pub description: String,
    /// `{id, name, slug}` each.
    pub environments: Vec<serde_json::Value>,
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
    /// The organisation (`default` for none).
    pub orgId: String,
    /// The slug.
    pub slug: String,
    /// Always `secret-manager`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// ISO 8601.
    pub updatedAt: String,
}

/// What an access check needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Need {
    Read,
    Write,
    Manage,
}

fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Secrets<'_> {
    // ----- plumbing -----------------------------------------------------

    async fn index(&self) -> Result<std::sync::RwLockReadGuard<'_, Index>, SecretsError> {
        self.ensure_keys().await?;
        self.state.read(self.kms.store().as_ref()).await
    }

    /// Loads the keys of every organisation that has a project (once).
    async fn ensure_keys(&self) -> Result<(), SecretsError> {
        if self.state.keys_ready() {
            return Ok(());
        }
        let organisations: HashSet<Option<String>> = {
            let index = self.state.read(self.kms.store().as_ref()).await?;
            index.projects.values().map(|p| p.organisation.clone()).collect()
        };
        for organisation in organisations {
            self.kms.key_hierarchy().ensure_org_key(self.kms.store().as_ref(), organisation.as_deref()).await?;
        }
        self.state.set_keys_ready();
        Ok(())
    }

    /// Runs `decide` on the index under the change lock, then commits what
    /// it returns (records and audit entries) and applies it.
    async fn write<T>(
        &self,
        decide: impl FnOnce(&Index) -> Result<(T, Vec<Change>, Vec<Bytes>), SecretsError>,
    ) -> Result<T, SecretsError> {
        self.ensure_keys().await?;
        let _serial = self.state.lock().await;
        let (out, changes, log) = {
            let index = self.state.read(self.kms.store().as_ref()).await?;
            decide(&index)?
        };
        let audit = self.kms.audit_log().map(Arc::as_ref);
        let log = if audit.is_some() { log } else { Vec::new() };
        self.state.commit(self.kms.store().as_ref(), audit, changes, log).await?;
        Ok(out)
    }

    /// Records a refused request (`result`: `PermissionDenied`,
    /// `NotFound`, `BadRequest`) under `event`, with what it asked
    /// (`details`, never a value), in the next group commit.
    pub fn audit_refusal(&self, actor: &Actor, event: &str, result: &str, details: serde_json::Value) {
        self.audit_read(actor.record(self.now(), event, Vec::new(), result, details));
    }

    fn audit_read(&self, entry: Bytes) {
        if let Some(audit) = self.kms.audit_log() {
            audit.record([entry]);
        }
    }

    fn now(&self) -> i64 {
        self.kms.now()
    }

    /// The project `reference` names, if `actor` may do `need` in it. A
    /// caller without access gets the same answer whether or not the
    /// project exists; an administrator learns that it does not.
    /// Secret `id` and its project, if `actor` may `need` it there.
    /// Without that access a missing secret and a hidden one get the same
    /// answer (Denied); with it, a missing one is NotFound.
    fn secret_by_id<'i>(
        &self,
        index: &'i Index,
        actor: &Actor,
        id: &str,
        need: Need,
    ) -> Result<(&'i Arc<ProjectRecord>, &'i Arc<SecretRecord>), SecretsError> {
        let secret = index.secrets.get(id);
        let not_found = || SecretsError::NotFound(format!("Secret with id '{id}' not found"));
        let reference = ProjectRef::Id(secret.map_or_else(String::new, |s| s.project.clone()));
        let project = match self.project(index, actor, &reference, need) {
            Ok(project) => project,
            Err(SecretsError::NotFound(_)) => return Err(not_found()),
            Err(SecretsError::Denied(_)) => {
                let verb = if matches!(need, Need::Read) { "read" } else { "write" };
                return Err(SecretsError::Denied(format!("You are not allowed to {verb} this secret")));
            }
            Err(e) => return Err(e),
        };
        Ok((project, secret.ok_or_else(not_found)?))
    }

    fn project<'i>(
        &self,
        index: &'i Index,
        actor: &Actor,
        reference: &ProjectRef,
        need: Need,
    ) -> Result<&'i Arc<ProjectRecord>, SecretsError> {
        let found = match reference {
            ProjectRef::Id(id) => index.projects.get(id),
            ProjectRef::Slug(slug) => {
                let own =
                    index.slugs.get(&(actor.organisation.clone(), slug.clone())).and_then(|id| index.projects.get(id));
                match own {
                    Some(project) => Some(project),
                    // Administrators see every organisation: the first by id.
                    None if actor.admin => {
                        let mut all: Vec<&Arc<ProjectRecord>> =
                            index.projects.values().filter(|p| &p.slug == slug).collect();
                        all.sort_by(|a, b| a.id.cmp(&b.id));
                        all.into_iter().next()
                    }
                    // Else a project of that slug the caller is a member of.
                    None => {
                        let mut mine: Vec<&Arc<ProjectRecord>> = index
                            .projects
                            .values()
                            .filter(|p| {
                                &p.slug == slug && index.members.contains_key(&(p.id.clone(), actor.key.clone()))
                            })
                            .collect();
                        mine.sort_by(|a, b| a.id.cmp(&b.id));
                        mine.into_iter().next()
                    }
                }
            }
        };
        let role = match found {
            _ if actor.admin => Some(Role::Admin),
            Some(project) => index.members.get(&(project.id.clone(), actor.key.clone())).map(|m| m.role),
            None => None,
        };
        let allowed = role.is_some_and(|role| match need {
            Need::Read => true,
            Need::Write => role.may_write(),
            Need::Manage => role.may_manage(),
        });
        match (found, allowed) {
            (Some(project), true) => Ok(project),
            (None, true) => {
                let by = if matches!(reference, ProjectRef::Slug(_)) { "slug" } else { "id" };
                Err(SecretsError::NotFound(format!("Project with {by} '{reference}' not found")))
            }
            (_, false) => {
                let verb = match need {
                    Need::Read => "read",
                    Need::Write => "write",
                    Need::Manage => "manage",
                };
                Err(SecretsError::Denied(format!("You are not allowed to {verb} in project '{reference}'")))
            }
        }
    }

    fn environment<'p>(project: &'p ProjectRecord, slug: &str) -> Result<&'p Environment, SecretsError> {
        project.environment(slug).ok_or_else(|| SecretsError::NotFound(format!("Environment '{slug}' not found")))
    }

    fn folder<'i>(
        index: &'i Index,
        project: &ProjectRecord,
        environment: &str,
        path: &str,
    ) -> Result<&'i Arc<FolderRecord>, SecretsError> {
        index.folder_at(&project.id, environment, path).ok_or_else(|| {
            SecretsError::NotFound(format!("Folder with path '{path}' in environment '{environment}' not found"))
        })
    }

    fn seal(
        &self,
        project: &ProjectRecord,
        secret: &str,
        field: &str,
        version: u64,
        text: &str,
    ) -> Result<String, SecretsError> {
        let sealed = self.kms.key_hierarchy().seal_value(
            project.organisation.as_deref(),
            &format!("secret:{secret}:{field}"),
            version,
            text.as_bytes(),
        )?;
        Ok(hex::encode(sealed))
    }

    fn open(
        &self,
        project: &ProjectRecord,
        secret: &str,
        field: &str,
        version: u64,
        sealed: &str,
    ) -> Result<Zeroizing<String>, SecretsError> {
        if sealed.is_empty() {
            return Ok(Zeroizing::new(String::new()));
        }
        let bytes = hex::decode(sealed).map_err(|e| SecretsError::Corrupt(format!("secret {secret}: {e}")))?;
        let mut plain = self.kms.key_hierarchy().open_value(
            project.organisation.as_deref(),
            &format!("secret:{secret}:{field}"),
            version,
            &bytes,
        )?;
        match String::from_utf8(std::mem::take(&mut *plain)) {
            Ok(text) => Ok(Zeroizing::new(text)),
            Err(e) => {
                drop(Zeroizing::new(e.into_bytes()));
                Err(SecretsError::Corrupt(format!("secret {secret}: the value is not UTF-8")))
            }
        }
    }

    /// The canonical object of `secret` at `version`, with `value`.
    #[allow(clippy::too_many_arguments)]
    fn view(
        index: &Index,
        project: &ProjectRecord,
        secret: &SecretRecord,
        version: &VersionRecord,
        value: Zeroizing<String>,
        comment: Zeroizing<String>,
        view_value: bool,
        dates: bool,
    ) -> SecretView {
        let tags = version
            .tags
            .iter()
            .filter_map(|id| index.tags.get(id))
            .map(|t| TagView { color: t.color.clone(), id: t.id.clone(), name: t.name.clone(), slug: t.slug.clone() })
            .collect();
        let value = if view_value { value } else { Zeroizing::new(HIDDEN_VALUE.to_owned()) };
        SecretView {
            _id: secret.id.clone(),
            createdAt: dates.then(|| iso8601(secret.created_at)),
            environment: secret.environment.clone(),
            id: secret.id.clone(),
            secretComment: SecretText(comment),
            secretKey: secret.key.clone(),
            secretMetadata: version.metadata.clone(),
            secretPath: index.path_of(&secret.folder).to_owned(),
            secretReminderNote: version.reminder_note.clone(),
            secretReminderRepeatDays: version.reminder_days,
            secretValue: SecretText(value),
            secretValueHidden: !view_value,
            skipMultilineEncoding: version.skip_multiline,
            tags,
            kind: "shared",
            updatedAt: dates.then(|| iso8601(version.created_at)),
            version: version.version,
            workspace: project.id.clone(),
        }
    }

    /// The stored secret decrypted and shown by `read`.
    fn read_view(
        &self,
        index: &Index,
        project: &ProjectRecord,
        secret: &SecretRecord,
        version: &VersionRecord,
        read: ReadOptions,
        dates: bool,
    ) -> Result<SecretView, SecretsError> {
        let comment = self.open(project, &secret.id, "comment", version.version, &version.comment)?;
        let value = if read.view_value {
            let raw = self.open(project, &secret.id, "value", version.version, &version.value)?;
            if read.expand && references::has_references(&raw) {
                let here = Location {
                    environment: secret.environment.clone(),
                    path: index.path_of(&secret.folder).to_owned(),
                };
                references::expand(&raw, &here, &mut |target| self.lookup(index, project, target))
            } else {
                raw
            }
        } else {
            Zeroizing::new(String::new())
        };
        Ok(Self::view(index, project, secret, version, value, comment, read.view_value, dates))
    }

    /// The raw current value of the secret `target` names, for expansion.
    fn lookup(&self, index: &Index, project: &ProjectRecord, target: &Target) -> Option<Zeroizing<String>> {
        let folder = index.folder_at(&project.id, &target.location.environment, &target.location.path)?;
        let secret = index.secret_in(&folder.id, &target.key)?;
        let version = secret.current()?;
        match self.open(project, &secret.id, "value", version.version, &version.value) {
            Ok(value) => Some(value),
            Err(e) => {
                warn!(secret = %secret.id, error = %e, "a referenced secret could not be opened");
                None
            }
        }
    }

    fn check_tags(index: &Index, project: &ProjectRecord, tags: &[String]) -> Result<(), SecretsError> {
        for id in tags {
            if index.tags.get(id).is_none_or(|t| t.project != project.id) {
                return Err(SecretsError::NotFound(format!("Tag '{id}' not found in this project")));
            }
        }
        Ok(())
    }

    // ----- projects -----------------------------------------------------

    /// Creates a project (administrators only) with `environments` (name,
    /// slug; the defaults when empty).
    pub async fn create_project(
        &self,
        actor: &Actor,
        slug: &str,
        name: Option<&str>,
        organisation: Option<&str>,
        environments: &[(String, String)],
    ) -> Result<ProjectView, SecretsError> {
        if !actor.admin {
            return Err(SecretsError::Denied("Only administrators may create projects".into()));
        }
        let slug = paths::slug(slug, "project")?;
        let organisation = organisation.map(str::to_owned).or_else(|| actor.organisation.clone());
        self.kms.key_hierarchy().ensure_org_key(self.kms.store().as_ref(), organisation.as_deref()).await?;
        let mut envs: Vec<(String, String)> = environments.to_vec();
        if envs.is_empty() {
            envs = DEFAULT_ENVIRONMENTS.iter().map(|(n, s)| ((*n).to_owned(), (*s).to_owned())).collect();
        }
        let now = self.now();
        self.write(|index| {
            if index.slugs.contains_key(&(organisation.clone(), slug.clone())) {
                return Err(SecretsError::Invalid(format!("A project with slug '{slug}' already exists")));
            }
            let id = uuid();
            let mut changes = Vec::new();
            let mut environments = Vec::new();
            for (env_name, env_slug) in &envs {
                let env_slug = paths::slug(env_slug, "environment")?;
                if environments.iter().any(|e: &Environment| e.slug == env_slug) {
                    return Err(SecretsError::Invalid(format!("Environment '{env_slug}' named twice")));
                }
                let root = root_folder(&id, &env_slug, now);
                environments.push(Environment {
                    id: uuid(),
                    name: env_name.trim().to_owned(),
                    slug: env_slug,
                    root_folder: root.id.clone(),
                    created_at: now,
                });
                changes.push(Change::Folder(Arc::new(root)));
            }
            let project = ProjectRecord {
                id: id.clone(),
                name: name.map_or_else(|| slug.clone(), |n| n.trim().to_owned()),
                slug: slug.clone(),
                organisation: organisation.clone(),
                description: String::new(),
                environments,
                created_at: now,
                updated_at: now,
            };
            let view = project_view(&project);
            let entry = actor.entry(now, "create-project", &id, json!({"projectId": id, "slug": slug}));
            changes.insert(0, Change::Project(Arc::new(project)));
            Ok((view, changes, vec![entry]))
        })
        .await
    }

    /// The project `reference` names, if `actor` may read it.
    pub async fn project_view(&self, actor: &Actor, reference: &ProjectRef) -> Result<ProjectView, SecretsError> {
        let index = self.index().await?;
        Ok(project_view(self.project(&index, actor, reference, Need::Read)?))
    }

    /// Adds an environment (project administrators); the project and the
    /// new environment as JSON (`{workspace, environment}`).
    pub async fn add_environment(
        &self,
        actor: &Actor,
        reference: &ProjectRef,
        name: &str,
        slug: &str,
    ) -> Result<serde_json::Value, SecretsError> {
        let slug = paths::slug(slug, "environment")?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, reference, Need::Manage)?;
            if project.environment(&slug).is_some() {
                return Err(SecretsError::Invalid(format!("Environment with slug '{slug}' already exists")));
            }
            let root = root_folder(&project.id, &slug, now);
            let environment = Environment {
                id: uuid(),
                name: if name.trim().is_empty() { slug.clone() } else { name.trim().to_owned() },
                slug: slug.clone(),
                root_folder: root.id.clone(),
                created_at: now,
            };
            let mut updated = ProjectRecord::clone(project);
            updated.environments.push(environment.clone());
            updated.updated_at = now;
            let position = updated.environments.len();
            let answer = json!({
                "message": "Successfully created new environment",
                "workspace": project_view(&updated),
                "environment": {
                    "id": environment.id, "name": environment.name, "slug": environment.slug,
                    "position": position, "projectId": updated.id,
                    "createdAt": iso8601(now), "updatedAt": iso8601(now),
                },
            });
            let entry =
                actor.entry(now, "create-environment", &updated.id, json!({"name": environment.name, "slug": slug}));
            Ok((answer, vec![Change::Folder(Arc::new(root)), Change::Project(Arc::new(updated))], vec![entry]))
        })
        .await
    }

    /// Gives identity `identity` (a key: `machine:NAME`) `role` in the
    /// project (project administrators).
    pub async fn attach(
        &self,
        actor: &Actor,
        reference: &ProjectRef,
        identity: &str,
        role: Role,
    ) -> Result<serde_json::Value, SecretsError> {
        let identity = identity.trim().to_owned();
        if identity.is_empty() || identity == crate::access::MACHINE_PREFIX {
            return Err(SecretsError::Invalid("no identity named".into()));
        }
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, reference, Need::Manage)?;
            let created_at = index.members.get(&(project.id.clone(), identity.clone())).map_or(now, |m| m.created_at);
            let member = MembershipRecord { project: project.id.clone(), identity: identity.clone(), role, created_at };
            let answer = json!({"identityMembership": {
                "projectId": project.id, "projectSlug": project.slug, "identity": identity,
                "role": role.name(), "roles": [{"role": role.name()}], "createdAt": iso8601(created_at),
            }});
            let entry = actor.entry(
                now,
                "add-identity-to-project",
                &project.id,
                json!({"identity": identity, "role": role.name()}),
            );
            Ok((answer, vec![Change::Member(member)], vec![entry]))
        })
        .await
    }

    // ----- secrets: reads -------------------------------------------------

    /// The secrets of a folder (and its sub-folders with `recursive`), and
    /// with `include_imports` those of its imports (separately).
    pub async fn list(&self, actor: &Actor, query: &ListQuery) -> Result<SecretList, SecretsError> {
        let path = paths::normalize_path(&query.scope.path)?;
        let (list, entry) = {
            let index = self.index().await?;
            let project = self.project(&index, actor, &query.scope.project, Need::Read)?;
            let environment = &Self::environment(project, &query.scope.environment)?.slug;
            let folder = index.folder_at(&project.id, environment, &path);
            let keep = |version: &VersionRecord| self.keeps(&index, query, version);
            let mut secrets = Vec::new();
            let mut imports = query.read.include_imports.then(Vec::new);
            if let Some(folder) = folder {
                let folders = if query.recursive { index.subtree(&folder.id) } else { vec![folder.id.clone()] };
                for folder in &folders {
                    for id in index.by_folder.get(folder).into_iter().flat_map(|keys| keys.values()) {
                        let Some(secret) = index.secrets.get(id) else { continue };
                        let Some(version) = secret.current() else { continue };
                        if keep(version) {
                            secrets.push(self.read_view(&index, project, secret, version, query.read, true)?);
                        }
                    }
                }
                if let Some(imports) = &mut imports {
                    for import in index.imports_of(&folder.id) {
                        let source = index.folder_at(&project.id, &import.import_environment, &import.import_path);
                        let mut imported = Vec::new();
                        for id in source.and_then(|f| index.by_folder.get(&f.id)).into_iter().flat_map(|k| k.values()) {
                            let Some(secret) = index.secrets.get(id) else { continue };
                            let Some(version) = secret.current() else { continue };
                            if keep(version) {
                                imported.push(self.read_view(&index, project, secret, version, query.read, false)?);
                            }
                        }
                        imports.push(ImportedSecrets {
                            environment: import.import_environment.clone(),
                            folderId: source.map(|f| f.id.clone()),
                            secretPath: import.import_path.clone(),
                            secrets: imported,
                        });
                    }
                }
            }
            let entry = actor.entry(
                self.now(),
                "get-secrets",
                &project.id,
                json!({"environment": environment, "secretPath": path, "numberOfSecrets": secrets.len()}),
            );
            (SecretList { imports, secrets }, entry)
        };
        self.audit_read(entry);
        Ok(list)
    }

    fn keeps(&self, index: &Index, query: &ListQuery, version: &VersionRecord) -> bool {
        let tags_ok = query.tags.is_empty()
            || version.tags.iter().filter_map(|id| index.tags.get(id)).any(|t| query.tags.contains(&t.slug));
        let metadata_ok = query.metadata.iter().all(|MetadataFilter { key, value }| {
            version
                .metadata
                .iter()
                .any(|m| key.as_ref().is_none_or(|k| &m.key == k) && value.as_ref().is_none_or(|v| &m.value == v))
        });
        tags_ok && metadata_ok
    }

    /// One secret by name (a past `version` if given); with
    /// `include_imports`, looked up in the folder's imports when the
    /// folder has none of that name.
    pub async fn get(
        &self,
        actor: &Actor,
        scope: &SecretScope,
        key: &str,
        version: Option<u64>,
        read: ReadOptions,
    ) -> Result<SecretView, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let key = paths::secret_name(key)?;
        let (view, entry) = {
            let index = self.index().await?;
            let project = self.project(&index, actor, &scope.project, Need::Read)?;
            let environment = &Self::environment(project, &scope.environment)?.slug;
            let not_found = || SecretsError::NotFound(format!("Secret with name '{key}' not found"));
            let folder = index.folder_at(&project.id, environment, &path);
            let mut found = folder.and_then(|f| index.secret_in(&f.id, &key));
            if found.is_none() && read.include_imports {
                found = folder.into_iter().flat_map(|f| index.imports_of(&f.id)).find_map(|import| {
                    let source = index.folder_at(&project.id, &import.import_environment, &import.import_path)?;
                    index.secret_in(&source.id, &key)
                });
            }
            let secret = found.ok_or_else(not_found)?;
            let record = match version {
                None => secret.current(),
                Some(n) => secret.versions.iter().find(|v| v.version == n),
            }
            .ok_or_else(|| SecretsError::NotFound(format!("Secret '{key}' has no version {}", version.unwrap_or(0))))?;
            let view = self.read_view(&index, project, secret, record, read, true)?;
            let entry = self.get_entry(actor, project, secret, index.path_of(&secret.folder), record.version);
            (view, entry)
        };
        self.audit_read(entry);
        Ok(view)
    }

    fn get_entry(
        &self,
        actor: &Actor,
        project: &ProjectRecord,
        secret: &SecretRecord,
        path: &str,
        version: u64,
    ) -> Bytes {
        actor.entry(
            self.now(),
            "get-secret",
            &project.id,
            json!({
                "environment": secret.environment, "secretPath": path, "secretId": secret.id,
                "secretKey": secret.key, "secretVersion": version,
            }),
        )
    }

    /// One secret by id.
    pub async fn get_by_id(&self, actor: &Actor, id: &str, read: ReadOptions) -> Result<SecretView, SecretsError> {
        let (view, entry) = {
            let index = self.index().await?;
            let (project, secret) = self.secret_by_id(&index, actor, id, Need::Read)?;
            let version =
                secret.current().ok_or_else(|| SecretsError::Corrupt(format!("secret {id} has no version")))?;
            let view = self.read_view(&index, project, secret, version, read, true)?;
            (view, self.get_entry(actor, project, secret, index.path_of(&secret.folder), version.version))
        };
        self.audit_read(entry);
        Ok(view)
    }

    /// Every version of secret `id`, oldest first.
    pub async fn versions(&self, actor: &Actor, id: &str) -> Result<Vec<SecretView>, SecretsError> {
        let index = self.index().await?;
        let (project, secret) = self.secret_by_id(&index, actor, id, Need::Read)?;
        let read = ReadOptions { view_value: true, expand: false, include_imports: false };
        secret.versions.iter().map(|v| self.read_view(&index, project, secret, v, read, true)).collect()
    }

    // ----- secrets: writes ------------------------------------------------

    /// Creates secret `key`.
    pub async fn create(
        &self,
        actor: &Actor,
        scope: &SecretScope,
        key: &str,
        input: SecretInput,
    ) -> Result<SecretView, SecretsError> {
        let mut views = self.create_many(actor, scope, vec![(key.to_owned(), input)], "create-secret").await?;
        views.pop().ok_or_else(|| SecretsError::Corrupt("nothing created".into()))
    }

    /// Creates every secret of `items` in one commit (all or none).
    pub async fn create_many(
        &self,
        actor: &Actor,
        scope: &SecretScope,
        items: Vec<(String, SecretInput)>,
        event: &str,
    ) -> Result<Vec<SecretView>, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, &scope.project, Need::Write)?;
            let environment = &Self::environment(project, &scope.environment)?.slug;
            let folder = Self::folder(index, project, environment, &path)?;
            let mut seen = HashSet::new();
            let mut changes = Vec::new();
            let mut views = Vec::new();
            let mut entries = Vec::new();
            for (key, input) in items {
                let key = paths::secret_name(&key)?;
                if index.secret_in(&folder.id, &key).is_some() || !seen.insert(key.clone()) {
                    return Err(SecretsError::Invalid(format!("Secret '{key}' already exists")));
                }
                let tags = input.tag_ids.unwrap_or_default();
                Self::check_tags(index, project, &tags)?;
                let id = uuid();
                let comment = input.comment.unwrap_or_default();
                let version = VersionRecord {
                    version: 1,
                    value: self.seal(project, &id, "value", 1, &input.value)?,
                    comment: if comment.is_empty() {
                        String::new()
                    } else {
                        self.seal(project, &id, "comment", 1, &comment)?
                    },
                    skip_multiline: input.skip_multiline.unwrap_or(false),
                    reminder_note: input.reminder_note,
                    reminder_days: input.reminder_days,
                    metadata: input.metadata.unwrap_or_default(),
                    tags,
                    created_at: now,
                };
                let secret = SecretRecord {
                    id: id.clone(),
                    project: project.id.clone(),
                    environment: environment.clone(),
                    folder: folder.id.clone(),
                    key: key.clone(),
                    created_at: now,
                    versions: vec![version],
                };
                let version = &secret.versions[0];
                entries.push(json!({"secretId": id, "secretKey": key, "secretVersion": 1}));
                views.push(Self::view(index, project, &secret, version, input.value, comment, true, true));
                changes.push(Change::Secret(Arc::new(secret)));
            }
            let details = if let [one] = entries.as_slice() {
                let mut one = one.clone();
                one["environment"] = json!(environment);
                one["secretPath"] = json!(path);
                one
            } else {
                json!({"environment": environment, "secretPath": path, "secrets": entries})
            };
            let entry = actor.entry(now, event, &project.id, details);
            Ok((views, changes, vec![entry]))
        })
        .await
    }

    /// Changes secret `key`: a new version.
    pub async fn update(
        &self,
        actor: &Actor,
        scope: &SecretScope,
        key: &str,
        patch: SecretPatch,
    ) -> Result<SecretView, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let key = paths::secret_name(key)?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, &scope.project, Need::Write)?;
            let environment = &Self::environment(project, &scope.environment)?.slug;
            let folder = Self::folder(index, project, environment, &path)?;
            let secret = index
                .secret_in(&folder.id, &key)
                .ok_or_else(|| SecretsError::NotFound(format!("Secret with name '{key}' not found")))?;
            let (updated, view) = self.new_version(index, project, secret, patch, now)?;
            let entry = actor.entry(
                now,
                "update-secret",
                &project.id,
                json!({
                    "environment": environment, "secretPath": path, "secretId": updated.id,
                    "secretKey": updated.key, "secretVersion": view.version,
                }),
            );
            Ok((view, vec![Change::Secret(Arc::new(updated))], vec![entry]))
        })
        .await
    }

    /// The secret with a new version made of the current one and `patch`.
    fn new_version(
        &self,
        index: &Index,
        project: &ProjectRecord,
        secret: &SecretRecord,
        patch: SecretPatch,
        now: i64,
    ) -> Result<(SecretRecord, SecretView), SecretsError> {
        let current =
            secret.current().ok_or_else(|| SecretsError::Corrupt(format!("secret {} has no version", secret.id)))?;
        let mut updated = secret.clone();
        if let Some(new_key) = &patch.new_key {
            let new_key = paths::secret_name(new_key)?;
            if new_key != secret.key && index.secret_in(&secret.folder, &new_key).is_some() {
                return Err(SecretsError::Invalid(format!("Secret '{new_key}' already exists")));
            }
            updated.key = new_key;
        }
        let number = current.version + 1;
        let value = match patch.value {
            Some(value) => value,
            None => self.open(project, &secret.id, "value", current.version, &current.value)?,
        };
        let comment = match patch.comment {
            Some(comment) => comment,
            None => self.open(project, &secret.id, "comment", current.version, &current.comment)?,
        };
        let tags = patch.tag_ids.unwrap_or_else(|| current.tags.clone());
        Self::check_tags(index, project, &tags)?;
        let version = VersionRecord {
            version: number,
            value: self.seal(project, &secret.id, "value", number, &value)?,
            comment: if comment.is_empty() {
                String::new()
            } else {
                self.seal(project, &secret.id, "comment", number, &comment)?
            },
            skip_multiline: patch.skip_multiline.unwrap_or(current.skip_multiline),
            reminder_note: patch.reminder_note.or_else(|| current.reminder_note.clone()),
            reminder_days: patch.reminder_days.or(current.reminder_days),
            metadata: patch.metadata.unwrap_or_else(|| current.metadata.clone()),
            tags,
            created_at: now,
        };
        updated.versions.push(version);
        let view = match updated.current() {
            Some(version) => Self::view(index, project, &updated, version, value, comment, true, true),
            None => return Err(SecretsError::Corrupt("no version".into())),
        };
        Ok((updated, view))
    }

    /// Makes a past version of secret `id` current again (as a new
    /// version).
    pub async fn restore(&self, actor: &Actor, id: &str, version: u64) -> Result<SecretView, SecretsError> {
        let now = self.now();
        self.write(|index| {
            let (project, secret) = self.secret_by_id(index, actor, id, Need::Write)?;
            let old =
                secret.versions.iter().find(|v| v.version == version).ok_or_else(|| {
                    SecretsError::NotFound(format!("Secret '{}' has no version {version}", secret.key))
                })?;
            let patch = SecretPatch {
                new_key: None,
                value: Some(self.open(project, &secret.id, "value", old.version, &old.value)?),
                comment: Some(self.open(project, &secret.id, "comment", old.version, &old.comment)?),
                skip_multiline: Some(old.skip_multiline),
                tag_ids: Some(old.tags.iter().filter(|t| index.tags.contains_key(*t)).cloned().collect()),
                metadata: Some(old.metadata.clone()),
                reminder_note: old.reminder_note.clone(),
                reminder_days: old.reminder_days,
            };
            let (updated, view) = self.new_version(index, project, secret, patch, now)?;
            let entry = actor.entry(
                now,
                "update-secret",
                &project.id,
                json!({
                    "environment": updated.environment, "secretPath": index.path_of(&updated.folder),
                    "secretId": updated.id, "secretKey": updated.key, "secretVersion": view.version,
                    "restoredVersion": version,
                }),
            );
            Ok((view, vec![Change::Secret(Arc::new(updated))], vec![entry]))
        })
        .await
    }

    /// Deletes secret `key`; the secret as it was.
    pub async fn delete(&self, actor: &Actor, scope: &SecretScope, key: &str) -> Result<SecretView, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let key = paths::secret_name(key)?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, &scope.project, Need::Write)?;
            let environment = &Self::environment(project, &scope.environment)?.slug;
            let folder = Self::folder(index, project, environment, &path)?;
            let secret = index
                .secret_in(&folder.id, &key)
                .ok_or_else(|| SecretsError::NotFound(format!("Secret with name '{key}' not found")))?;
            let version = secret.current().ok_or_else(|| SecretsError::Corrupt("no version".into()))?;
            let read = ReadOptions { view_value: true, expand: false, include_imports: false };
            let view = self.read_view(index, project, secret, version, read, true)?;
            let entry = actor.entry(
                now,
                "delete-secret",
                &project.id,
                json!({
                    "environment": environment, "secretPath": path, "secretId": secret.id,
                    "secretKey": secret.key, "secretVersion": version.version,
                }),
            );
            Ok((view, vec![Change::RemoveSecret(secret.id.clone())], vec![entry]))
        })
        .await
    }

    /// Sets secrets (creating or updating each), creating the folders of
    /// the path as needed (`kms secret set`).
    pub async fn set_many(
        &self,
        actor: &Actor,
        scope: &SecretScope,
        items: Vec<(String, Zeroizing<String>)>,
    ) -> Result<Vec<SecretView>, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        self.ensure_path(actor, scope).await?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, &scope.project, Need::Write)?;
            let environment = &Self::environment(project, &scope.environment)?.slug;
            let folder = Self::folder(index, project, environment, &path)?;
            let mut changes = Vec::new();
            let mut views = Vec::new();
            let mut entries = Vec::new();
            let mut seen = HashSet::new();
            for (key, value) in items {
                let key = paths::secret_name(&key)?;
                if !seen.insert(key.clone()) {
                    return Err(SecretsError::Invalid(format!("Secret '{key}' named twice")));
                }
                let view = if let Some(secret) = index.secret_in(&folder.id, &key) {
                    let patch = SecretPatch { value: Some(value), ..SecretPatch::default() };
                    let (updated, view) = self.new_version(index, project, secret, patch, now)?;
                    changes.push(Change::Secret(Arc::new(updated)));
                    view
                } else {
                    let id = uuid();
                    let secret = SecretRecord {
                        id: id.clone(),
                        project: project.id.clone(),
                        environment: environment.clone(),
                        folder: folder.id.clone(),
                        key: key.clone(),
                        created_at: now,
                        versions: vec![VersionRecord {
                            version: 1,
                            value: self.seal(project, &id, "value", 1, &value)?,
                            comment: String::new(),
                            skip_multiline: false,
                            reminder_note: None,
                            reminder_days: None,
                            metadata: Vec::new(),
                            tags: Vec::new(),
                            created_at: now,
                        }],
                    };
                    let view = Self::view(
                        index,
                        project,
                        &secret,
                        &secret.versions[0],
                        value,
                        Zeroizing::default(),
                        true,
                        true,
                    );
                    changes.push(Change::Secret(Arc::new(secret)));
                    view
                };
                entries.push(json!({"secretId": view.id, "secretKey": view.secretKey, "secretVersion": view.version}));
                views.push(view);
            }
            let entry = actor.entry(
                now,
                "set-secrets",
                &project.id,
                json!({"environment": environment, "secretPath": path, "secrets": entries}),
            );
            Ok((views, changes, vec![entry]))
        })
        .await
    }

    // ----- folders ------------------------------------------------------

    fn folder_view(index: &Index, project: &ProjectRecord, folder: &FolderRecord) -> FolderView {
        let env = project.environment(&folder.environment);
        let env_id = env.map(|e| e.id.clone()).unwrap_or_default();
        FolderView {
            createdAt: iso8601(folder.created_at),
            description: folder.description.clone(),
            environment: FolderEnvironment {
                envId: env_id.clone(),
                envName: env.map(|e| e.name.clone()).unwrap_or_default(),
                envSlug: folder.environment.clone(),
            },
            envId: env_id,
            id: folder.id.clone(),
            isReserved: false,
            name: folder.name.clone(),
            parentId: folder.parent.clone(),
            path: index.path_of(&folder.id).to_owned(),
            projectId: project.id.clone(),
            relativePath: None,
            updatedAt: iso8601(folder.updated_at),
            version: folder.version,
        }
    }

    /// The folders directly in `scope.path`, by name (none if the path
    /// does not exist); with `recursive`, every folder below it, depth
    /// first, each with its `relativePath` from `scope.path`.
    pub async fn list_folders(
        &self,
        actor: &Actor,
        scope: &FolderScope,
        recursive: bool,
    ) -> Result<Vec<FolderView>, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let index = self.index().await?;
        let project = self.project(&index, actor, &scope.project, Need::Read)?;
        let environment = &Self::environment(project, &scope.environment)?.slug;
        let Some(parent) = index.folder_at(&project.id, environment, &path) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        // (folder id, its path relative to the listed one)
        let mut pending: Vec<(String, String)> = Vec::new();
        let children = |id: &str| -> Vec<String> {
            let mut ids: Vec<String> = index.children.get(id).into_iter().flat_map(|c| c.values().cloned()).collect();
            ids.reverse();
            ids
        };
        pending.extend(children(&parent.id).into_iter().map(|id| (id, String::new())));
        while let Some((id, above)) = pending.pop() {
            let Some(folder) = index.folders.get(&id) else { continue };
            let relative = format!("{above}/{}", folder.name);
            let mut view = Self::folder_view(&index, project, folder);
            if recursive {
                view.relativePath = Some(relative.clone());
                pending.extend(children(&id).into_iter().map(|child| (child, relative.clone())));
            }
            out.push(view);
        }
        Ok(out)
    }

    /// The folder with id `id`.
    pub async fn folder_by_id(&self, actor: &Actor, id: &str) -> Result<FolderView, SecretsError> {
        let index = self.index().await?;
        let folder = index.folders.get(id);
        let reference = ProjectRef::Id(folder.map_or_else(String::new, |f| f.project.clone()));
        let project = match self.project(&index, actor, &reference, Need::Read) {
            Ok(project) => project,
            Err(SecretsError::NotFound(_)) => return Err(SecretsError::NotFound(format!("Folder '{id}' not found"))),
            Err(SecretsError::Denied(_)) => {
                return Err(SecretsError::Denied("You are not allowed to read this folder".into()));
            }
            Err(e) => return Err(e),
        };
        let folder = folder.ok_or_else(|| SecretsError::NotFound(format!("Folder '{id}' not found")))?;
        Ok(Self::folder_view(&index, project, folder))
    }

    /// Creates folder `name` in `scope.path` (and the missing folders of
    /// the path); an existing folder of that name is returned as it is.
    pub async fn create_folder(
        &self,
        actor: &Actor,
        scope: &FolderScope,
        name: &str,
        description: Option<String>,
    ) -> Result<FolderView, SecretsError> {
        let parent = paths::normalize_path(&scope.path)?;
        let name = paths::folder_name(name)?;
        let full = SecretScope { path: paths::join(&parent, &name), ..scope.clone() };
        self.ensure_path_with(actor, &full, description).await
    }

    async fn ensure_path(&self, actor: &Actor, scope: &SecretScope) -> Result<FolderView, SecretsError> {
        self.ensure_path_with(actor, scope, None).await
    }

    /// Makes sure every folder of `scope.path` exists; the last one.
    async fn ensure_path_with(
        &self,
        actor: &Actor,
        scope: &SecretScope,
        description: Option<String>,
    ) -> Result<FolderView, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, &scope.project, Need::Write)?;
            let environment = &Self::environment(project, &scope.environment)?;
            let mut parent = Self::folder(index, project, &environment.slug, "/")?.clone();
            let mut changes = Vec::new();
            let mut entries = Vec::new();
            let mut at = "/".to_owned();
            let mut created: Option<Arc<FolderRecord>> = None;
            for name in path.split('/').filter(|s| !s.is_empty()) {
                let name = paths::folder_name(name)?;
                at = paths::join(&at, &name);
                if let Some(existing) = index.folder_at(&project.id, &environment.slug, &at) {
                    parent = existing.clone();
                    continue;
                }
                let folder = Arc::new(FolderRecord {
                    id: uuid(),
                    project: project.id.clone(),
                    environment: environment.slug.clone(),
                    parent: Some(parent.id.clone()),
                    name: name.clone(),
                    description: description.clone(),
                    version: 1,
                    created_at: now,
                    updated_at: now,
                });
                entries.push(actor.entry(
                    now,
                    "create-folder",
                    &project.id,
                    json!({"environment": environment.slug, "folderId": folder.id, "folderName": name, "folderPath": at}),
                ));
                changes.push(Change::Folder(folder.clone()));
                parent = folder.clone();
                created = Some(folder);
            }
            let view = FolderView {
                path: at.clone(),
                ..Self::folder_view(index, project, created.as_deref().unwrap_or(&parent))
            };
            Ok((view, changes, entries))
        })
        .await
    }

    /// The folder in `scope.path` named by `id_or_name` (an id, else a name).
    fn target_folder<'i>(
        index: &'i Index,
        project: &ProjectRecord,
        environment: &str,
        path: &str,
        id_or_name: &str,
    ) -> Result<&'i Arc<FolderRecord>, SecretsError> {
        if let Some(folder) = index.folders.get(id_or_name)
            && folder.project == project.id
            && folder.parent.is_some()
        {
            return Ok(folder);
        }
        let parent = Self::folder(index, project, environment, path)?;
        index
            .children
            .get(&parent.id)
            .and_then(|c| c.get(id_or_name))
            .and_then(|id| index.folders.get(id))
            .ok_or_else(|| SecretsError::NotFound(format!("Folder '{id_or_name}' not found")))
    }

    /// Renames a folder.
    pub async fn rename_folder(
        &self,
        actor: &Actor,
        scope: &FolderScope,
        id_or_name: &str,
        new_name: &str,
    ) -> Result<FolderView, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let new_name = paths::folder_name(new_name)?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, &scope.project, Need::Write)?;
            let environment = &Self::environment(project, &scope.environment)?.slug;
            let folder = Self::target_folder(index, project, environment, &path, id_or_name)?;
            let siblings = folder.parent.as_ref().and_then(|p| index.children.get(p));
            if new_name != folder.name && siblings.is_some_and(|s| s.contains_key(&new_name)) {
                return Err(SecretsError::Invalid(format!("Folder with name '{new_name}' already exists")));
            }
            let mut updated = FolderRecord::clone(folder);
            updated.name = new_name.clone();
            updated.version += 1;
            updated.updated_at = now;
            let parent_path = folder.parent.as_deref().map_or("/", |p| index.path_of(p)).to_owned();
            let mut view = Self::folder_view(index, project, &updated);
            view.path = paths::join(&parent_path, &new_name);
            let entry = actor.entry(
                now,
                "update-folder",
                &project.id,
                json!({"environment": environment, "folderId": folder.id, "oldFolderName": folder.name,
                       "newFolderName": new_name, "folderPath": parent_path}),
            );
            Ok((view, vec![Change::Folder(Arc::new(updated))], vec![entry]))
        })
        .await
    }

    /// Deletes a folder with everything in it.
    pub async fn delete_folder(
        &self,
        actor: &Actor,
        scope: &FolderScope,
        id_or_name: &str,
    ) -> Result<FolderView, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, &scope.project, Need::Write)?;
            let environment = &Self::environment(project, &scope.environment)?.slug;
            let folder = Self::target_folder(index, project, environment, &path, id_or_name)?;
            let view = Self::folder_view(index, project, folder);
            let mut changes = Vec::new();
            for id in index.subtree(&folder.id) {
                for secret in index.by_folder.get(&id).into_iter().flat_map(|k| k.values()) {
                    changes.push(Change::RemoveSecret(secret.clone()));
                }
                for import in index.imports_of(&id) {
                    changes.push(Change::RemoveImport(import.id.clone()));
                }
                changes.push(Change::RemoveFolder(id));
            }
            let entry = actor.entry(
                now,
                "delete-folder",
                &project.id,
                json!({"environment": environment, "folderId": folder.id, "folderName": folder.name, "folderPath": path}),
            );
            Ok((view, changes, vec![entry]))
        })
        .await
    }

    // ----- tags and imports -----------------------------------------------

    /// Creates a tag in the project.
    pub async fn create_tag(
        &self,
        actor: &Actor,
        reference: &ProjectRef,
        slug: &str,
        name: Option<&str>,
        color: Option<String>,
    ) -> Result<serde_json::Value, SecretsError> {
        let slug = paths::slug(slug, "tag")?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, reference, Need::Write)?;
            if index.tags.values().any(|t| t.project == project.id && t.slug == slug) {
                return Err(SecretsError::Invalid(format!("Tag with slug '{slug}' already exists")));
            }
            let tag = TagRecord {
                id: uuid(),
                project: project.id.clone(),
                slug: slug.clone(),
                name: name.map_or_else(|| slug.clone(), |n| n.trim().to_owned()),
                color,
                created_at: now,
            };
            let view = tag_json(&tag);
            let entry = actor.entry(now, "create-tag", &project.id, json!({"tagId": tag.id, "slug": slug}));
            Ok((view, vec![Change::Tag(Arc::new(tag))], vec![entry]))
        })
        .await
    }

    /// The project's tags, by slug.
    pub async fn tags(&self, actor: &Actor, reference: &ProjectRef) -> Result<Vec<serde_json::Value>, SecretsError> {
        let index = self.index().await?;
        let project = self.project(&index, actor, reference, Need::Read)?;
        let mut tags: Vec<&Arc<TagRecord>> = index.tags.values().filter(|t| t.project == project.id).collect();
        tags.sort_by(|a, b| a.slug.cmp(&b.slug));
        Ok(tags.into_iter().map(|t| tag_json(t)).collect())
    }

    /// Makes the folder `scope.path` import the folder `import_path` of
    /// `import_environment` (which must exist).
    pub async fn create_import(
        &self,
        actor: &Actor,
        scope: &FolderScope,
        import_environment: &str,
        import_path: &str,
    ) -> Result<serde_json::Value, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let import_path = paths::normalize_path(import_path)?;
        let now = self.now();
        self.write(|index| {
            let project = self.project(index, actor, &scope.project, Need::Write)?;
            let environment = &Self::environment(project, &scope.environment)?.slug;
            let folder = Self::folder(index, project, environment, &path)?;
            let source_env = Self::environment(project, import_environment)?;
            Self::folder(index, project, &source_env.slug, &import_path)?;
            if source_env.slug == *environment && import_path == path {
                return Err(SecretsError::Invalid("A folder cannot import itself".into()));
            }
            let existing = index.imports_of(&folder.id);
            if existing.iter().any(|i| i.import_environment == source_env.slug && i.import_path == import_path) {
                return Err(SecretsError::Invalid("This import already exists".into()));
            }
            let import = ImportRecord {
                id: uuid(),
                project: project.id.clone(),
                folder: folder.id.clone(),
                import_environment: source_env.slug.clone(),
                import_path: import_path.clone(),
                position: existing.last().map_or(1, |i| i.position + 1),
                created_at: now,
            };
            let view = import_json(project, &import);
            let entry = actor.entry(
                now,
                "create-secret-import",
                &project.id,
                json!({"environment": environment, "secretPath": path, "importEnvironment": source_env.slug,
                       "importPath": import_path}),
            );
            Ok((view, vec![Change::Import(Arc::new(import))], vec![entry]))
        })
        .await
    }

    /// The imports of folder `scope.path`, in order.
    pub async fn imports(&self, actor: &Actor, scope: &FolderScope) -> Result<Vec<serde_json::Value>, SecretsError> {
        let path = paths::normalize_path(&scope.path)?;
        let index = self.index().await?;
        let project = self.project(&index, actor, &scope.project, Need::Read)?;
        let environment = &Self::environment(project, &scope.environment)?.slug;
        let Some(folder) = index.folder_at(&project.id, environment, &path) else {
            return Ok(Vec::new());
        };
        Ok(index.imports_of(&folder.id).iter().map(|i| import_json(project, i)).collect())
    }
}

fn root_folder(project: &str, environment: &str, now: i64) -> FolderRecord {
    FolderRecord {
        id: uuid(),
        project: project.to_owned(),
        environment: environment.to_owned(),
        parent: None,
        name: "root".to_owned(),
        description: None,
        version: 1,
        created_at: now,
        updated_at: now,
    }
}

fn project_view(project: &ProjectRecord) -> ProjectView {
    ProjectView {
        _id: project.id.clone(),
        createdAt: iso8601(project.created_at),
        description: project.description.clone(),
        environments: project
            .environments
            .iter()
            .map(|e| json!({"id": e.id, "name": e.name, "slug": e.slug}))
            .collect(),
        id: project.id.clone(),
        name: project.name.clone(),
        orgId: project.organisation.clone().unwrap_or_else(|| "default".to_owned()),
        slug: project.slug.clone(),
        kind: "secret-manager",
        updatedAt: iso8601(project.updated_at),
    }
}

fn tag_json(tag: &TagRecord) -> serde_json::Value {
    json!({
        "id": tag.id, "slug": tag.slug, "name": tag.name, "color": tag.color, "projectId": tag.project,
        "createdAt": iso8601(tag.created_at), "updatedAt": iso8601(tag.created_at),
    })
}

fn import_json(project: &ProjectRecord, import: &ImportRecord) -> serde_json::Value {
    let env = project.environment(&import.import_environment);
    json!({
        "id": import.id, "folderId": import.folder, "importPath": import.import_path,
        "importEnv": {"id": env.map(|e| e.id.clone()), "name": env.map(|e| e.name.clone()), "slug": import.import_environment},
        "position": import.position, "isReplication": false,
        "createdAt": iso8601(import.created_at), "updatedAt": iso8601(import.created_at),
    })
}
