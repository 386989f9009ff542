//! `dateline parse`.

use super::{Outcome, ParseArgs};

/// Runs the command.
pub fn run(_args: ParseArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not built yet")
}
