//! Generates `kmip-ttlv/src/generated/{tags,enums}.rs` from the spec tables in
//! `kmip-ttlv/spec/`.
//!
//! ```text
//! cargo run -p kmip-ttlv-gen            # rewrite the generated files
//! cargo run -p kmip-ttlv-gen -- --check # exit 1 if they are out of date
//! ```
//!
//! Inputs (tab-separated, one header line):
//! - `kmip-2.1-tags.tsv`: `tag_hex name item_type first_version removed_in spec_name notes`
//! - `enumerations.tsv`: `enumeration value name spec_name first_version removed_in`
//! - `enumeration-tags.tsv`: `tag_name enumeration` (tags whose spec name is
//!   the enumeration's name are mapped without a row here)
//! - `masks.tsv`: `mask bit name spec_name first_version removed_in`
//! - `mask-tags.tsv`: `tag_name mask`

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    match run(&crate_dir, check) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("generated files are out of date: run `cargo run -p kmip-ttlv-gen`");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Generates every output; writes them (or, with `check`, compares them).
/// Returns whether the files on disk were already up to date.
fn run(crate_dir: &Path, check: bool) -> Result<bool, String> {
    let outputs = generate(&crate_dir.join("spec"))?;
    let mut up_to_date = true;
    for (name, text) in outputs {
        let path: PathBuf = crate_dir.join("src/generated").join(name);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != text {
            up_to_date = false;
            if !check {
                std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
                eprintln!("wrote {}", path.display());
            } else {
                eprintln!("{} is out of date", path.display());
            }
        }
    }
    Ok(up_to_date || !check)
}

/// One parsed TSV file: rows of columns, header removed.
fn read_tsv(path: &Path, columns: usize) -> Result<Vec<Vec<String>>, String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols: Vec<String> = line.split('\t').map(|c| c.trim().to_owned()).collect();
        if cols.len() < columns {
            cols.resize(columns, String::new());
        }
        if cols[..columns.min(2)].iter().any(String::is_empty) {
            return Err(format!("{}:{}: missing columns", path.display(), n + 1));
        }
        rows.push(cols);
    }
    Ok(rows)
}

struct TagRow {
    value: u32,
    name: String,
    spec_name: String,
    types: Vec<String>,
    first: String,
    removed: String,
}

struct ValueRow {
    value: u32,
    name: String,
    spec_name: String,
    first: String,
    removed: String,
}

/// Returns (file name, contents) for each generated file.
fn generate(spec: &Path) -> Result<Vec<(&'static str, String)>, String> {
    let tags = read_tags(spec)?;
    let enums = read_values(&spec.join("enumerations.tsv"))?;
    let masks = read_values(&spec.join("masks.tsv"))?;
    let enum_tags = read_links(&spec.join("enumeration-tags.tsv"), &tags, &enums, "Enumeration")?;
    let mask_tags = read_links(&spec.join("mask-tags.tsv"), &tags, &masks, "Integer")?;
    Ok(vec![("tags.rs", tags_rs(&tags)?), ("enums.rs", enums_rs(&enums, &enum_tags, &masks, &mask_tags)?)])
}

fn read_tags(spec: &Path) -> Result<Vec<TagRow>, String> {
    let mut rows = Vec::new();
    for cols in read_tsv(&spec.join("kmip-2.1-tags.tsv"), 7)? {
        let value = parse_hex(&cols[0])?;
        let types = if cols[2] == "Varies" { Vec::new() } else { cols[2].split('|').map(str::to_owned).collect() };
        rows.push(TagRow {
            value,
            name: cols[1].clone(),
            types,
            first: cols[3].clone(),
            removed: cols[4].clone(),
            spec_name: cols[5].clone(),
        });
    }
    rows.sort_by_key(|r| r.value);
    Ok(rows)
}

/// Reads an enumeration or mask table: table spec name -> values by value.
fn read_values(path: &Path) -> Result<BTreeMap<String, Vec<ValueRow>>, String> {
    let mut out: BTreeMap<String, Vec<ValueRow>> = BTreeMap::new();
    for cols in read_tsv(path, 6)? {
        out.entry(cols[0].clone()).or_default().push(ValueRow {
            value: parse_hex(&cols[1])?,
            name: cols[2].clone(),
            spec_name: cols[3].clone(),
            first: cols[4].clone(),
            removed: cols[5].clone(),
        });
    }
    for (table, values) in &mut out {
        values.sort_by_key(|v| v.value);
        let mut seen = BTreeSet::new();
        for v in values.iter() {
            if !seen.insert(v.value) {
                return Err(format!("{}: {table}: value 0x{:X} twice", path.display(), v.value));
            }
        }
        let mut names = BTreeSet::new();
        for v in values.iter() {
            if !names.insert(const_name(&v.name)) {
                return Err(format!("{}: {table}: name {} twice", path.display(), v.name));
            }
        }
    }
    Ok(out)
}

