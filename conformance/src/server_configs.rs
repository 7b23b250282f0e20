//! conformance/server-configs.toml: test-case files that record a server
//! configured otherwise than by default, each group with the settings that
//! server needs.
//!
//! The OASIS profiles record some alternative behaviours as separate test
//! cases: CS-RNG-O-1 to -4 send the same RNG Seed and expect four answers
//! (all 32 bytes used, 16, none, Permission Denied). One server cannot pass
//! them all, but one server per policy can.
//!
//! ```toml
//! [[config]]
//! name = "rng-seed-16"
//! reason = "CS-RNG-O-2: the server uses at most 16 bytes of an RNG Seed"
//! files = ["kmip-2.1/optional/CS-RNG-O-2-21.xml"]   # relative to vectors/oasis
//! [config.settings]                                  # a kms config file
//! crypto.rng_seed_max_bytes = 16
//! ```
//!
//! `settings` is written out as the server's config file (`kms serve
//! --config`). A file belongs to at most one config. A run that names no
//! config leaves out every file that belongs to one; a run that names a
//! config runs its files only.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::skip::ends_with;

/// One server configuration and the files recorded against it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    /// A short name (letters, digits, `-`, `_`, `.`) for `--server-config`.
    pub name: String,
    /// Which behaviour the files record, in a line.
    pub reason: String,
    /// Paths relative to vectors/oasis.
    pub files: Vec<String>,
    /// The server's settings, as its TOML config file has them.
    pub settings: toml::Table,
}

impl ServerConfig {
    /// The settings as the text of a server config file.
    pub fn settings_text(&self) -> String {
        // A table of TOML values always serializes.
        toml::to_string(&self.settings).unwrap_or_default()
    }

    /// True if `path` is one of this config's files.
    pub fn has(&self, path: &Path) -> bool {
        self.files.iter().any(|f| ends_with(path, Path::new(f)))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigsFile {
    #[serde(default)]
    config: Vec<ServerConfig>,
}

/// Every server configuration.
#[derive(Clone, Debug, Default)]
pub struct ServerConfigs {
    /// In file order.
    pub configs: Vec<ServerConfig>,
}

/// The files of one run and those left to other servers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The files to run, in the order given.
    pub run: Vec<PathBuf>,
    /// In a run against the default server, the files left out, each with
    /// the name of its config (a config's run leaves out the rest silently).
    pub elsewhere: Vec<(PathBuf, String)>,
}

impl ServerConfigs {
    /// Parses the text of a server-configs file. An empty or malformed name,
    /// a name used twice, an empty reason, no files or no settings, and a
    /// file listed twice (in one config or two) are errors.
    pub fn parse(text: &str) -> Result<ServerConfigs, String> {
        let file: ConfigsFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut names = std::collections::HashSet::new();
        let mut files = std::collections::HashSet::new();
        for config in &file.config {
            let name = &config.name;
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
                return Err(format!("{name:?}: a name is letters, digits, '-', '_' and '.'"));
            }
            if !names.insert(name.as_str()) {
                return Err(format!("{name}: two configs with this name"));
            }
            if config.reason.trim().is_empty() {
                return Err(format!("{name}: empty reason"));
            }
            if config.files.is_empty() {
                return Err(format!("{name}: no files"));
            }
            if config.settings.is_empty() {
                return Err(format!("{name}: no settings (files of the default server need no config)"));
            }
            for f in &config.files {
                if !files.insert(f.as_str()) {
                    return Err(format!("{name}: {f} is listed twice"));
                }
            }
        }
        Ok(ServerConfigs { configs: file.config })
    }

    /// Reads a server-configs file.
    pub fn load(path: &Path) -> Result<ServerConfigs, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        ServerConfigs::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The config `name`.
    pub fn named(&self, name: &str) -> Result<&ServerConfig, String> {
        self.configs.iter().find(|c| c.name == name).ok_or_else(|| {
            let known: Vec<&str> = self.configs.iter().map(|c| c.name.as_str()).collect();
            format!("no server config {name:?} (known: {})", known.join(", "))
        })
    }

    /// The config `path` belongs to, if any.
    pub fn config_for(&self, path: &Path) -> Option<&ServerConfig> {
        self.configs.iter().find(|c| c.has(path))
    }

