//! The records of the secrets model, as stored (one meta record each), and
//! the views the routes serialise (Infisical's field names, keys in sorted
//! order so that the serialised form is canonical: the ETag is its hash).

use std::fmt;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// What a project membership allows (rest-contract.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Role {
    /// Reads secrets, folders, imports and tags.
    Viewer,
    /// Reads and writes them.
    Member,
    /// Reads and writes, and manages the project: environments,
    /// memberships.
    Admin,
}

impl Role {
    /// The role named `name` (`viewer`, `member`, `admin`).
    pub fn parse(name: &str) -> Option<Role> {
        match name.trim().to_ascii_lowercase().as_str() {
            "viewer" => Some(Role::Viewer),
            "member" | "developer" => Some(Role::Member),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// The role's name.
    pub fn name(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Member => "member",
            Role::Admin => "admin",
        }
    }

    /// True if the role may write secrets and folders.
    pub fn may_write(self) -> bool {
        matches!(self, Role::Member | Role::Admin)
    }

    /// True if the role may manage the project.
    pub fn may_manage(self) -> bool {
        self == Role::Admin
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An environment of a project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Environment {
    /// Its id (a UUID).
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Its slug (`dev`, `prod`), unique in the project.
    pub slug: String,
    /// The id of its root folder `/`.
    pub root_folder: String,
    /// When it was created (Unix seconds).
    pub created_at: i64,
}

/// A project: environments of folders of secrets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectRecord {
    /// Its id (a UUID): Infisical's `workspaceId` / `projectId`.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Its slug, unique in its organisation.
    pub slug: String,
    /// The organisation (None: the default organisation); its key
    /// encrypts the project's secret values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// A description.
    #[serde(default)]
    pub description: String,
    /// The environments, in order.
    pub environments: Vec<Environment>,
    /// When it was created (Unix seconds).
    pub created_at: i64,
    /// When it last changed (Unix seconds).
    pub updated_at: i64,
}

impl ProjectRecord {
    /// The environment with slug `slug`.
    pub fn environment(&self, slug: &str) -> Option<&Environment> {
        self.environments.iter().find(|e| e.slug == slug)
    }
}

/// A folder below an environment's root (the root folders are records
/// too, with no parent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderRecord {
    /// Its id (a UUID).
    pub id: String,
    /// The project.
    pub project: String,
    /// The environment's slug.
    pub environment: String,
    /// The parent folder; None for the environment's root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Its name (`root` for the root).
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// One more per rename.
    pub version: u64,
    /// When it was created (Unix seconds).
    pub created_at: i64,
    /// When it last changed (Unix seconds).
    pub updated_at: i64,
}

/// A tag of a project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagRecord {
    /// Its id (a UUID).
    pub id: String,
    /// The project.
    pub project: String,
    /// Its slug, unique in the project.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// A colour, as the client gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// When it was created (Unix seconds).
    pub created_at: i64,
}

/// One `{key, value}` of a secret's metadata (not encrypted: it is for
/// filtering, like a tag).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

/// One version of a secret. The value and the comment are sealed under
/// the project organisation's key, bound to the secret's id, the field and
/// the version ([`crate::keys::KeyHierarchy::seal_value`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRecord {
    /// 1, 2, ...
    pub version: u64,
    /// The sealed value, in hex.
    pub value: String,
    /// The sealed comment, in hex (empty: no comment).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// Infisical's `skipMultilineEncoding`.
    #[serde(default)]
    pub skip_multiline: bool,
    /// Infisical's `secretReminderNote`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_note: Option<String>,
    /// Infisical's `secretReminderRepeatDays`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder_days: Option<u64>,
    /// The metadata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metadata: Vec<Metadata>,
    /// Tag ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// When this version was written (Unix seconds).
    pub created_at: i64,
}

/// A secret (type `shared`) and every version of it, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretRecord {
    /// Its id (a UUID).
    pub id: String,
    /// The project.
    pub project: String,
    /// The environment's slug.
    pub environment: String,
    /// The folder.
    pub folder: String,
    /// Its key (name).
    pub key: String,
    /// When it was created (Unix seconds).
    pub created_at: i64,
    /// Every version, oldest first; never empty.
    pub versions: Vec<VersionRecord>,
}

impl SecretRecord {
    /// The current version.
    pub fn current(&self) -> Option<&VersionRecord> {
        self.versions.last()
    }
}

/// An import: the folder `folder` also reads the secrets of
/// `import_path` in `import_environment`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    /// Its id (a UUID).
    pub id: String,
    /// The project.
    pub project: String,
    /// The importing folder.
    pub folder: String,
    /// The imported environment's slug.
    pub import_environment: String,
    /// The imported folder's path.
    pub import_path: String,
    /// Its place among the folder's imports (earlier wins).
    pub position: u64,
    /// When it was created (Unix seconds).
    pub created_at: i64,
}

