//! A writer for output meant for people: whatever is written to it reaches the terminal (or
//! file) with control characters made visible (see `journal::printable`).

use std::io::{self, Write};

use crate::journal::printable::printable;

/// Wraps `inner`; bytes are decoded as UTF-8 (a character split across writes is joined,
/// invalid bytes become `�`) and passed through [`printable`].
pub struct Printable<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Printable<W> {
    /// Output to `inner`, made printable.
    pub fn new(inner: W) -> Printable<W> {
        Printable {
            inner,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, final_bytes: bool) -> io::Result<()> {
        loop {
            match std::str::from_utf8(&self.pending) {
                Ok(text) => {
                    self.inner.write_all(printable(text).as_bytes())?;
                    self.pending.clear();
                    return Ok(());
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    let text = String::from_utf8_lossy(&self.pending[..good]).into_owned();
                    self.inner.write_all(printable(&text).as_bytes())?;
                    match e.error_len() {
                        Some(bad) => {
                            self.inner.write_all("\u{fffd}".as_bytes())?;
                            self.pending.drain(..good + bad);
                        }
                        // A character cut short at the end: wait for the rest.
                        None if !final_bytes => {
                            self.pending.drain(..good);
                            return Ok(());
                        }
                        None => {
                            self.inner.write_all("\u{fffd}".as_bytes())?;
                            self.pending.clear();
                            return Ok(());
                        }
                    }
                }
            }
        }
    }
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.emit(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.emit(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Printable<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_even_across_writes() {
        let mut out = Vec::new();
        {
            let mut p = Printable::new(&mut out);
            let text = "é\u{1b}[31m✓";
            let bytes = text.as_bytes();
            for chunk in bytes.chunks(1) {
                p.write_all(chunk).unwrap();
            }
            p.flush().unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "é␛[31m✓");
    }
}
