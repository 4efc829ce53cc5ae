//! One module per screen, each with its state, its update and its view.

pub mod checkin;
pub mod first_run;
pub mod help;
pub mod home;
pub mod review;
pub mod support;
