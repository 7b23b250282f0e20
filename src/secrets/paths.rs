//! Input rules of the Infisical contract (rest-contract.md §1.0, §1.2):
//! folder paths, secret names, folder names and secret values.

use super::SecretsError;

/// The canonical form of a folder path: starts with `/`, no empty
/// segment, no trailing `/` (the server's `removeTrailingSlash`); an empty
/// path is the root `/`. `.` and `..` segments are refused.
pub fn normalize_path(path: &str) -> Result<String, SecretsError> {
    let mut out = String::with_capacity(path.len() + 1);
    for segment in path.trim().split('/').filter(|s| !s.is_empty()) {
        if segment == "." || segment == ".." {
            return Err(SecretsError::Invalid(format!("invalid secret path {path:?}")));
        }
        out.push('/');
        out.push_str(segment);
    }
    if out.is_empty() {
        out.push('/');
    }
    Ok(out)
}

/// `path` joined with the folder `name`.
pub fn join(path: &str, name: &str) -> String {
    if path == "/" { format!("/{name}") } else { format!("{path}/{name}") }
}

/// True if `path` is `base` or below it.
pub fn is_under(path: &str, base: &str) -> bool {
    base == "/" || path == base || (path.starts_with(base) && path.as_bytes().get(base.len()) == Some(&b'/'))
}

/// A secret name: trimmed, not empty, without `:` or `/`
/// (Infisical's `SecretNameSchema`).
pub fn secret_name(name: &str) -> Result<String, SecretsError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SecretsError::Invalid("Secret name cannot be empty".into()));
    }
    if name.contains(':') || name.contains('/') {
        return Err(SecretsError::Invalid(format!("Secret name {name:?} cannot contain colon or forward slash")));
    }
    Ok(name.to_owned())
}

/// A folder name: trimmed, not empty, letters, digits, `-`, `_` and `.`
/// only (no `/`), and not `.` or `..`.
pub fn folder_name(name: &str) -> Result<String, SecretsError> {
    let name = name.trim();
    let valid = !name.is_empty()
        && name != "."
        && name != ".."
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid {
        return Err(SecretsError::Invalid(format!(
            "invalid folder name {name:?}: use letters, digits, '-', '_' and '.'"
        )));
    }
    Ok(name.to_owned())
}

/// A slug (project, environment, tag): trimmed, lower-case letters,
/// digits and `-`, not empty.
pub fn slug(text: &str, what: &str) -> Result<String, SecretsError> {
    let slug = text.trim();
    if slug.is_empty() || !slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(SecretsError::Invalid(format!(
            "invalid {what} slug {slug:?}: use lower-case letters, digits and '-'"
        )));
    }
    Ok(slug.to_owned())
}

/// A secret value as Infisical stores it: trimmed, except that a value
/// ending in a newline keeps one.
pub fn trim_value(value: &str) -> String {
    if value.ends_with('\n') { format!("{}\n", value.trim()) } else { value.trim().to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised() {
        for (input, expected) in [
            ("", "/"),
            ("/", "/"),
            ("  ", "/"),
            ("/database", "/database"),
            ("/database/", "/database"),
            ("database", "/database"),
            ("//a//b///", "/a/b"),
        ] {
            assert_eq!(normalize_path(input).expect(input), expected, "{input:?}");
        }
        assert!(normalize_path("/a/../b").is_err());
        assert!(normalize_path("/./b").is_err());
    }

    #[test]
    fn paths_nest() {
        assert!(is_under("/a/b", "/"));
        assert!(is_under("/a/b", "/a"));
        assert!(is_under("/a", "/a"));
        assert!(!is_under("/ab", "/a"));
        assert!(!is_under("/", "/a"));
        assert_eq!(join("/", "x"), "/x");
        assert_eq!(join("/a", "x"), "/a/x");
    }

    #[test]
    fn names_and_values_follow_the_contract() {
        assert_eq!(secret_name("  DB_URL ").expect("valid"), "DB_URL");
        for bad in ["", "   ", "A:B", "A/B"] {
            assert!(secret_name(bad).is_err(), "{bad:?}");
        }
        assert_eq!(trim_value("  x  "), "x");
        assert_eq!(trim_value(" x \n"), "x\n");
        assert_eq!(trim_value("x\n\n"), "x\n");
        assert!(folder_name("a/b").is_err());
        assert!(folder_name("..").is_err());
        assert_eq!(folder_name(" db-1 ").expect("valid"), "db-1");
        assert!(slug("Prod", "environment").is_err());
        assert_eq!(slug("prod-eu", "environment").expect("valid"), "prod-eu");
    }
}
