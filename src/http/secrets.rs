//! The Infisical-compatible routes of the side listener
//! (rest-contract.md §1.0, §1.2–§1.7): secrets v3 raw and v4 (one handler,
//! the parameter names and defaults differing per version), folders v1 and
//! v2, projects, environments, memberships, tags, imports and versions.
//! Every route needs a machine identity's bearer token
//! ([`super::auth::bearer_caller`]); the decisions are the secrets
//! service's ([`crate::secrets`]).
//!
//! What clients depend on: trailing slashes accepted; empty query values
//! are absent; an empty `secretPath` is `/`; unknown fields ignored; a GET
//! body never fails a request; booleans as `"true"`/`"false"` (or JSON
//! booleans in bodies); lists carry an `ETag` (the quoted SHA-256 of the
//! body, whose keys are in sorted order and rows in path-then-key order)
//! and a matching `If-None-Match` gets a 304 without a body.

use std::collections::HashMap;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use serde::Serialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tracing::error;
use zeroize::Zeroizing;

use super::routes::{Reply, error, read_body};
use super::{ConnectionInfo, State};
use crate::secrets::model::Metadata;
use crate::secrets::{
    Actor, ListQuery, MetadataFilter, ProjectRef, ReadOptions, Role, SecretInput, SecretPatch, SecretScope,
    SecretsError, paths,
};

/// The message of a request naming no project or no environment.
const MISSING_SCOPE: &str = "Missing project id or environment";

/// True if `route` (trailing slashes removed) is one of this module's.
pub(crate) fn handles(route: &str) -> bool {
    let segments: Vec<&str> = route.split('/').skip(1).collect();
    matches!(
        segments.as_slice(),
        ["api", "v3", "secrets", "raw", ..]
            | ["api", "v3", "secrets", "batch", "raw"]
            | ["api", "v4", "secrets", ..]
            | ["api", "v1" | "v2", "folders", ..]
            | ["api", "v2", "workspace", ..]
            | ["api", "v1", "workspace", _, ..]
            | ["api", "v1", "projects", "slug", _]
            | ["api", "v1", "projects", _, "tags"]
            | ["api", "v1", "secret-imports"]
            | ["api", "v1", "secret", _, "secret-versions", ..]
    )
}

/// Which secrets API generation a request uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Api {
    V3,
    V4,
}

/// Serves one request of [`handles`]'s routes.
pub(crate) async fn handle(state: &State, info: &ConnectionInfo, request: Request<Incoming>, route: &str) -> Reply {
    let method = request.method().clone();
    let headers = request.headers().clone();
    let query = request.uri().query().map(parse_query).unwrap_or_default();
    let caller = match super::auth::bearer_caller(state, &headers, info).await {
        Ok(caller) => caller,
        Err(reply) => return reply,
    };
    let body = match read_body(state, request).await {
        Ok(body) => body,
        Err(reply) => return reply,
    };
    // A GET body is never read (the CLI sends one); other bodies are JSON
    // objects, or nothing.
    let body: Value = if method == Method::GET || body.iter().all(u8::is_ascii_whitespace) {
        Value::Null
    } else {
        match serde_json::from_slice(&body) {
            Ok(value @ Value::Object(_)) => value,
            Ok(_) => return error(StatusCode::BAD_REQUEST, "the body must be a JSON object"),
            Err(e) => return error(StatusCode::BAD_REQUEST, &format!("the body is not JSON: {e}")),
        }
    };
    let key = caller.identity.key();
    let actor = Actor {
        admin: state.kms.access().is_admin(&key),
        key,
        kind: "machine",
        organisation: caller.identity.organisation.clone(),
        source: Some(info.remote.to_string()),
        channel: "http",
    };
    let params = Params { query, body };
    let segments: Vec<String> = route.split('/').skip(2).map(percent_decode).collect();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let call = Call { state, actor: &actor, params: &params, headers: &headers };
    match call.route(&method, &segments).await {
        Ok(reply) => reply,
        Err(e) => {
            // Refusals are audited too (what was asked, never a value).
            let result = match &e {
                SecretsError::Denied(_) => Some("PermissionDenied"),
                SecretsError::NotFound(_) => Some("NotFound"),
                SecretsError::Invalid(_) => Some("BadRequest"),
                _ => None,
            };
            if let Some(result) = result {
                let mut asked = serde_json::Map::new();
                for name in ["workspaceId", "workspaceSlug", "projectId", "projectSlug", "environment", "secretPath"] {
                    if let Some(value) = params.text(name) {
                        asked.insert(name.to_owned(), Value::String(value.to_owned()));
                    }
                }
                asked.insert("method".to_owned(), Value::String(method.to_string()));
                asked.insert("route".to_owned(), Value::String(route.to_owned()));
                state.kms.secrets().audit_refusal(&actor, event_name(&method, &segments), result, Value::Object(asked));
            }
            secrets_error(&e)
        }
    }
}

