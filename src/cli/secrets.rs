//! `kms project create`, `kms identity attach`, `kms secret set|get|list`
//! (SPEC section 7, docs/secrets.md): through the admin socket while a
//! server runs on the data dir, on its store directly otherwise (recorded
//! in the audit chain either way). `kms secret set` creates the folders of
//! `--path` that do not exist yet.

use clap::{Args, Subcommand};
use kms::admin;
use kms::secrets::Actor;
use serde_json::{Map, Value, json};

use super::CliError;
use super::access::{Location, load, run};

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Create a secrets project; prints its JSON (with its id).
    Create(ProjectArgs),
}

#[derive(Debug, Args)]
pub struct ProjectArgs {
    #[command(flatten)]
    location: Location,
    /// The project's slug (unique in its organisation).
    #[arg(long, value_name = "SLUG")]
    slug: String,
    /// Its display name [default: the slug].
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Its organisation [default: the default organisation].
    #[arg(long, value_name = "ORG")]
    org: Option<String>,
    /// Comma-separated environment slugs.
    #[arg(long, value_name = "ENVS", default_value = "dev,staging,prod")]
    envs: String,
}

#[derive(Debug, Args)]
pub struct AttachArgs {
    #[command(flatten)]
    location: Location,
    /// The machine identity's name (or machine:NAME).
    #[arg(long, value_name = "NAME")]
    name: String,
    /// The project's slug.
    #[arg(long, value_name = "SLUG")]
    project: String,
    /// viewer (read), member (read and write) or admin (also manage).
    #[arg(long, value_name = "ROLE")]
    role: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    /// Write secrets (creating them or adding a version).
    Set(SetArgs),
    /// Print one secret's value.
    Get(GetArgs),
    /// List the secrets of a folder.
    List(ScopeArgs),
}

#[derive(Debug, Args)]
pub struct ScopeArgs {
    #[command(flatten)]
    location: Location,
    /// The project's slug.
    #[arg(long, value_name = "SLUG")]
    project: String,
    /// The environment's slug.
    #[arg(long, value_name = "ENV")]
    env: String,
    /// The folder path.
    #[arg(long, value_name = "PATH", default_value = "/")]
    path: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    #[command(flatten)]
    scope: ScopeArgs,
    /// KEY=VALUE pairs.
    #[arg(value_name = "KEY=VALUE", required = true)]
    pairs: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    #[command(flatten)]
    scope: ScopeArgs,
    /// The secret's key.
    #[arg(value_name = "KEY")]
    key: String,
}

/// `kms project create`.
pub fn project(command: ProjectCommand) -> Result<(), CliError> {
    let ProjectCommand::Create(args) = command;
    let request = json!({
        "command": "project-create", "slug": args.slug, "name": args.name, "org": args.org, "envs": args.envs,
        "object": args.slug,
    });
    let result = execute(&args.location, &request)?;
    println!("{result}");
    Ok(())
}

/// `kms identity attach`.
pub fn attach(args: AttachArgs) -> Result<(), CliError> {
    let request = json!({
        "command": "identity-attach", "identity": args.name, "project": args.project, "role": args.role,
        "object": args.project,
    });
    let result = execute(&args.location, &request)?;
    if args.json {
        println!("{result}");
    } else {
        let membership = &result["identityMembership"];
        println!("{} is now {} of project {}", text(&membership["identity"]), text(&membership["role"]), args.project);
    }
    Ok(())
}

/// `kms secret set|get|list`.
pub fn secret(command: SecretCommand) -> Result<(), CliError> {
    match command {
        SecretCommand::Set(args) => {
            let mut secrets = Map::new();
            for pair in &args.pairs {
                let (key, value) =
                    pair.split_once('=').ok_or_else(|| CliError::Input(format!("{pair:?} is not KEY=VALUE")))?;
                secrets.insert(key.to_owned(), Value::String(value.to_owned()));
            }
            let request = scope_request("secret-set", &args.scope, json!({"secrets": secrets}));
            let result = execute(&args.scope.location, &request)?;
            if args.scope.json {
                println!("{result}");
            } else {
                for secret in result["secrets"].as_array().into_iter().flatten() {
                    println!("{} = (version {})", text(&secret["secretKey"]), secret["version"]);
                }
            }
        }
        SecretCommand::Get(args) => {
            let request = scope_request("secret-get", &args.scope, json!({"key": args.key}));
            let result = execute(&args.scope.location, &request)?;
            if args.scope.json {
                println!("{result}");
            } else {
                println!("{}", text(&result["secret"]["secretValue"]));
            }
        }
        SecretCommand::List(args) => {
            let request = scope_request("secret-list", &args, json!({}));
            let result = execute(&args.location, &request)?;
            if args.json {
                println!("{result}");
            } else {
                for secret in result["secrets"].as_array().into_iter().flatten() {
                    println!("{}={}", text(&secret["secretKey"]), text(&secret["secretValue"]));
                }
            }
        }
    }
    Ok(())
}

fn scope_request(command: &str, scope: &ScopeArgs, extra: Value) -> Value {
    let mut request = json!({
        "command": command, "project": scope.project, "env": scope.env, "path": scope.path,
        "object": format!("{}/{}{}", scope.project, scope.env, scope.path),
    });
    if let (Some(request), Value::Object(extra)) = (request.as_object_mut(), extra) {
        request.extend(extra);
    }
    request
}

fn execute(location: &Location, request: &Value) -> Result<Value, CliError> {
    let config = load(location)?;
    let command = request["command"].as_str().unwrap_or_default().to_owned();
    let line = request.clone();
    run(&config, request, |kms| async move {
        admin::secrets::command(&kms, &command, &line, &Actor::operator("offline", "offline")).await
    })
}

fn text(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_owned)
}
