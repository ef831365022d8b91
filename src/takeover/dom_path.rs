//! Places in a page's DOM that hold in its twin: the prerendered page and the app's copy are
//! drawn by the same components, so an element has its twin at the same place among the other's
//! elements. Text nodes may be split differently (the prerendered HTML can hold comment markers
//! between texts), so a point in text is an element's path plus a count of characters into it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// A point in text: the element's path and how many characters into its text.
pub struct TextPoint {
    path: Vec<u32>,
    chars: u32,
}

/// The indices, among element children, from `root` down to `element`.
pub fn path_of(root: &Element, element: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut current = element.clone();
    while !current.is_same_node(Some(root.as_ref())) {
        let parent = current.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| {
            siblings
                .item(i)
                .is_some_and(|s| s.is_same_node(Some(current.as_ref())))
        })?;
        path.push(index);
        current = parent;
    }
    path.reverse();
    Some(path)
}

pub fn at_path(root: &Element, path: &[u32]) -> Option<Element> {
    let mut current = root.clone();
    for &index in path {
        current = current.children().item(index)?;
    }
    Some(current)
}

/// `offset` into `node` as a point of `root`'s text.
pub fn text_point(root: &Element, node: &Node, offset: u32) -> Option<TextPoint> {
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    if !root.contains(Some(element.as_ref())) {
        return None;
    }
    let range = document().create_range().ok()?;
    range.set_start(element.as_ref(), 0).ok()?;
    range.set_end(node, offset).ok()?;
    let chars = String::from(range.to_string()).chars().count() as u32;
    Some(TextPoint {
        path: path_of(root, &element)?,
        chars,
    })
}

/// The text node and offset `point.chars` characters into its element's text.
fn locate(root: &Element, point: &TextPoint) -> Option<(Node, u32)> {
    let element = at_path(root, &point.path)?;
    let mut left = point.chars;
    let mut stack: Vec<Node> = vec![element.clone().into()];
    let mut last_text = None;
    while let Some(node) = stack.pop() {
        if node.node_type() == Node::TEXT_NODE {
            let length = node
                .text_content()
                .unwrap_or_default()
                .encode_utf16()
                .count() as u32;
            let chars = node.text_content().unwrap_or_default().chars().count() as u32;
            if left <= chars {
                let prefix: String = node
                    .text_content()
                    .unwrap_or_default()
                    .chars()
                    .take(left as usize)
                    .collect();
                return Some((node, prefix.encode_utf16().count() as u32));
            }
            left -= chars;
            last_text = Some((node, length));
            continue;
        }
        let children = node.child_nodes();
        for i in (0..children.length()).rev() {
            if let Some(child) = children.item(i) {
                stack.push(child);
            }
        }
    }
    last_text.or(Some((element.into(), 0)))
}

pub fn restore_selection(app: &Element, start: &TextPoint, end: &TextPoint) {
    let (Some((start_node, start_offset)), Some((end_node, end_offset))) =
        (locate(app, start), locate(app, end))
    else {
        return;
    };
    let Ok(range) = document().create_range() else {
        return;
    };
    if range.set_start(&start_node, start_offset).is_err()
        || range.set_end(&end_node, end_offset).is_err()
    {
        return;
    }
    if let Some(selection) = window().get_selection().ok().flatten() {
        let _ = selection.remove_all_ranges();
        let _ = selection.add_range(&range);
    }
}
