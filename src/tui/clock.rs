//! The local time, as the terminal interface reads it: the event loop and the signal handler
//! (screens and the app get time as data). The one clock of closer is [`crate::clock`].

pub(super) use crate::clock::now;
