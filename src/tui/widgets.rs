//! Pieces drawn on several screens. Render-only: they read what they are given.

pub mod caret;
pub mod countdown;
pub mod due;
pub mod entry_view;
pub mod form;
pub mod page;
pub mod pick_list;
pub mod too_small;
pub mod wrap;
