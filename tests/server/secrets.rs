//! The Infisical-compatible secrets routes of a real server
//! (`kms::server::spawn` on 127.0.0.1:0, sled store, the development PKI)
//! over real TLS with real Universal Auth tokens: projects and memberships
//! made with the `kms` CLI (through the admin socket), CRUD through v3 and
//! v4, versions, folders v1/v2, recursion, imports, references, tags,
//! ETag/304, roles, what an outsider learns, the client-facing details of
//! rest-contract.md §1.0, and a data dir that never holds a value.

use std::path::Path;

use base64::Engine as _;
use hyper::StatusCode;
use kms::server::RunningServer;
use serde_json::{Value, json};

use crate::support::{JsonReply, JsonRequest, TempDir, send_json, start};

type Reply = JsonReply;

/// A server, its project, and tokens of identities with each role.
struct Fixture {
    _dir: TempDir,
    server: RunningServer,
    project_id: String,
    member: String,
    viewer: String,
    outsider: String,
}

impl Fixture {
    async fn new(name: &str) -> Fixture {
        let dir = TempDir::new(name);
        let server = start(&dir, |_| {}).await;
        let data_dir = server.data_dir().to_path_buf();
        let project = cli(&data_dir, &["project", "create", "--slug", "app"]).await;
        let project: Value = serde_json::from_str(&project).expect("the project as JSON");
        let project_id = project["id"].as_str().expect("id").to_owned();
        let mut tokens = Vec::new();
        for (identity, role) in [("ci", Some("member")), ("reader", Some("viewer")), ("outsider", None)] {
            let created = cli(&data_dir, &["identity", "create", "--name", identity, "--org", "acme"]).await;
            let created: Value = serde_json::from_str(&created).expect("identity JSON");
            if let Some(role) = role {
                cli(&data_dir, &["identity", "attach", "--name", identity, "--project", "app", "--role", role]).await;
            }
            let login = json!({"clientId": created["clientId"], "clientSecret": created["clientSecret"]});
            let reply = send(&server, "POST", "/api/v1/auth/universal-auth/login/", None, Some(login), &[]).await;
            tokens.push(reply.ok()["accessToken"].as_str().expect("token").to_owned());
        }
        let outsider = tokens.pop().expect("outsider");
        let viewer = tokens.pop().expect("viewer");
        let member = tokens.pop().expect("member");
        Fixture { _dir: dir, server, project_id, member, viewer, outsider }
    }

    async fn call(&self, token: &str, method: &str, path: &str, body: Option<Value>) -> Reply {
        send(&self.server, method, path, Some(token), body, &[]).await
    }

    /// Creates `key` = `value` in `environment` at `path` (v3, as the member).
    async fn create(&self, environment: &str, path: &str, key: &str, value: &str) -> Value {
        let body = json!({"workspaceId": self.project_id, "environment": environment, "secretPath": path, "secretValue": value});
        self.call(&self.member, "POST", &format!("/api/v3/secrets/raw/{key}"), Some(body)).await.ok()["secret"].clone()
    }
}

/// Runs the `kms` binary on `data_dir` (it goes through the admin socket
/// of the server running there); its standard output.
async fn cli(data_dir: &Path, args: &[&str]) -> String {
    let mut all: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
    all.extend(["--data-dir".to_owned(), data_dir.display().to_string()]);
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_kms")).args(&all).output().expect("kms runs")
    })
    .await
    .expect("the CLI task");
    assert!(output.status.success(), "kms {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8").trim().to_owned()
}