/// Infisical's event name for a request to `segments` (after `/api`).
fn event_name(method: &Method, segments: &[&str]) -> &'static str {
    let secrets = matches!(segments, [_, "secrets", ..]);
    let folders = matches!(segments, [_, "folders", ..]);
    let one = match segments {
        [_, "secrets", "raw"] | [_, "secrets"] | [_, "secrets", "batch", ..] => false,
        [_, "secrets", ..] => true,
        _ => false,
    };
    match (secrets, folders, method) {
        (true, _, &Method::GET) if one => "get-secret",
        (true, _, &Method::GET) => "get-secrets",
        (true, _, &Method::POST) => "create-secret",
        (true, _, &Method::PATCH) => "update-secret",
        (true, _, &Method::DELETE) => "delete-secret",
        (_, true, &Method::GET) => "get-folders",
        (_, true, &Method::POST) => "create-folder",
        (_, true, &Method::PATCH) => "update-folder",
        (_, true, &Method::DELETE) => "delete-folder",
        (_, _, &Method::GET) => "get-project",
        _ => "update-project",
    }
}

/// One request's parts.
struct Call<'a> {
    state: &'a State,
    actor: &'a Actor,
    params: &'a Params,
    headers: &'a HeaderMap,
}

impl Call<'_> {
    async fn route(&self, method: &Method, segments: &[&str]) -> Result<Reply, SecretsError> {
        let secrets = self.state.kms.secrets();
        let (actor, p) = (self.actor, self.params);
        let reply = match (method, segments) {
            (&Method::GET, ["v3", "secrets", "raw"]) => self.list(Api::V3).await?,
            (&Method::GET, ["v4", "secrets"]) => self.list(Api::V4).await?,
            (&Method::POST, ["v3", "secrets", "batch", "raw"]) => self.batch().await?,
            (&Method::GET, ["v3", "secrets", "raw", "id", id]) => {
                let read = read_options(p, Api::V3);
                ok(&json!({"secret": secrets.get_by_id(actor, id, read).await?}))
            }
            (_, ["v3", "secrets", "raw", name]) => self.one(method, Api::V3, name).await?,
            (_, ["v4", "secrets", name]) => self.one(method, Api::V4, name).await?,
            (_, ["v1" | "v2", "folders"]) | (_, ["v1" | "v2", "folders", _]) => self.folders(method, segments).await?,
            (&Method::POST, ["v2", "workspace"]) => {
                let name = p.text("projectName").or_else(|| p.text("name"));
                let slug = match (p.text("slug"), name) {
                    (Some(slug), _) => slug.to_owned(),
                    (None, Some(name)) => slugify(name),
                    (None, None) => return Err(SecretsError::Invalid("projectName or slug is required".into())),
                };
                let project = secrets.create_project(actor, &slug, name, None, &[]).await?;
                ok(&json!({"project": project}))
            }
            (&Method::GET, ["v2", "workspace", slug]) | (&Method::GET, ["v1", "projects", "slug", slug]) => {
                ok(&secrets.project_view(actor, &ProjectRef::Slug((*slug).to_owned())).await?)
            }
            (&Method::GET, ["v1", "workspace", id]) => {
                ok(&json!({"workspace": secrets.project_view(actor, &ProjectRef::Id((*id).to_owned())).await?}))
            }
            (&Method::POST, ["v1", "workspace", id, "environments"]) => {
                let slug = p.text("slug").ok_or_else(|| SecretsError::Invalid("slug is required".into()))?;
                let name = p.text("name").unwrap_or(slug);
                ok(&secrets.add_environment(actor, &ProjectRef::Id((*id).to_owned()), name, slug).await?)
            }
            (&Method::POST, ["v2", "workspace", id, "identity-memberships", identity]) => {
                let role = p
                    .text("role")
                    .map(str::to_owned)
                    .or_else(|| p.body["roles"][0]["role"].as_str().map(str::to_owned))
                    .unwrap_or_else(|| "viewer".to_owned());
                let role = Role::parse(&role)
                    .ok_or_else(|| SecretsError::Invalid(format!("unknown role {role:?} (viewer, member, admin)")))?;
                // Infisical names the identity by its id; a name works too.
                let name = identity.strip_prefix(crate::access::MACHINE_PREFIX).unwrap_or(identity);
                let name = match self.state.auth.identity(name).await {
                    Ok(found) => found.name,
                    Err(_) => name.to_owned(),
                };
                let identity = format!("{}{name}", crate::access::MACHINE_PREFIX);
                ok(&secrets.attach(actor, &ProjectRef::Id((*id).to_owned()), &identity, role).await?)
            }
            (&Method::GET, ["v1", "workspace" | "projects", id, "tags"]) => {
                ok(&json!({"workspaceTags": secrets.tags(actor, &ProjectRef::Id((*id).to_owned())).await?}))
            }
            (&Method::POST, ["v1", "workspace" | "projects", id, "tags"]) => {
                let slug = p.text("slug").ok_or_else(|| SecretsError::Invalid("slug is required".into()))?;
                let color = p.text("color").map(str::to_owned);
                let tag =
                    secrets.create_tag(actor, &ProjectRef::Id((*id).to_owned()), slug, p.text("name"), color).await?;
                ok(&json!({"workspaceTag": tag}))
            }
            (&Method::GET, ["v1", "secret-imports"]) => {
                let scope = p.scope(&["path", "directory", "secretPath"])?;
                ok(&json!({"secretImports": secrets.imports(actor, &scope).await?}))
            }
            (&Method::POST, ["v1", "secret-imports"]) => {
                let scope = p.scope(&["path", "directory", "secretPath"])?;
                let import = &p.body["import"];
                let environment = import["environment"]
                    .as_str()
                    .ok_or_else(|| SecretsError::Invalid("import.environment is required".into()))?;
                let path = import["path"].as_str().unwrap_or("/");
                ok(&json!({"secretImport": secrets.create_import(actor, &scope, environment, path).await?}))
            }
            (&Method::GET, ["v1", "secret", id, "secret-versions"]) => {
                ok(&json!({"secretVersions": secrets.versions(actor, id).await?}))
            }
            (&Method::POST, ["v1", "secret", id, "secret-versions", version, "restore"]) => {
                let version =
                    version.parse().map_err(|_| SecretsError::Invalid(format!("invalid version {version:?}")))?;
                ok(&json!({"secret": secrets.restore(actor, id, version).await?}))
            }
            _ => error(StatusCode::NOT_FOUND, &format!("no route {method} /api/{}", segments.join("/"))),
        };
        Ok(reply)
    }

    /// `GET /api/v3/secrets/raw`, `GET /api/v4/secrets`.
    async fn list(&self, api: Api) -> Result<Reply, SecretsError> {
        let p = self.params;
        let scope = p.scope(&["secretPath", "path"])?;
        let tags = p.text("tagSlugs").map_or_else(Vec::new, |t| {
            t.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
        });
        let query = ListQuery {
            scope,
            recursive: p.flag("recursive").unwrap_or(false),
            tags,
            metadata: p.text("metadataFilter").map(metadata_filter).transpose()?.unwrap_or_default(),
            read: read_options(p, api),
        };
        let list = self.state.kms.secrets().list(self.actor, &query).await?;
        let body = serde_json::to_vec(&list).map_err(|e| SecretsError::Corrupt(e.to_string()))?;
        let etag = format!("\"{}\"", hex::encode(Sha256::digest(&body)));
        let unchanged = self
            .headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| etag_matches(v, &etag));
        let mut reply = if unchanged {
            let mut reply = Response::new(Full::new(Bytes::new()));
            *reply.status_mut() = StatusCode::NOT_MODIFIED;
            reply
        } else {
            bytes_reply(body)
        };
        if let Ok(value) = HeaderValue::from_str(&etag) {
            reply.headers_mut().insert(header::ETAG, value);
        }
        Ok(reply)
    }

    /// One secret, by name: GET, POST, PATCH, DELETE.
    async fn one(&self, method: &Method, api: Api, name: &str) -> Result<Reply, SecretsError> {
        let (p, actor, secrets) = (self.params, self.actor, self.state.kms.secrets());
        let scope = p.scope(&["secretPath"])?;
        if p.text("type").is_some_and(|t| t != "shared") {
            return Err(SecretsError::Invalid(
                "Only shared secrets are supported (type \"shared\"); personal secrets are not".into(),
            ));
        }
        let secret = match *method {
            Method::GET => {
                let version = match p.text("version") {
                    None => None,
                    Some(v) => Some(v.parse().map_err(|_| SecretsError::Invalid(format!("invalid version {v:?}")))?),
                };
                secrets.get(actor, &scope, name, version, read_options(p, api)).await?
            }
            Method::POST => {
                let value =
                    p.text_raw("secretValue").ok_or_else(|| SecretsError::Invalid("secretValue is required".into()))?;
                let input = SecretInput {
                    value: Zeroizing::new(paths::trim_value(value)),
                    comment: p.text_raw("secretComment").map(|c| Zeroizing::new(c.to_owned())),
                    skip_multiline: p.flag("skipMultilineEncoding"),
                    tag_ids: p.strings("tagIds"),
                    metadata: p.metadata()?,
                    reminder_note: p.text("secretReminderNote").map(str::to_owned),
                    reminder_days: p.number("secretReminderRepeatDays"),
                };
                secrets.create(actor, &scope, name, input).await?
            }
            Method::PATCH => {
                let patch = SecretPatch {
                    new_key: p.text("newSecretName").map(str::to_owned),
                    value: p.text_raw("secretValue").map(|v| Zeroizing::new(paths::trim_value(v))),
                    comment: p.text_raw("secretComment").map(|c| Zeroizing::new(c.to_owned())),
                    skip_multiline: p.flag("skipMultilineEncoding"),
                    tag_ids: p.strings("tagIds"),
                    metadata: p.metadata()?,
                    reminder_note: p.text("secretReminderNote").map(str::to_owned),
                    reminder_days: p.number("secretReminderRepeatDays"),
                };
                secrets.update(actor, &scope, name, patch).await?
            }
            Method::DELETE => secrets.delete(actor, &scope, name).await?,
            _ => return Ok(error(StatusCode::METHOD_NOT_ALLOWED, "use GET, POST, PATCH or DELETE")),
        };
        Ok(ok(&json!({"secret": secret})))
    }

    /// `POST /api/v3/secrets/batch/raw`.
    async fn batch(&self) -> Result<Reply, SecretsError> {
        let p = self.params;
        let scope = p.scope(&["secretPath"])?;
        let items =
            p.body["secrets"].as_array().ok_or_else(|| SecretsError::Invalid("secrets must be an array".into()))?;
        let mut inputs = Vec::with_capacity(items.len());
        for item in items {
            let item = Params { query: HashMap::new(), body: item.clone() };
            let key = item.text("secretKey").ok_or_else(|| SecretsError::Invalid("secretKey is required".into()))?;
            let value = item.text_raw("secretValue").unwrap_or_default();
            inputs.push((
                key.to_owned(),
                SecretInput {
                    value: Zeroizing::new(paths::trim_value(value)),
                    comment: item.text_raw("secretComment").map(|c| Zeroizing::new(c.to_owned())),
                    skip_multiline: item.flag("skipMultilineEncoding"),
                    tag_ids: item.strings("tagIds"),
                    metadata: item.metadata()?,
                    reminder_note: None,
                    reminder_days: None,
                },
            ));
        }
        let created = self.state.kms.secrets().create_many(self.actor, &scope, inputs, "create-secrets").await?;
        Ok(ok(&json!({"secrets": created})))
    }

    /// Folders v1 (`workspaceId`, `path` or `directory`) and v2
    /// (`projectId`).
    async fn folders(&self, method: &Method, segments: &[&str]) -> Result<Reply, SecretsError> {
        let (p, actor, secrets) = (self.params, self.actor, self.state.kms.secrets());
        let path_keys = ["path", "directory"];
        Ok(match (method, segments) {
            (&Method::GET, [_, "folders"]) => {
                let recursive = p.flag("recursive").unwrap_or(false);
                ok(&json!({"folders": secrets.list_folders(actor, &p.scope(&path_keys)?, recursive).await?}))
            }
            (&Method::POST, [_, "folders"]) => {
                let name = p.text("name").ok_or_else(|| SecretsError::Invalid("name is required".into()))?;
                let description = p.text("description").map(str::to_owned);
                ok(&json!({"folder": secrets.create_folder(actor, &p.scope(&path_keys)?, name, description).await?}))
            }
            (&Method::GET, [_, "folders", id]) => ok(&json!({"folder": secrets.folder_by_id(actor, id).await?})),
            (&Method::PATCH, [_, "folders", id]) => {
                let name = p.text("name").ok_or_else(|| SecretsError::Invalid("name is required".into()))?;
                ok(&json!({"folder": secrets.rename_folder(actor, &p.scope(&path_keys)?, id, name).await?}))
            }
            (&Method::DELETE, [_, "folders", id]) => {
                ok(&json!({"folder": secrets.delete_folder(actor, &p.scope(&path_keys)?, id).await?}))
            }
            _ => error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed on folders"),
        })
    }
}

