//! The `dateline` binary: parse arguments, run, map the outcome to grep's exit codes
//! (0 = hits, 1 = no hits, 2 = error).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = dateline::cli::Cli::parse();
    match dateline::cli::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) => {
            if dateline::cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dateline: {}", dateline::cli::one_line(&err));
            ExitCode::from(2)
        }
    }
}
