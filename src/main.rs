use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = closer::cli::Cli::parse();
    match closer::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("closer: {err:#}");
            ExitCode::FAILURE
        }
    }
}