/// The read options of a request: v3 defaults (`expandSecretReferences`
/// false, `include_imports` false) or v4's (both true).
fn read_options(p: &Params, api: Api) -> ReadOptions {
    let default = api == Api::V4;
    ReadOptions {
        view_value: p.flag("viewSecretValue").unwrap_or(true),
        expand: p.flag("expandSecretReferences").unwrap_or(default),
        include_imports: p.flag("include_imports").or_else(|| p.flag("includeImports")).unwrap_or(default),
    }
}

/// Parses `key=K,value=V|key=K2` (at most 10 filters).
fn metadata_filter(text: &str) -> Result<Vec<MetadataFilter>, SecretsError> {
    let filters: Vec<MetadataFilter> = text
        .split('|')
        .filter(|f| !f.trim().is_empty())
        .map(|filter| {
            let mut key = None;
            let mut value = None;
            for part in filter.split(',') {
                match part.split_once('=') {
                    Some(("key", k)) => key = Some(k.trim().to_owned()),
                    Some(("value", v)) => value = Some(v.trim().to_owned()),
                    _ => {}
                }
            }
            MetadataFilter { key, value }
        })
        .collect();
    if filters.len() > 10 {
        return Err(SecretsError::Invalid("at most 10 metadata filters".into()));
    }
    Ok(filters)
}

