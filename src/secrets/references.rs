//! Secret references (rest-contract.md §1.2): `${KEY}` names a secret of
//! the same environment and folder, `${env.KEY}` one at the root of
//! environment `env`, `${env.a.b.KEY}` one in folder `/a/b` of `env`.
//!
//! Expansion is recursive (a referenced value's own references are
//! expanded from where that secret lives) and bounded: at most
//! [`MAX_DEPTH`] levels, and a reference back into the chain being
//! expanded (a cycle) is not followed. A reference that is unknown, out of
//! the project, too deep or cyclic is **left as written** (`${...}`), so
//! a value never silently loses text and the caller can see what did not
//! resolve. References stay inside one project.

use zeroize::Zeroizing;

use super::paths;

/// How many levels of references are followed.
pub const MAX_DEPTH: usize = 8;

/// Where a secret is: environment slug and folder path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The environment's slug.
    pub environment: String,
    /// The folder path (canonical).
    pub path: String,
}

/// What one reference names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Where the secret is.
    pub location: Location,
    /// Its key.
    pub key: String,
}

/// The target of the reference `inner` (the text between `${` and `}`)
/// made from `here`; None if it is malformed.
pub fn parse(inner: &str, here: &Location) -> Option<Target> {
    let inner = inner.trim();
    if inner.is_empty() {
        return None;
    }
    let parts: Vec<&str> = inner.split('.').collect();
    if parts.iter().any(|p| p.is_empty() || p.contains('/') || p.contains(':')) {
        return None;
    }
    let (key, rest) = parts.split_last()?;
    if rest.is_empty() {
        return Some(Target { location: here.clone(), key: (*key).to_owned() });
    }
    let (environment, folders) = rest.split_first()?;
    let path = paths::normalize_path(&folders.join("/")).ok()?;
    Some(Target { location: Location { environment: (*environment).to_owned(), path }, key: (*key).to_owned() })
}

/// True if `value` contains something that looks like a reference.
pub fn has_references(value: &str) -> bool {
    value.contains("${")
}

/// `value` (of the secret at `here`) with its references expanded;
/// `lookup` gives the raw value of a secret, or None if there is none.
pub fn expand(
    value: &str,
    here: &Location,
    lookup: &mut dyn FnMut(&Target) -> Option<Zeroizing<String>>,
) -> Zeroizing<String> {
    let mut chain = Vec::new();
    expand_in(value, here, lookup, &mut chain)
}

fn expand_in(
    value: &str,
    here: &Location,
    lookup: &mut dyn FnMut(&Target) -> Option<Zeroizing<String>>,
    chain: &mut Vec<Target>,
) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(value.len()));
    let mut rest = value;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let inner = &after[..end];
        let literal = &rest[start..start + 2 + end + 1];
        rest = &after[end + 1..];
        let Some(target) = parse(inner, here) else {
            out.push_str(literal);
            continue;
        };
        if chain.len() >= MAX_DEPTH || chain.contains(&target) {
            out.push_str(literal);
            continue;
        }
        match lookup(&target) {
            None => out.push_str(literal),
            Some(found) => {
                if has_references(&found) {
                    chain.push(target.clone());
                    let expanded = expand_in(&found, &target.location, lookup, chain);
                    chain.pop();
                    out.push_str(&expanded);
                } else {
                    out.push_str(&found);
                }
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn at(environment: &str, path: &str) -> Location {
        Location { environment: environment.into(), path: path.into() }
    }

    fn run(values: &[(&str, &str, &str, &str)], value: &str, here: &Location) -> String {
        let map: HashMap<(String, String, String), String> = values
            .iter()
            .map(|(e, p, k, v)| (((*e).to_owned(), (*p).to_owned(), (*k).to_owned()), (*v).to_owned()))
            .collect();
        let mut lookup = |t: &Target| {
            map.get(&(t.location.environment.clone(), t.location.path.clone(), t.key.clone()))
                .map(|v| Zeroizing::new(v.clone()))
        };
        expand(value, here, &mut lookup).to_string()
    }

    #[test]
    fn references_parse() {
        let here = at("dev", "/app");
        assert_eq!(parse("KEY", &here), Some(Target { location: here.clone(), key: "KEY".into() }));
        assert_eq!(parse("prod.KEY", &here), Some(Target { location: at("prod", "/"), key: "KEY".into() }));
        assert_eq!(
            parse("prod.database.main.DB_HOST", &here),
            Some(Target { location: at("prod", "/database/main"), key: "DB_HOST".into() })
        );
        assert_eq!(parse("", &here), None);
        assert_eq!(parse("a..b", &here), None);
    }

    #[test]
    fn same_and_cross_environment_references_expand() {
        let values = [
            ("dev", "/", "USER", "admin"),
            ("dev", "/", "URL", "postgres://${USER}@${prod.database.DB_HOST}/x"),
            ("prod", "/database", "DB_HOST", "db.${prod.DOMAIN}"),
            ("prod", "/", "DOMAIN", "example.com"),
        ];
        assert_eq!(run(&values, "${URL}", &at("dev", "/")), "postgres://admin@db.example.com/x");
    }

    #[test]
    fn unknown_cyclic_and_malformed_references_stay_as_written() {
        let values = [("dev", "/", "A", "a${B}"), ("dev", "/", "B", "b${A}"), ("dev", "/", "SELF", "${SELF}!")];
        let here = at("dev", "/");
        assert_eq!(run(&values, "x ${MISSING} y", &here), "x ${MISSING} y");
        assert_eq!(run(&values, "${A}", &here), "ab${A}");
        assert_eq!(run(&values, "${SELF}", &here), "${SELF}!");
        assert_eq!(run(&values, "${a..b} ${unterminated", &here), "${a..b} ${unterminated");
        assert_eq!(run(&values, "no refs", &here), "no refs");
    }

    #[test]
    fn depth_is_bounded() {
        let names: Vec<String> = (0..20).map(|i| format!("K{i}")).collect();
        let values: Vec<String> = (0..20).map(|i| format!("${{K{}}}", i + 1)).collect();
        let table: Vec<(&str, &str, &str, &str)> =
            names.iter().zip(&values).map(|(k, v)| ("dev", "/", k.as_str(), v.as_str())).collect();
        let out = run(&table, "${K0}", &at("dev", "/"));
        assert_eq!(out, format!("${{K{}}}", MAX_DEPTH), "expansion stops after MAX_DEPTH levels");
    }
}
