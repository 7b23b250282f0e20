//! The secrets commands (`kms project create`, `kms identity attach`,
//! `kms secret set|get|list`), as the admin socket runs them and as the
//! CLI runs them on a store it opened itself: one implementation, over a
//! [`Kms`], acting as an administrator. Secret values travel in the
//! request (`secrets`) but are never part of its audit entry, which names
//! only the command's `object`/`identity` fields.

use serde_json::{Value, json};
use zeroize::Zeroizing;

use crate::ops::Kms;
use crate::secrets::{Actor, ListQuery, ProjectRef, ReadOptions, Role, SecretScope};

/// The admin socket commands of this module.
pub const COMMANDS: [&str; 5] = ["project-create", "identity-attach", "secret-set", "secret-get", "secret-list"];

/// Runs secrets command `command` with `request`'s arguments for `actor`.
pub async fn command(kms: &Kms, command: &str, request: &Value, actor: &Actor) -> Result<Value, String> {
    let secrets = kms.secrets();
    let text = |name: &str| request.get(name).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
    let required = |name: &str| text(name).ok_or_else(|| format!("{command}: no \"{name}\""));
    let scope = || -> Result<SecretScope, String> {
        Ok(SecretScope {
            project: ProjectRef::Slug(required("project")?.to_owned()),
            environment: required("env")?.to_owned(),
            path: text("path").unwrap_or("/").to_owned(),
        })
    };
    let read = ReadOptions { view_value: true, expand: false, include_imports: false };
    let result = match command {
        "project-create" => {
            let environments: Vec<(String, String)> = text("envs")
                .map(|envs| {
                    envs.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(|s| (s.to_owned(), s.to_owned()))
                        .collect()
                })
                .unwrap_or_default();
            let project = secrets
                .create_project(actor, required("slug")?, text("name"), text("org"), &environments)
                .await
                .map_err(|e| e.to_string())?;
            serde_json::to_value(project).map_err(|e| e.to_string())?
        }
        "identity-attach" => {
            let name = required("identity")?;
            let identity = if name.starts_with(crate::access::MACHINE_PREFIX) {
                name.to_owned()
            } else {
                format!("{}{name}", crate::access::MACHINE_PREFIX)
            };
            let role = required("role")?;
            let role = Role::parse(role).ok_or_else(|| format!("unknown role {role:?} (viewer, member, admin)"))?;
            let project = ProjectRef::Slug(required("project")?.to_owned());
            secrets.attach(actor, &project, &identity, role).await.map_err(|e| e.to_string())?
        }
        "secret-set" => {
            let Some(Value::Object(map)) = request.get("secrets") else {
                return Err("secret-set: \"secrets\" must be an object of KEY: VALUE".into());
            };
            let items = map
                .iter()
                .map(|(k, v)| (k.clone(), Zeroizing::new(v.as_str().unwrap_or_default().to_owned())))
                .collect();
            let set = secrets.set_many(actor, &scope()?, items).await.map_err(|e| e.to_string())?;
            let summary: Vec<Value> = set
                .iter()
                .map(
                    |s| json!({"id": s.id, "secretKey": s.secretKey, "secretPath": s.secretPath, "version": s.version}),
                )
                .collect();
            json!({"secrets": summary})
        }
        "secret-get" => {
            let secret =
                secrets.get(actor, &scope()?, required("key")?, None, read).await.map_err(|e| e.to_string())?;
            json!({"secret": secret})
        }
        "secret-list" => {
            let query = ListQuery { scope: scope()?, recursive: false, tags: vec![], metadata: vec![], read };
            let list = secrets.list(actor, &query).await.map_err(|e| e.to_string())?;
            json!({"secrets": list.secrets})
        }
        other => return Err(format!("unknown secrets command {other:?}")),
    };
    Ok(result)
}
