//! `dateline index`.

use super::{IndexArgs, Outcome};

/// Runs the command.
pub fn run(_args: IndexArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not built yet")
}