/// Tag value -> table spec name: explicit rows, plus every tag of type
/// `item_type` whose spec name is a table's name.
fn read_links(
    path: &Path,
    tags: &[TagRow],
    tables: &BTreeMap<String, Vec<ValueRow>>,
    item_type: &str,
) -> Result<BTreeMap<u32, String>, String> {
    let mut out = BTreeMap::new();
    for tag in tags {
        if tables.contains_key(&tag.spec_name) && tag.types.iter().any(|t| t == item_type) {
            out.insert(tag.value, tag.spec_name.clone());
        }
    }
    for cols in read_tsv(path, 2)? {
        let tag = tags
            .iter()
            .find(|t| t.name == cols[0])
            .ok_or_else(|| format!("{}: unknown tag {}", path.display(), cols[0]))?;
        if !tables.contains_key(&cols[1]) {
            return Err(format!("{}: unknown table {}", path.display(), cols[1]));
        }
        out.insert(tag.value, cols[1].clone());
    }
    Ok(out)
}

fn parse_hex(s: &str) -> Result<u32, String> {
    let digits = s.strip_prefix("0x").ok_or_else(|| format!("not 0x hex: {s}"))?;
    u32::from_str_radix(digits, 16).map_err(|e| format!("{s}: {e}"))
}

fn version(v: &str) -> Result<String, String> {
    let (major, minor) = v.split_once('.').ok_or_else(|| format!("bad version {v:?}"))?;
    let major: u8 = major.parse().map_err(|_| format!("bad version {v:?}"))?;
    let minor: u8 = minor.parse().map_err(|_| format!("bad version {v:?}"))?;
    Ok(format!("ProtocolVersion::V{major}_{minor}"))
}

fn removed(v: &str) -> Result<String, String> {
    if v.is_empty() { Ok("None".to_owned()) } else { Ok(format!("Some({})", version(v)?)) }
}

/// `"ActivationDate"` -> `"ACTIVATION_DATE"`, `"PKCS_11Function"` ->
/// `"PKCS_11_FUNCTION"`, `"TransparentECPrivateKey"` ->
/// `"TRANSPARENT_EC_PRIVATE_KEY"`.
fn const_name(camel: &str) -> String {
    let chars: Vec<char> = camel.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !out.ends_with('_') && !out.is_empty() {
                out.push('_');
            }
            continue;
        }
        if i > 0 && !out.ends_with('_') {
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied();
            let upper_after_lower_or_digit =
                c.is_ascii_uppercase() && (prev.is_ascii_lowercase() || prev.is_ascii_digit());
            // "ECPrivate" -> EC_PRIVATE, but a plural acronym stays whole:
            // "RNGs" -> RNGS.
            let plural = next == Some('s') && chars.get(i + 2).is_none_or(|n| !n.is_ascii_lowercase());
            let acronym_end = c.is_ascii_uppercase()
                && prev.is_ascii_uppercase()
                && next.is_some_and(|n| n.is_ascii_lowercase())
                && !plural;
            if upper_after_lower_or_digit || acronym_end {
                out.push('_');
            }
        }
        out.push(c.to_ascii_uppercase());
    }
    let out = out.trim_end_matches('_').to_owned();
    if out.starts_with(|c: char| c.is_ascii_digit()) { format!("V{out}") } else { out }
}

/// `"Cryptographic Algorithm"` -> `"CryptographicAlgorithm"`, for table names.
fn type_name(spec_name: &str) -> String {
    spec_name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map(|f| f.to_ascii_uppercase().to_string() + cs.as_str()).unwrap_or_default()
        })
        .collect()
}

fn rust_str(s: &str) -> String {
    format!("{s:?}")
}

const HEADER: &str =
    "// Generated — do not edit. Source: kmip-ttlv/spec/*.tsv; regenerate with `cargo run -p kmip-ttlv-gen`.\n";

