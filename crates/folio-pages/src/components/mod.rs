//! Pieces shared by several pages.
pub mod layout;
pub mod marked_text;
pub mod page_meta;
pub mod post_list;
pub mod post_nav;
pub mod read_next;
pub mod result_focus;
pub mod route_focus;
pub mod scroll_memory;
pub mod search_box;
pub mod search_result_row;
pub mod search_results;
pub mod site_data;
pub mod status;
pub mod subscribe;
pub mod tag_filter;
pub mod theme_toggle;
