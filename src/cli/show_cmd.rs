//! `dateline show`.

use super::{Outcome, ShowArgs};

/// Runs the command.
pub fn run(_args: ShowArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not built yet")
}