fn tags_rs(tags: &[TagRow]) -> Result<String, String> {
    let mut s = String::from(HEADER);
    s.push_str("\n//! The tag table (KMIP 2.1 §11.56; 1.x §9.1.3.1).\n\n");
    s.push_str("use crate::registry::TagInfo;\nuse crate::{ItemType, ProtocolVersion, Tag};\n\n");
    s.push_str("impl Tag {\n");
    for t in tags {
        let removed_note = if t.removed.is_empty() { String::new() } else { format!(", reserved since {}", t.removed) };
        writeln!(s, "    /// {} (`0x{:06X}`, KMIP {}{removed_note}).", t.spec_name, t.value, t.first).ok();
        writeln!(s, "    pub const {}: Tag = Tag(0x{:06X});", const_name(&t.name), t.value).ok();
    }
    s.push_str("}\n\n");
    writeln!(s, "/// Every tag, sorted by value.\npub(crate) static TAGS: [TagInfo; {}] = [", tags.len()).ok();
    for t in tags {
        let types: Vec<String> = t.types.iter().map(|ty| format!("ItemType::{ty}")).collect();
        writeln!(
            s,
            "    TagInfo {{ tag: Tag(0x{:06X}), name: {}, spec_name: {}, item_types: &[{}], first_version: {}, removed_in: {} }},",
            t.value,
            rust_str(&t.name),
            rust_str(&t.spec_name),
            types.join(", "),
            version(&t.first)?,
            removed(&t.removed)?
        )
        .ok();
    }
    s.push_str("];\n\n");
    for (what, key) in [("name", 0), ("spec_name", 1)] {
        let mut index: Vec<(&str, usize)> = tags
            .iter()
            .enumerate()
            .map(|(i, t)| (if key == 0 { t.name.as_str() } else { t.spec_name.as_str() }, i))
            .collect();
        index.sort();
        for w in index.windows(2) {
            if w[0].0 == w[1].0 {
                return Err(format!("tag {what} {} twice", w[0].0));
            }
        }
        writeln!(
            s,
            "/// Indexes into [`TAGS`], sorted by {what}.\npub(crate) static TAGS_BY_{}: [(&str, u16); {}] = [",
            what.to_uppercase(),
            index.len()
        )
        .ok();
        for (n, i) in index {
            writeln!(s, "    ({}, {i}),", rust_str(n)).ok();
        }
        s.push_str("];\n\n");
    }
    Ok(s.trim_end().to_owned() + "\n")
}

