//! conformance/skip.toml: every entry names an existing file, and every
//! file that needs features beyond the server's scope is listed.
//! conformance/server-configs.toml: every file exists and is not skipped.

use std::path::{Path, PathBuf};

use conformance::server_configs::ServerConfigs;
use conformance::skip::SkipList;
use conformance::{needs, vectors};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn oasis() -> PathBuf {
    crate_dir().join("../vectors/oasis")
}

fn skip_list() -> SkipList {
    SkipList::load(&crate_dir().join("skip.toml")).expect("skip.toml")
}

#[test]
fn every_entry_names_an_existing_file() {
    let list = skip_list();
    assert!(!list.entries.is_empty());
    for entry in &list.entries {
        let path = oasis().join(&entry.file);
        assert!(path.is_file(), "skip.toml: {} does not exist", entry.file);
        assert!(Path::new(&entry.file).is_relative() && !entry.file.contains(".."), "{}", entry.file);
    }
}

#[test]
fn every_file_beyond_the_scope_is_listed() {
    let list = skip_list();
    let mut missing = Vec::new();
    for path in vectors::expand(&[oasis()]).expect("vectors") {
        let case = vectors::load(&path).expect("loads");
        let needs = needs::scan(&case.exchanges);
        if !needs.is_empty() && list.reason_for(&path).is_none() {
            missing.push(format!("{}: {}", path.display(), needs.reason()));
        }
    }
    assert!(missing.is_empty(), "not in skip.toml:\n{}", missing.join("\n"));
}

#[test]
fn every_server_config_file_exists_and_is_not_skipped() {
    let configs = ServerConfigs::load(&crate_dir().join("server-configs.toml")).expect("server-configs.toml");
    let skips = skip_list();
    assert!(!configs.configs.is_empty());
    for config in &configs.configs {
        for file in &config.files {
            let path = oasis().join(file);
            assert!(path.is_file(), "server-configs.toml, {}: {file} does not exist", config.name);
            assert!(Path::new(file).is_relative() && !file.contains(".."), "{file}");
            assert!(
                skips.reason_for(&path).is_none(),
                "{file} is in skip.toml and in server config {}: a file is one or the other",
                config.name
            );
        }
    }
}
