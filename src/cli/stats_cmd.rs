//! `dateline stats`.

use super::{Outcome, StatsArgs};

/// Runs the command.
pub fn run(_args: StatsArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not built yet")
}