/// A request's parameters: the query, then the JSON body.
struct Params {
    query: HashMap<String, String>,
    body: Value,
}

impl Params {
    /// The untrimmed string of `name`; empty is absent in the query.
    fn text_raw(&self, name: &str) -> Option<&str> {
        match self.body.get(name) {
            Some(Value::String(s)) => Some(s.as_str()),
            _ => self.query.get(name).map(String::as_str).filter(|s| !s.is_empty()),
        }
    }

    /// The trimmed, non-empty string of `name`.
    fn text(&self, name: &str) -> Option<&str> {
        self.text_raw(name).map(str::trim).filter(|s| !s.is_empty())
    }

    /// A boolean: JSON `true`/`false` or the strings.
    fn flag(&self, name: &str) -> Option<bool> {
        if let Some(Value::Bool(b)) = self.body.get(name) {
            return Some(*b);
        }
        match self.text(name)?.to_ascii_lowercase().as_str() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        }
    }

    fn number(&self, name: &str) -> Option<u64> {
        match self.body.get(name) {
            Some(Value::Number(n)) => n.as_u64(),
            _ => self.text(name)?.parse().ok(),
        }
    }

    /// A list of strings: a JSON array, or comma-separated.
    fn strings(&self, name: &str) -> Option<Vec<String>> {
        match self.body.get(name) {
            Some(Value::Array(items)) => Some(items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()),
            _ => self.text(name).map(|t| t.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()),
        }
    }

    /// `secretMetadata` (`[{key, value}]`) or `metadata` (`{key: value}`).
    fn metadata(&self) -> Result<Option<Vec<Metadata>>, SecretsError> {
        if let Some(Value::Array(items)) = self.body.get("secretMetadata") {
            let mut out = Vec::new();
            for item in items {
                let key = item["key"].as_str().ok_or_else(|| SecretsError::Invalid("secretMetadata[].key".into()))?;
                let value = item["value"].as_str().unwrap_or_default();
                out.push(Metadata { key: key.to_owned(), value: value.to_owned() });
            }
            return Ok(Some(out));
        }
        if let Some(Value::Object(map)) = self.body.get("metadata") {
            return Ok(Some(
                map.iter()
                    .map(|(k, v)| Metadata {
                        key: k.clone(),
                        value: v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                    })
                    .collect(),
            ));
        }
        Ok(None)
    }

    /// The project, environment and folder path (the first of `path_keys`
    /// given; `/` if none).
    fn scope(&self, path_keys: &[&str]) -> Result<SecretScope, SecretsError> {
        let project = if let Some(id) = self.text("projectId").or_else(|| self.text("workspaceId")) {
            ProjectRef::Id(id.to_owned())
        } else if let Some(slug) = self.text("workspaceSlug").or_else(|| self.text("projectSlug")) {
            ProjectRef::Slug(slug.to_owned())
        } else {
            return Err(SecretsError::Invalid(MISSING_SCOPE.into()));
        };
        let environment = self.text("environment").ok_or_else(|| SecretsError::Invalid(MISSING_SCOPE.into()))?;
        let path = path_keys.iter().find_map(|k| self.text(k)).unwrap_or("/");
        Ok(SecretScope { project, environment: environment.to_owned(), path: path.to_owned() })
    }
}

