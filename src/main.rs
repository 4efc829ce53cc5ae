use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = closer::cli::Cli::parse();
    match closer::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A reader that went away (`closer stats | head`) is not an error worth a word.
            let broken_pipe = err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
                || err
                    .downcast_ref::<serde_json::Error>()
                    .and_then(|e| e.io_error_kind())
                    .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe);
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            // The message may quote a file's name or content: shown, never obeyed.
            let text = format!("{err:#}");
            eprintln!("closer: {}", closer::journal::printable::printable(&text));
            ExitCode::FAILURE
        }
    }
}
