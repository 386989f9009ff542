//! `dateline search`.

use super::{Outcome, SearchArgs};

/// Runs the command.
pub fn run(_args: SearchArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not built yet")
}