/// True if an `If-None-Match` value matches `etag` (quoted): `*`, or one
/// of a comma-separated list, compared without `W/` and quotes.
pub(crate) fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").trim_matches('"').to_owned();
    let etag = bare(etag);
    if_none_match
        .split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || (!candidate.is_empty() && bare(candidate) == etag))
}

/// The key=value pairs of a query string, percent-decoded (`+` is a space).
fn parse_query(query: &str) -> HashMap<String, String> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(&key.replace('+', " ")), percent_decode(&value.replace('+', " ")))
        })
        .collect()
}

/// `%XX` escapes decoded (invalid ones kept as they are).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Ok(hex) = std::str::from_utf8(hex)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A project slug made of a name.
fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_owned()
}

fn ok<T: Serialize>(body: &T) -> Reply {
    match serde_json::to_vec(body) {
        Ok(bytes) => bytes_reply(bytes),
        Err(e) => {
            error!(error = %e, "serialising a reply failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong")
        }
    }
}

fn bytes_reply(body: Vec<u8>) -> Reply {
    let mut reply = Response::new(Full::new(Bytes::from(body)));
    reply.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    reply
}

/// The reply of a service error.
fn secrets_error(e: &SecretsError) -> Reply {
    match e {
        SecretsError::Invalid(message) => error(StatusCode::BAD_REQUEST, message),
        SecretsError::Denied(message) => error(StatusCode::FORBIDDEN, message),
        SecretsError::NotFound(message) => error(StatusCode::NOT_FOUND, message),
        SecretsError::Corrupt(_) | SecretsError::Store(_) | SecretsError::Keys(_) => {
            error!(error = %e, "secrets request failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_compare_leniently() {
        let etag = "\"abc\"";
        for matching in ["\"abc\"", "abc", "W/\"abc\"", "\"x\", \"abc\"", "*", " \"abc\" "] {
            assert!(etag_matches(matching, etag), "{matching}");
        }
        for other in ["\"abd\"", "", "\"x\", \"y\"", "W/\"ab\""] {
            assert!(!etag_matches(other, etag), "{other}");
        }
    }

    #[test]
    fn queries_decode_and_empty_values_are_absent() {
        let query = parse_query("workspaceId=&environment=prod&secretPath=%2Fdb%2F&tagSlugs=a+b&flag");
        let params = Params { query, body: Value::Null };
        assert_eq!(params.text("workspaceId"), None);
        assert_eq!(params.text("environment"), Some("prod"));
        assert_eq!(params.text("secretPath"), Some("/db/"));
        assert_eq!(params.text("tagSlugs"), Some("a b"));
        assert_eq!(params.text("flag"), None);
        assert!(matches!(params.scope(&["secretPath"]), Err(SecretsError::Invalid(m)) if m == MISSING_SCOPE));
    }

    #[test]
    fn booleans_and_defaults_follow_the_version() {
        let params = Params { query: parse_query("include_imports=true&viewSecretValue=false"), body: Value::Null };
        let v3 = read_options(&params, Api::V3);
        assert_eq!(v3, ReadOptions { view_value: false, expand: false, include_imports: true });
        let none = Params { query: HashMap::new(), body: json!({"expandSecretReferences": false}) };
        assert_eq!(
            read_options(&none, Api::V4),
            ReadOptions { view_value: true, expand: false, include_imports: true }
        );
    }

    #[test]
    fn routes_are_recognised() {
        for route in [
            "/api/v3/secrets/raw",
            "/api/v4/secrets/X",
            "/api/v1/folders",
            "/api/v2/workspace/app",
            "/api/v1/projects/slug/app",
        ] {
            assert!(handles(route), "{route}");
        }
        for route in ["/api/status", "/api/v1/auth/universal-auth/login", "/kmip", "/api/v1/workspace"] {
            assert!(!handles(route), "{route}");
        }
        assert_eq!(slugify("My App 2"), "my-app-2");
        assert_eq!(metadata_filter("key=a,value=b|key=c").expect("filter").len(), 2);
    }
}