fn enums_rs(
    enums: &BTreeMap<String, Vec<ValueRow>>,
    enum_tags: &BTreeMap<u32, String>,
    masks: &BTreeMap<String, Vec<ValueRow>>,
    mask_tags: &BTreeMap<u32, String>,
) -> Result<String, String> {
    let mut s = String::from(HEADER);
    s.push_str("\n//! Enumerations and bit masks (KMIP 2.1 §11; 1.x §9.1.3.2–9.1.3.3), as\n");
    s.push_str("//! open newtypes with named constants, and the tables the codec uses.\n\n");
    s.push_str(
        "use std::fmt;\n\nuse crate::registry::{EnumValue, EnumerationInfo, MaskInfo};\nuse crate::ProtocolVersion;\n",
    );
    for (kind, tables) in [("enumeration", enums), ("mask", masks)] {
        for (spec_name, values) in tables {
            let ty = type_name(spec_name);
            let info = const_name(&ty);
            writeln!(s, "\n/// {spec_name} ({kind}).").ok();
            s.push_str("#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]\n");
            writeln!(s, "pub struct {ty}(pub u32);\n\nimpl {ty} {{").ok();
            for v in values {
                let removed_note =
                    if v.removed.is_empty() { String::new() } else { format!(", reserved since {}", v.removed) };
                writeln!(s, "    /// {} (`0x{:08X}`, KMIP {}{removed_note}).", v.spec_name, v.value, v.first).ok();
                writeln!(s, "    pub const {}: {ty} = {ty}(0x{:08X});", const_name(&v.name), v.value).ok();
            }
            if kind == "enumeration" {
                writeln!(s, "\n    /// The table of names.\n    pub fn info() -> &'static EnumerationInfo {{\n        &{info}\n    }}\n}}").ok();
                writeln!(
                    s,
                    "\nimpl fmt::Debug for {ty} {{\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n        match {info}.name_of(self.0) {{\n            Some(name) => f.write_str(name),\n            None => write!(f, \"0x{{:08X}}\", self.0),\n        }}\n    }}\n}}"
                )
                .ok();
            } else {
                writeln!(s, "\n    /// The table of bit names.\n    pub fn info() -> &'static MaskInfo {{\n        &{info}\n    }}\n\n    /// True if every bit of `other` is set.\n    pub const fn contains(self, other: {ty}) -> bool {{\n        self.0 & other.0 == other.0\n    }}\n}}").ok();
                writeln!(
                    s,
                    "\nimpl std::ops::BitOr for {ty} {{\n    type Output = {ty};\n\n    fn bitor(self, rhs: {ty}) -> {ty} {{\n        {ty}(self.0 | rhs.0)\n    }}\n}}\n\nimpl fmt::Debug for {ty} {{\n    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{\n        f.write_str(&{info}.format(self.0, \"|\"))\n    }}\n}}"
                )
                .ok();
            }
            let info_ty = if kind == "enumeration" { "EnumerationInfo" } else { "MaskInfo" };
            let field = if kind == "enumeration" { "values" } else { "bits" };
            writeln!(
                s,
                "\n/// The {spec_name} table.\npub static {info}: {info_ty} = {info_ty} {{\n    name: {},\n    spec_name: {},\n    {field}: &[",
                rust_str(&ty),
                rust_str(spec_name)
            )
            .ok();
            for v in values {
                writeln!(
                    s,
                    "        EnumValue {{ value: 0x{:08X}, name: {}, spec_name: {}, first_version: {}, removed_in: {} }},",
                    v.value,
                    rust_str(&v.name),
                    rust_str(&v.spec_name),
                    version(&v.first)?,
                    removed(&v.removed)?
                )
                .ok();
            }
            s.push_str("    ],\n};\n");
        }
    }
    s.push_str("\n/// Every enumeration table.\npub(crate) static ENUMERATIONS: &[&EnumerationInfo] = &[\n");
    for spec_name in enums.keys() {
        writeln!(s, "    &{},", const_name(&type_name(spec_name))).ok();
    }
    s.push_str("];\n\n/// Every mask table.\npub(crate) static MASKS: &[&MaskInfo] = &[\n");
    for spec_name in masks.keys() {
        writeln!(s, "    &{},", const_name(&type_name(spec_name))).ok();
    }
    s.push_str("];\n\n/// Tag value -> the enumeration table of its Enumeration items, sorted by tag.\n");
    s.push_str("pub(crate) static ENUMERATION_TAGS: &[(u32, &EnumerationInfo)] = &[\n");
    for (tag, table) in enum_tags {
        writeln!(s, "    (0x{tag:06X}, &{}),", const_name(&type_name(table))).ok();
    }
    s.push_str("];\n\n/// Tag value -> the mask table of its Integer items, sorted by tag.\n");
    s.push_str("pub(crate) static MASK_TAGS: &[(u32, &MaskInfo)] = &[\n");
    for (tag, table) in mask_tags {
        writeln!(s, "    (0x{tag:06X}, &{}),", const_name(&type_name(table))).ok();
    }
    s.push_str("];\n");
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn const_names() {
        assert_eq!(const_name("ActivationDate"), "ACTIVATION_DATE");
        assert_eq!(const_name("PKCS_11Function"), "PKCS_11_FUNCTION");
        assert_eq!(const_name("TransparentECPrivateKey"), "TRANSPARENT_EC_PRIVATE_KEY");
        assert_eq!(const_name("IVCounterNonce"), "IV_COUNTER_NONCE");
        assert_eq!(const_name("X_509CertificateIdentifier"), "X_509_CERTIFICATE_IDENTIFIER");
        assert_eq!(const_name("HMAC_SHA256"), "HMAC_SHA256");
        assert_eq!(const_name("DES3"), "DES3");
        assert_eq!(const_name("QueryRNGs"), "QUERY_RNGS");
    }

    /// The checked-in generated files match what the spec tables produce.
    #[test]
    fn generated_files_are_up_to_date() {
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let outputs = generate(&crate_dir.join("spec")).expect("spec tables parse");
        for (name, text) in outputs {
            let path = crate_dir.join("src/generated").join(name);
            let current = std::fs::read_to_string(&path).expect("generated file exists");
            assert!(current == text, "{} is out of date: run `cargo run -p kmip-ttlv-gen`", path.display());
        }
    }
}