    /// The configs that some of `files` belong to, in this file's order.
    pub fn among<'a>(&'a self, files: &[PathBuf]) -> Vec<&'a ServerConfig> {
        self.configs.iter().filter(|c| files.iter().any(|f| c.has(f))).collect()
    }

    /// Splits `files` for a run against the default server (`only` is
    /// None: every file of a config is left out) or against the server of
    /// config `only` (its files only).
    pub fn select(&self, files: &[PathBuf], only: Option<&str>) -> Result<Selection, String> {
        let only = only.map(|name| self.named(name)).transpose()?;
        let mut selection = Selection::default();
        for file in files {
            match (self.config_for(file), only) {
                (None, None) => selection.run.push(file.clone()),
                (Some(config), None) => selection.elsewhere.push((file.clone(), config.name.clone())),
                (Some(config), Some(wanted)) if config.name == wanted.name => selection.run.push(file.clone()),
                (_, Some(_)) => {}
            }
        }
        Ok(selection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = r#"
[[config]]
name = "rng-seed-16"
reason = "uses 16 bytes of a seed"
files = ["kmip-2.1/optional/CS-RNG-O-2-21.xml", "kmip-1.4/optional/CS-RNG-O-2-14.xml"]
[config.settings]
crypto.rng_seed_max_bytes = 16

[[config]]
name = "rng-seed-deny"
reason = "refuses RNG Seed"
files = ["kmip-2.1/optional/CS-RNG-O-4-21.xml"]
settings = { crypto = { rng_seed = "deny" } }
"#;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(|n| Path::new("vectors/oasis").join(n)).collect()
    }

    #[test]
    fn selects_the_files_of_one_server() {
        let configs = ServerConfigs::parse(TWO).expect("parses");
        let files = paths(&[
            "kmip-2.1/optional/CS-RNG-O-1-21.xml",
            "kmip-2.1/optional/CS-RNG-O-2-21.xml",
            "kmip-2.1/optional/CS-RNG-O-4-21.xml",
        ]);
        let default = configs.select(&files, None).expect("default");
        assert_eq!(default.run, files[..1]);
        assert_eq!(
            default.elsewhere,
            vec![(files[1].clone(), "rng-seed-16".to_owned()), (files[2].clone(), "rng-seed-deny".to_owned())]
        );
        let deny = configs.select(&files, Some("rng-seed-deny")).expect("deny");
        assert_eq!(deny.run, files[2..]);
        assert!(deny.elsewhere.is_empty());
        assert!(configs.select(&files, Some("nope")).expect_err("unknown").contains("rng-seed-16, rng-seed-deny"));

        let names: Vec<&str> = configs.among(&files[..2]).iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["rng-seed-16"]);
        assert!(configs.among(&paths(&["kmip-2.0/optional/CS-RNG-O-2-20.xml"])).is_empty());
    }

    #[test]
    fn settings_become_a_config_file() {
        let configs = ServerConfigs::parse(TWO).expect("parses");
        let text = configs.named("rng-seed-16").expect("named").settings_text();
        let table: toml::Table = toml::from_str(&text).expect("TOML");
        assert_eq!(table["crypto"]["rng_seed_max_bytes"].as_integer(), Some(16));
        let text = configs.named("rng-seed-deny").expect("named").settings_text();
        assert!(text.contains("[crypto]") && text.contains("rng_seed = \"deny\""), "{text}");
    }

    #[test]
    fn refuses_bad_configs() {
        let one = |name: &str, reason: &str, files: &str, settings: &str| {
            format!("[[config]]\nname = {name:?}\nreason = {reason:?}\nfiles = {files}\nsettings = {settings}\n")
        };
        let good = one("a", "why", r#"["x.xml"]"#, "{ crypto = { rng_seed = \"deny\" } }");
        assert!(ServerConfigs::parse(&good).is_ok());
        assert!(ServerConfigs::parse(&format!("{good}{good}")).expect_err("twice").contains("two configs"));
        let other = one("b", "why", r#"["x.xml"]"#, "{ crypto = { rng_seed = \"deny\" } }");
        assert!(ServerConfigs::parse(&format!("{good}{other}")).expect_err("file twice").contains("listed twice"));
        assert!(ServerConfigs::parse(&one("a b", "why", r#"["x.xml"]"#, "{ a = 1 }")).is_err());
        assert!(ServerConfigs::parse(&one("", "why", r#"["x.xml"]"#, "{ a = 1 }")).is_err());
        assert!(ServerConfigs::parse(&one("a", " ", r#"["x.xml"]"#, "{ a = 1 }")).is_err());
        assert!(ServerConfigs::parse(&one("a", "why", "[]", "{ a = 1 }")).is_err());
        assert!(ServerConfigs::parse(&one("a", "why", r#"["x.xml"]"#, "{}")).is_err());
        assert!(ServerConfigs::parse("[[config]]\nname = \"a\"\nwhy = \"x\"\n").is_err());
        assert!(ServerConfigs::parse("").expect("empty is fine").configs.is_empty());
    }
}