/// One HTTPS/1.1 request.
async fn send(
    server: &RunningServer,
    method: &str,
    path: &str,
    bearer: Option<&str>,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> Reply {
    send_json(server, JsonRequest { method, path, bearer, body, headers, ..JsonRequest::default() }).await
}

fn keys(object: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = object.as_object().expect("object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

const SECRET_FIELDS: [&str; 18] = [
    "_id",
    "createdAt",
    "environment",
    "id",
    "secretComment",
    "secretKey",
    "secretMetadata",
    "secretPath",
    "secretReminderNote",
    "secretReminderRepeatDays",
    "secretValue",
    "secretValueHidden",
    "skipMultilineEncoding",
    "tags",
    "type",
    "updatedAt",
    "version",
    "workspace",
];

#[tokio::test]
async fn secrets_crud_through_v3_and_v4_with_versions_and_the_full_field_set() {
    let f = Fixture::new("secrets-crud").await;
    let id = f.project_id.clone();
    let body = json!({
        "workspaceId": id, "environment": "dev", "secretPath": "", "secretValue": "  s3cret-value \n",
        "secretComment": "the db", "secretMetadata": [{"key": "team", "value": "core"}], "unknownField": 1,
    });
    let created = f.call(&f.member, "POST", "/api/v3/secrets/raw/DB_PASS/", Some(body)).await.ok();
    let secret = &created["secret"];
    assert_eq!(keys(secret), SECRET_FIELDS);
    assert_eq!(secret["id"], secret["_id"]);
    assert_eq!((secret["workspace"].as_str(), secret["environment"].as_str()), (Some(&*id), Some("dev")));
    assert_eq!((secret["secretValue"].as_str(), secret["version"].as_u64()), (Some("s3cret-value\n"), Some(1)));
    assert_eq!((secret["type"].as_str(), secret["secretPath"].as_str()), (Some("shared"), Some("/")));
    assert_eq!(secret["secretMetadata"], json!([{"key": "team", "value": "core"}]));
    assert_eq!(secret["secretComment"], "the db");

    // Read through v3 (slug, empty values as absent) and v4.
    let path = "/api/v3/secrets/raw/DB_PASS?workspaceId=&workspaceSlug=app&environment=dev&secretPath=&type=shared";
    let got = f.call(&f.member, "GET", path, None).await.ok();
    assert_eq!(got["secret"]["secretValue"], "s3cret-value\n");
    let v4 = f.call(&f.member, "GET", &format!("/api/v4/secrets/DB_PASS/?projectId={id}&environment=dev"), None).await;
    assert_eq!(v4.ok()["secret"]["id"], secret["id"]);
    let list_path = format!("/api/v4/secrets?projectId={id}&environment=dev&secretPath=%2F");
    let list = f.call(&f.member, "GET", &list_path, None).await.ok();
    assert_eq!(list["secrets"].as_array().map(Vec::len), Some(1));
    assert_eq!(list["imports"], json!([]), "v4 includes imports by default");
    assert_eq!(keys(&list["secrets"][0]), SECRET_FIELDS);
    let hidden_path = format!("/api/v3/secrets/raw?workspaceId={id}&environment=dev&viewSecretValue=false");
    let hidden = f.call(&f.member, "GET", &hidden_path, None).await.ok();
    assert_eq!(
        (hidden["secrets"][0]["secretValue"].as_str(), hidden["secrets"][0]["secretValueHidden"].as_bool()),
        (Some("<hidden-by-infisical>"), Some(true))
    );
    assert!(hidden.get("imports").is_none(), "v3 lists no imports unless asked");

    // Update (v3 PATCH), versions, restore.
    let patch = json!({"workspaceId": id, "environment": "dev", "secretValue": "second"});
    let updated = f.call(&f.member, "PATCH", "/api/v3/secrets/raw/DB_PASS", Some(patch)).await.ok();
    assert_eq!(
        (updated["secret"]["version"].as_u64(), updated["secret"]["secretComment"].as_str()),
        (Some(2), Some("the db"))
    );
    let secret_id = secret["id"].as_str().expect("id");
    let versions = f.call(&f.member, "GET", &format!("/api/v1/secret/{secret_id}/secret-versions"), None).await.ok();
    let values: Vec<&str> = versions["secretVersions"]
        .as_array()
        .expect("versions")
        .iter()
        .filter_map(|v| v["secretValue"].as_str())
        .collect();
    assert_eq!(values, ["s3cret-value\n", "second"]);
    let old_path = format!("/api/v3/secrets/raw/DB_PASS?workspaceId={id}&environment=dev&version=1");
    let old = f.call(&f.member, "GET", &old_path, None).await.ok();
    assert_eq!(old["secret"]["secretValue"], "s3cret-value\n");
    let restored =
        f.call(&f.member, "POST", &format!("/api/v1/secret/{secret_id}/secret-versions/1/restore"), None).await.ok();
    assert_eq!(
        (restored["secret"]["version"].as_u64(), restored["secret"]["secretValue"].as_str()),
        (Some(3), Some("s3cret-value\n"))
    );
    let by_id = f.call(&f.member, "GET", &format!("/api/v3/secrets/raw/id/{secret_id}"), None).await.ok();
    assert_eq!(by_id["secret"]["version"], 3);

    // v4 writes, rename, delete.
    let body = json!({"projectId": id, "environment": "dev", "secretValue": "x"});
    f.call(&f.member, "POST", "/api/v4/secrets/OTHER", Some(body.clone())).await.ok();
    f.call(&f.member, "POST", "/api/v4/secrets/OTHER", Some(body)).await.error(StatusCode::BAD_REQUEST, "BadRequest");
    let rename = json!({"projectId": id, "environment": "dev", "newSecretName": "RENAMED"});
    assert_eq!(
        f.call(&f.member, "PATCH", "/api/v4/secrets/OTHER", Some(rename)).await.ok()["secret"]["secretKey"],
        "RENAMED"
    );
    let gone = json!({"projectId": id, "environment": "dev", "secretName": "RENAMED"});
    assert_eq!(
        f.call(&f.member, "DELETE", "/api/v4/secrets/RENAMED", Some(gone.clone())).await.ok()["secret"]["secretValue"],
        "x"
    );
    f.call(&f.member, "DELETE", "/api/v4/secrets/RENAMED", Some(gone)).await.error(StatusCode::NOT_FOUND, "NotFound");

    // Batch create.
    let batch = json!({"workspaceId": id, "environment": "prod", "secretPath": "/", "secrets": [
        {"secretKey": "A", "secretValue": "1"}, {"secretKey": "B", "secretValue": "2", "secretComment": "b"}]});
    let created = f.call(&f.member, "POST", "/api/v3/secrets/batch/raw", Some(batch)).await.ok();
    assert_eq!(created["secrets"].as_array().map(Vec::len), Some(2));

    // Client-breaking details: missing scope, names, personal, GET bodies.
    let message = f
        .call(&f.member, "GET", "/api/v3/secrets/raw?environment=dev", None)
        .await
        .error(StatusCode::BAD_REQUEST, "BadRequest");
    assert_eq!(message["message"], "Missing project id or environment");
    let message = f
        .call(&f.member, "GET", &format!("/api/v3/secrets/raw?workspaceId={id}&environment="), None)
        .await
        .error(StatusCode::BAD_REQUEST, "BadRequest");
    assert_eq!(message["message"], "Missing project id or environment");
    let bad = json!({"workspaceId": id, "environment": "dev", "secretValue": "v"});
    f.call(&f.member, "POST", "/api/v3/secrets/raw/A:B", Some(bad.clone()))
        .await
        .error(StatusCode::BAD_REQUEST, "BadRequest");
    f.call(&f.member, "POST", "/api/v3/secrets/raw/%20%20", Some(bad.clone()))
        .await
        .error(StatusCode::BAD_REQUEST, "BadRequest");
    let personal = json!({"workspaceId": id, "environment": "dev", "secretValue": "v", "type": "personal"});
    f.call(&f.member, "POST", "/api/v3/secrets/raw/P", Some(personal))
        .await
        .error(StatusCode::BAD_REQUEST, "BadRequest");
    let with_body = send(
        &f.server,
        "GET",
        &format!("/api/v3/secrets/raw?workspaceId={id}&environment=dev"),
        Some(&f.member),
        Some(json!({"not": "read"})),
        &[],
    )
    .await;
    assert_eq!(with_body.ok()["secrets"].as_array().map(Vec::len), Some(1));
    f.call("not-a-token", "GET", &format!("/api/v3/secrets/raw?workspaceId={id}&environment=dev"), None)
        .await
        .error(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    f.call(&f.member, "GET", &format!("/api/v3/secrets/raw?workspaceId={id}&environment=qa"), None)
        .await
        .error(StatusCode::NOT_FOUND, "NotFound");

    // Project lookups.
    let by_slug = f.call(&f.member, "GET", "/api/v2/workspace/app/", None).await.ok();
    assert_eq!(by_slug["id"], id.as_str());
    let envs: Vec<&str> =
        by_slug["environments"].as_array().expect("envs").iter().filter_map(|e| e["slug"].as_str()).collect();
    assert_eq!(envs, ["dev", "staging", "prod"]);
    assert_eq!(f.call(&f.member, "GET", "/api/v1/projects/slug/app", None).await.ok()["id"], id.as_str());
    assert_eq!(
        f.call(&f.member, "GET", &format!("/api/v1/workspace/{id}"), None).await.ok()["workspace"]["slug"],
        "app"
    );
}

#[tokio::test]
async fn folders_recursion_imports_references_and_tags() {
    let f = Fixture::new("secrets-folders").await;
    let id = f.project_id.clone();
    // v1 (directory alias) and v2 (projectId) folders.
    let v1 = json!({"workspaceId": id, "environment": "prod", "name": "database", "directory": "/"});
    let folder = f.call(&f.member, "POST", "/api/v1/folders", Some(v1)).await.ok()["folder"].clone();
    for field in ["id", "name", "createdAt", "updatedAt", "envId", "path"] {
        assert!(folder.get(field).is_some(), "{field} in {folder}");
    }
    assert_eq!(folder["path"], "/database");
    let v2 = json!({"projectId": id, "environment": "prod", "name": "replica", "path": "/database/"});
    let replica = f.call(&f.member, "POST", "/api/v2/folders", Some(v2)).await.ok()["folder"].clone();
    assert_eq!(replica["path"], "/database/replica");
    let listed = f
        .call(&f.member, "GET", &format!("/api/v1/folders?workspaceId={id}&environment=prod&directory=/database"), None)
        .await
        .ok();
    assert_eq!(listed["folders"][0]["name"], "replica");
    let by_id =
        f.call(&f.member, "GET", &format!("/api/v2/folders/{}", replica["id"].as_str().expect("id")), None).await.ok();
    assert_eq!(by_id["folder"]["envId"], replica["envId"]);

    f.create("prod", "/database", "DB_HOST", "db.internal").await;
    f.create("prod", "/database/replica", "DB_HOST", "replica.internal").await;
    f.create("prod", "/", "DOMAIN", "example.com").await;
    f.create("dev", "/", "USER", "alice").await;
    f.create("dev", "/", "URL", "postgres://${USER}@${prod.database.DB_HOST}/${NOPE}").await;

    // Recursive listing: every descendant with its own path.
    let deep = f
        .call(&f.member, "GET", &format!("/api/v3/secrets/raw?workspaceId={id}&environment=prod&recursive=true"), None)
        .await
        .ok();
    let found: Vec<(&str, &str)> = deep["secrets"]
        .as_array()
        .expect("secrets")
        .iter()
        .map(|s| (s["secretPath"].as_str().unwrap_or_default(), s["secretKey"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(found, [("/", "DOMAIN"), ("/database", "DB_HOST"), ("/database/replica", "DB_HOST")]);

    // References: v3 only when asked, v4 by default.
    let raw =
        f.call(&f.member, "GET", &format!("/api/v3/secrets/raw/URL?workspaceId={id}&environment=dev"), None).await.ok();
    assert_eq!(raw["secret"]["secretValue"], "postgres://${USER}@${prod.database.DB_HOST}/${NOPE}");
    let expanded = f
        .call(
            &f.member,
            "GET",
            &format!("/api/v3/secrets/raw/URL?workspaceId={id}&environment=dev&expandSecretReferences=true"),
            None,
        )
        .await
        .ok();
    assert_eq!(expanded["secret"]["secretValue"], "postgres://alice@db.internal/${NOPE}");
    let v4 = f.call(&f.member, "GET", &format!("/api/v4/secrets?projectId={id}&environment=dev"), None).await.ok();
    let url = v4["secrets"].as_array().expect("secrets").iter().find(|s| s["secretKey"] == "URL").expect("URL").clone();
    assert_eq!(url["secretValue"], "postgres://alice@db.internal/${NOPE}");

    // Imports, listed apart from the folder's own secrets.
    let import = json!({"workspaceId": id, "environment": "dev", "path": "/", "import": {"environment": "prod", "path": "/database"}});
    f.call(&f.member, "POST", "/api/v1/secret-imports", Some(import)).await.ok();
    let with = f
        .call(
            &f.member,
            "GET",
            &format!("/api/v3/secrets/raw?workspaceId={id}&environment=dev&include_imports=true"),
            None,
        )
        .await
        .ok();
    let imports = with["imports"].as_array().expect("imports");
    assert_eq!(imports.len(), 1);
    assert_eq!(
        (imports[0]["environment"].as_str(), imports[0]["secretPath"].as_str()),
        (Some("prod"), Some("/database"))
    );
    assert_eq!(imports[0]["secrets"][0]["secretValue"], "db.internal");
    let mut imported_fields = SECRET_FIELDS.to_vec();
    imported_fields.retain(|f| *f != "createdAt" && *f != "updatedAt");
    assert_eq!(keys(&imports[0]["secrets"][0]), imported_fields);
    assert_eq!(with["secrets"].as_array().map(Vec::len), Some(2), "own secrets apart");

    // Tags filter.
    let tag = f
        .call(
            &f.member,
            "POST",
            &format!("/api/v1/workspace/{id}/tags"),
            Some(json!({"slug": "db", "name": "Database", "color": "#123456"})),
        )
        .await
        .ok();
    let tag_id = tag["workspaceTag"]["id"].as_str().expect("tag id").to_owned();
    let patch = json!({"workspaceId": id, "environment": "dev", "tagIds": [tag_id]});
    let tagged = f.call(&f.member, "PATCH", "/api/v3/secrets/raw/USER", Some(patch)).await.ok();
    assert_eq!(tagged["secret"]["tags"], json!([{"id": tag_id, "slug": "db", "name": "Database", "color": "#123456"}]));
    let filtered = f
        .call(
            &f.member,
            "GET",
            &format!("/api/v3/secrets/raw?workspaceId={id}&environment=dev&tagSlugs=%20db%20,other"),
            None,
        )
        .await
        .ok();
    let names: Vec<&str> =
        filtered["secrets"].as_array().expect("secrets").iter().filter_map(|s| s["secretKey"].as_str()).collect();
    assert_eq!(names, ["USER"]);

    // Rename and delete folders (v1 by name with a body, v2 by id).
    let rename = json!({"workspaceId": id, "environment": "prod", "name": "replica2", "path": "/database"});
    let renamed = f
        .call(&f.member, "PATCH", &format!("/api/v1/folders/{}", replica["id"].as_str().expect("id")), Some(rename))
        .await
        .ok();
    assert_eq!(renamed["folder"]["path"], "/database/replica2");
    let delete = json!({"workspaceId": id, "environment": "prod", "directory": "/"});
    f.call(&f.member, "DELETE", "/api/v1/folders/database", Some(delete)).await.ok();
    let deep = f
        .call(&f.member, "GET", &format!("/api/v3/secrets/raw?workspaceId={id}&environment=prod&recursive=true"), None)
        .await
        .ok();
    assert_eq!(deep["secrets"].as_array().map(Vec::len), Some(1), "the folder's secrets went with it");
}

#[tokio::test]
async fn lists_carry_an_etag_and_an_unchanged_list_is_a_304() {
    let f = Fixture::new("secrets-etag").await;
    f.create("prod", "/", "A", "1").await;
    let path = format!("/api/v3/secrets/raw?workspaceId={}&environment=prod&secretPath=/", f.project_id);
    let first = f.call(&f.member, "GET", &path, None).await;
    assert_eq!(first.status, StatusCode::OK);
    let etag = first.headers.get("etag").and_then(|v| v.to_str().ok()).expect("an ETag").to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"') && etag.len() == 66, "{etag}");
    let expected = format!("\"{}\"", hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&first.body)));
    assert_eq!(etag, expected, "the quoted SHA-256 of the body");
    let again = f.call(&f.member, "GET", &path, None).await;
    assert_eq!(again.headers.get("etag").and_then(|v| v.to_str().ok()), Some(&*etag), "stable");
    for condition in [etag.clone(), format!("W/{etag}"), format!("\"other\", {etag}"), "*".to_owned()] {
        let reply = send(&f.server, "GET", &path, Some(&f.member), None, &[("if-none-match", &condition)]).await;
        assert_eq!(reply.status, StatusCode::NOT_MODIFIED, "{condition}");
        assert!(reply.body.is_empty());
        assert_eq!(reply.headers.get("etag").and_then(|v| v.to_str().ok()), Some(&*etag));
    }
    f.create("prod", "/", "B", "2").await;
    let changed = send(&f.server, "GET", &path, Some(&f.member), None, &[("if-none-match", &etag)]).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_ne!(changed.headers.get("etag").and_then(|v| v.to_str().ok()), Some(&*etag));
    assert_eq!(changed.json()["secrets"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn viewers_read_and_outsiders_learn_nothing() {
    let f = Fixture::new("secrets-roles").await;
    let id = f.project_id.clone();
    f.create("dev", "/", "KEY", "v").await;
    let get = |key: &str| format!("/api/v3/secrets/raw/{key}?workspaceId={id}&environment=dev");
    assert_eq!(f.call(&f.viewer, "GET", &get("KEY"), None).await.ok()["secret"]["secretValue"], "v");
    let body = json!({"workspaceId": id, "environment": "dev", "secretValue": "x"});
    f.call(&f.viewer, "POST", "/api/v3/secrets/raw/NEW", Some(body.clone()))
        .await
        .error(StatusCode::FORBIDDEN, "PermissionDenied");
    f.call(&f.viewer, "PATCH", "/api/v3/secrets/raw/KEY", Some(body.clone()))
        .await
        .error(StatusCode::FORBIDDEN, "PermissionDenied");
    let folder = json!({"workspaceId": id, "environment": "dev", "name": "x", "path": "/"});
    f.call(&f.viewer, "POST", "/api/v1/folders", Some(folder)).await.error(StatusCode::FORBIDDEN, "PermissionDenied");
    f.call(&f.member, "POST", "/api/v2/workspace", Some(json!({"projectName": "Other"})))
        .await
        .error(StatusCode::FORBIDDEN, "PermissionDenied");

    // The outsider: the same answer for what exists and what does not.
    let existing = f.call(&f.outsider, "GET", &get("KEY"), None).await.error(StatusCode::FORBIDDEN, "PermissionDenied");
    let missing =
        f.call(&f.outsider, "GET", &get("MISSING"), None).await.error(StatusCode::FORBIDDEN, "PermissionDenied");
    assert_eq!(existing, missing);
    let list = f.call(&f.outsider, "GET", &format!("/api/v3/secrets/raw?workspaceId={id}&environment=dev"), None).await;
    let nowhere = f
        .call(
            &f.outsider,
            "GET",
            "/api/v3/secrets/raw?workspaceId=00000000-0000-0000-0000-000000000000&environment=dev",
            None,
        )
        .await;
    let list = list.error(StatusCode::FORBIDDEN, "PermissionDenied");
    let mut nowhere = nowhere.error(StatusCode::FORBIDDEN, "PermissionDenied");
    nowhere["message"] = list["message"].clone();
    assert_eq!(list, nowhere, "only the echoed id differs");
    let by_slug = f
        .call(&f.outsider, "GET", "/api/v2/workspace/app", None)
        .await
        .error(StatusCode::FORBIDDEN, "PermissionDenied");
    let no_slug = f
        .call(&f.outsider, "GET", "/api/v2/workspace/ppa", None)
        .await
        .error(StatusCode::FORBIDDEN, "PermissionDenied");
    assert_eq!(
        by_slug["message"].as_str().map(|m| m.replace("'app'", "'X'")),
        no_slug["message"].as_str().map(|m| m.replace("'ppa'", "'X'"))
    );
    let secret_id =
        f.call(&f.member, "GET", &get("KEY"), None).await.ok()["secret"]["id"].as_str().expect("id").to_owned();
    let a = f
        .call(&f.outsider, "GET", &format!("/api/v3/secrets/raw/id/{secret_id}"), None)
        .await
        .error(StatusCode::FORBIDDEN, "PermissionDenied");
    let b = f
        .call(&f.outsider, "GET", "/api/v3/secrets/raw/id/nope", None)
        .await
        .error(StatusCode::FORBIDDEN, "PermissionDenied");
    assert_eq!(a, b);

    // Refusals are audited: who, which event, what was asked, the result.
    let audit = cli(f.server.data_dir(), &["audit", "export"]).await;
    let records: Vec<Value> = audit.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let refused = |event: &str, route: &str| {
        records.iter().any(|r| {
            r["operation"] == event
                && r["identity"] == "machine:outsider"
                && r["result"] == "PermissionDenied"
                && r["details"]["route"] == route
        })
    };
    assert!(refused("get-secret", "/api/v3/secrets/raw/MISSING"), "the outsider's refused get is audited");
    assert!(refused("get-secrets", "/api/v3/secrets/raw"), "the outsider's refused list is audited");
    let viewer_refused = records.iter().any(|r| {
        r["operation"] == "create-secret" && r["identity"] == "machine:reader" && r["result"] == "PermissionDenied"
    });
    assert!(viewer_refused, "the viewer's refused create is audited");
}

#[tokio::test]
async fn the_cli_sets_and_reads_and_the_data_dir_holds_no_value() {
    let f = Fixture::new("secrets-cli").await;
    let data_dir = f.server.data_dir().to_path_buf();
    let value = "pl41n-t3xt-v4lue-0f-a-s3cret";
    let set = cli(
        &data_dir,
        &[
            "secret",
            "set",
            "--project",
            "app",
            "--env",
            "prod",
            "--path",
            "/app/db",
            &format!("DB_PASSWORD={value}"),
            "--json",
        ],
    )
    .await;
    assert!(!set.contains(value), "set does not echo values: {set}");
    let got =
        cli(&data_dir, &["secret", "get", "--project", "app", "--env", "prod", "--path", "/app/db/", "DB_PASSWORD"])
            .await;
    assert_eq!(got, value);
    let listed = cli(&data_dir, &["secret", "list", "--project", "app", "--env", "prod", "--path", "/app/db"]).await;
    assert_eq!(listed, format!("DB_PASSWORD={value}"));
    // The member reads it over HTTPS; the folders were made by `secret set`.
    let path = format!("/api/v4/secrets/DB_PASSWORD?projectId={}&environment=prod&secretPath=/app/db", f.project_id);
    assert_eq!(f.call(&f.member, "GET", &path, None).await.ok()["secret"]["secretValue"], value);
    f.create("prod", "/", "SECOND", value).await;

    let audit = cli(&data_dir, &["audit", "export"]).await;
    for event in ["get-secret", "create-secret", "set-secrets", "create-folder"] {
        assert!(audit.contains(&format!("\"{event}\"")), "{event} audited");
    }
    assert!(!audit.contains(value), "the audit holds no value");
    let records: Vec<Value> = audit.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let read =
        records.iter().find(|r| r["operation"] == "get-secret" && r["channel"] == "http").expect("an HTTP get-secret");
    assert_eq!((read["kind"].as_str(), read["channel"].as_str()), (Some("machine"), Some("http")));
    assert_eq!(read["identity"], "machine:ci");
    assert!(read["source"].as_str().is_some_and(|s| s.starts_with("127.0.0.1:")), "{read}");
    assert_eq!(read["details"]["secretKey"], "DB_PASSWORD");
    assert_eq!(read["details"]["secretPath"], "/app/db");
    assert_eq!(read["details"]["environment"], "prod");
    assert_eq!(read["details"]["secretVersion"], 1);

    let Fixture { server, _dir: dir, .. } = f;
    server.shutdown().await.expect("clean shutdown");
    let needles: Vec<Vec<u8>> = vec![
        value.as_bytes().to_vec(),
        hex::encode(value).into_bytes(),
        base64::engine::general_purpose::STANDARD.encode(value).trim_end_matches('=').as_bytes().to_vec(),
        value.as_bytes()[..12].to_vec(),
    ];
    let mut files = vec![dir.path().to_path_buf()];
    let mut searched = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).expect("dir").map(|e| e.expect("entry").path()));
            continue;
        }
        let bytes = std::fs::read(&path).expect("file");
        searched += bytes.len();
        for needle in &needles {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_slice()), "{} holds the value", path.display());
        }
    }
    assert!(searched > 0);
}

/// An identity made with the CLI, logged in: (identityId, token).
async fn identity(server: &RunningServer, name: &str) -> (String, String) {
    let created = cli(server.data_dir(), &["identity", "create", "--name", name]).await;
    let created: Value = serde_json::from_str(&created).expect("identity JSON");
    let login = json!({"clientId": created["clientId"], "clientSecret": created["clientSecret"]});
    let reply = send(server, "POST", "/api/v1/auth/universal-auth/login", None, Some(login), &[]).await;
    (
        created["identityId"].as_str().expect("id").to_owned(),
        reply.ok()["accessToken"].as_str().expect("token").to_owned(),
    )
}

#[tokio::test]
async fn an_administrator_makes_projects_environments_and_memberships_over_rest() {
    let dir = TempDir::new("secrets-admin-rest");
    let server = start(&dir, |config| {
        config.access.admins.insert("machine:boss".into());
    })
    .await;
    let (_, boss) = identity(&server, "boss").await;
    let (app_id, app) = identity(&server, "app").await;
    let created =
        send(&server, "POST", "/api/v2/workspace", Some(&boss), Some(json!({"projectName": "Billing API"})), &[]);
    let project = created.await.ok()["project"].clone();
    assert_eq!(project["slug"], "billing-api");
    let id = project["id"].as_str().expect("id").to_owned();
    let env = json!({"name": "QA", "slug": "qa"});
    let added =
        send(&server, "POST", &format!("/api/v1/workspace/{id}/environments"), Some(&boss), Some(env), &[]).await.ok();
    assert_eq!(added["environment"]["slug"], "qa");
    assert_eq!(added["workspace"]["environments"].as_array().map(Vec::len), Some(4));
    let list = format!("/api/v3/secrets/raw?workspaceId={id}&environment=qa");
    send(&server, "GET", &list, Some(&app), None, &[]).await.error(StatusCode::FORBIDDEN, "PermissionDenied");
    let path = format!("/api/v2/workspace/{id}/identity-memberships/{app_id}");
    let member = send(&server, "POST", &path, Some(&boss), Some(json!({"role": "member"})), &[]).await.ok();
    assert_eq!(
        (member["identityMembership"]["identity"].as_str(), member["identityMembership"]["role"].as_str()),
        (Some("machine:app"), Some("member"))
    );
    assert_eq!(send(&server, "GET", &list, Some(&app), None, &[]).await.ok()["secrets"], json!([]));
    // A member does not manage.
    let path = format!("/api/v2/workspace/{id}/identity-memberships/boss");
    send(&server, "POST", &path, Some(&app), Some(json!({"role": "admin"})), &[])
        .await
        .error(StatusCode::FORBIDDEN, "PermissionDenied");
    let env = json!({"name": "x", "slug": "x"});
    send(&server, "POST", &format!("/api/v1/workspace/{id}/environments"), Some(&app), Some(env), &[])
        .await
        .error(StatusCode::FORBIDDEN, "PermissionDenied");
}
