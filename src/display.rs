//! Paths as a person wants to read them: the index stores canonical absolute paths (so
//! `index corpus` and `index ./corpus` agree), and human-readable output shortens the ones
//! under the working directory. JSON output keeps them absolute.

/// Shortens absolute paths under the working directory in a message to relative ones.
pub struct Relative(pub Option<String>);

impl Relative {
    /// Reads the working directory (canonicalised, as the index stores paths).
    pub fn new() -> Self {
        let cwd = std::env::current_dir()
            .ok()
            .and_then(|d| std::fs::canonicalize(d).ok());
        Relative(cwd.and_then(|d| d.to_str().map(|s| format!("{}/", s.trim_end_matches('/')))))
    }

    /// `text` with the working-directory prefix removed from every path in it.
    pub fn apply(&self, text: &str) -> String {
        match &self.0 {
            Some(prefix) => text.replace(prefix.as_str(), ""),
            None => text.to_string(),
        }
    }
}

impl Default for Relative {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_working_directory_prefix_only() {
        let relative = Relative(Some("/work/news/".to_string()));
        assert_eq!(relative.apply("/work/news/corpus/a.txt"), "corpus/a.txt");
        assert_eq!(relative.apply("/elsewhere/a.txt"), "/elsewhere/a.txt");
        assert_eq!(Relative(None).apply("/work/news/a.txt"), "/work/news/a.txt");
    }
}
