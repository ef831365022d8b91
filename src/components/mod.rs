//! Pieces shared by several pages.
pub mod async_view;
pub mod layout;
pub mod post_list;
pub mod site_data;
pub mod status;
