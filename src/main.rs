use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = closer::cli::Cli::parse();
    let failed = closer::cli::exit::of_failure(&cli);
    match closer::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A reader that went away (`closer stats | head`) is not an error worth a word.
            if closer::cli::exit::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // The message may quote a file's name or content: shown, never obeyed.
            let text = format!("{err:#}");
            eprintln!("closer: {}", closer::journal::printable::printable(&text));
            failed
        }
    }
}