/// A project membership.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembershipRecord {
    /// The project.
    pub project: String,
    /// The identity's key (`machine:NAME`, or a certificate name).
    pub identity: String,
    /// The role.
    pub role: Role,
    /// When it was made (Unix seconds).
    pub created_at: i64,
}

/// A decrypted secret value or comment: zeroized when dropped.
#[derive(Default)]
pub struct SecretText(pub Zeroizing<String>);

impl Serialize for SecretText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretText(..)")
    }
}

/// A tag as a secret shows it.
#[derive(Clone, Debug, Serialize)]
pub struct TagView {
    /// Its colour.
    pub color: Option<String>,
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its slug.
    pub slug: String,
}

/// The canonical secret object S of rest-contract.md §1.2 (fields in
/// sorted order).
#[derive(Debug, Serialize)]
#[allow(non_snake_case)]
pub struct SecretView {
    /// The id again (Python's `BaseSecret` requires it).
    pub _id: String,
    /// ISO 8601; left out of imported secrets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub createdAt: Option<String>,
    /// The environment's slug.
    pub environment: String,
    /// The secret's id.
    pub id: String,
    /// The comment.
    pub secretComment: SecretText,
    /// The key.
    pub secretKey: String,
    /// The metadata.
    pub secretMetadata: Vec<Metadata>,
    /// The folder path.
    pub secretPath: String,
    /// The reminder note.
    pub secretReminderNote: Option<String>,
    /// The reminder period.
    pub secretReminderRepeatDays: Option<u64>,
    /// The value (or the hidden mask).
    pub secretValue: SecretText,
    /// True if the value is masked.
    pub secretValueHidden: bool,
    /// Infisical's flag, as stored.
    pub skipMultilineEncoding: bool,
    /// The tags.
    pub tags: Vec<TagView>,
    /// Always `shared`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// ISO 8601; left out of imported secrets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updatedAt: Option<String>,
    /// The version number.
    pub version: u64,
    /// The project's id.
    pub workspace: String,
}

/// A folder as the routes show it (rest-contract.md §1.5).
#[derive(Clone, Debug, Serialize)]
#[allow(non_snake_case)]
pub struct FolderView {
    /// ISO 8601.
    pub createdAt: String,
    /// Its description.
    pub description: Option<String>,
    /// The environment's id.
    pub envId: String,
    /// The environment (the Python SDK's folder-by-id reads it).
    pub environment: FolderEnvironment,
    /// Its id.
    pub id: String,
    /// Always false.
    pub isReserved: bool,
    /// Its name.
    pub name: String,
    /// The parent's id.
    pub parentId: Option<String>,
    /// Its full path (the folder's own path).
    pub path: String,
    /// The project's id.
    pub projectId: String,
    /// Its path below the listed folder (recursive lists only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relativePath: Option<String>,
    /// ISO 8601.
    pub updatedAt: String,
    /// One more per change.
    pub version: u64,
}

/// The environment of a folder, as Infisical's folder routes show it.
#[derive(Clone, Debug, Serialize)]
#[allow(non_snake_case)]
pub struct FolderEnvironment {
    /// Its id.
    pub envId: String,
    /// Its name.
    pub envName: String,
    /// Its slug.
    pub envSlug: String,
}

/// The secrets of one import, as a list with `include_imports` shows them.
#[derive(Debug, Serialize)]
#[allow(non_snake_case)]
pub struct ImportedSecrets {
    /// The imported environment's slug.
    pub environment: String,
    /// The imported folder's id, if it exists.
    pub folderId: Option<String>,
    /// The imported folder's path.
    pub secretPath: String,
    /// Its secrets (without dates).
    pub secrets: Vec<SecretView>,
}

/// The answer of a secret listing (`{secrets, imports?}`).
#[derive(Debug, Serialize)]
pub struct SecretList {
    /// The imports, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imports: Option<Vec<ImportedSecrets>>,
    /// The secrets, ordered by path, then key.
    pub secrets: Vec<SecretView>,
}

/// Unix seconds as Infisical's ISO 8601 timestamps
/// (`2026-01-01T00:00:00.000Z`).
pub fn iso8601(seconds: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(seconds) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.000Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Err(_) => "1970-01-01T00:00:00.000Z".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso8601() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(1_767_225_600), "2026-01-01T00:00:00.000Z");
    }

    #[test]
    fn roles_parse_and_order() {
        assert_eq!(Role::parse("Viewer"), Some(Role::Viewer));
        assert_eq!(Role::parse("admin"), Some(Role::Admin));
        assert_eq!(Role::parse("owner"), None);
        assert!(!Role::Viewer.may_write());
        assert!(Role::Member.may_write() && !Role::Member.may_manage());
        assert!(Role::Admin.may_manage());
    }
}
