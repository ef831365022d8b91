//! Pieces shared by several pages.
pub mod async_view;
pub mod layout;
pub mod marked_text;
pub mod page_meta;
pub mod post_list;
pub mod search_box;
pub mod search_results;
pub mod site_data;
pub mod status;
pub mod subscribe;
pub mod tag_filter;
