#![cfg(target_arch = "wasm32")]
//! The sanitizer judged by the browser: thousands of random, adversarial posts (scripts, event
//! handlers, `javascript:`/`data:` URLs written every way a browser still reads them, SVG and
//! MathML tricks, malformed and unbalanced tags, comments and raw-text elements cut short) go
//! through the build's whole rendering pipeline, are put into the page as the app puts an
//! article, and the live DOM (headless Chromium's own parse, not another hand-written oracle)
//! must hold no script, no event-handler attribute and no URL with a scheme that runs code; and
//! nothing may have run.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_sanitize_fuzz`

use folio_core::page_ids::APP_IDS;
use folio_markdown::render_article;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element, Window};

wasm_bindgen_test_configure!(run_in_browser);

/// Pieces the generator strings together; `P` is replaced by a payload that sets a global.
const PIECES: &[&str] = &[
    "<script>P</script>",
    "<SCRIPT SRC=//x.invalid/a.js></SCRIPT>",
    "<scr<script>ipt>P</script>",
    "<img src=x onerror=P>",
    "<img src=x onerror=\"P\"//",
    "<IMG SRC=x OnErRoR='P'>",
    "<img/src=x/onerror=P>",
    "<svg onload=P>",
    "<svg><script>P</script></svg>",
    "<svg><a xlink:href=\"javascript:P\"><text>t</text></a></svg>",
    "<svg><animate attributeName=href values=javascript:P /></svg>",
    "<math><mi xlink:href=\"javascript:P\">m</mi></math>",
    "<math><mtext><table><mglyph><style><img src=x onerror=P>",
    "<noscript><p title=\"</noscript><img src=x onerror=P>\">",
    "<template><img src=x onerror=P></template>",
    "<textarea></textarea><img src=x onerror=P>",
    "<title><img src=x onerror=P></title>",
    "<style>@import 'javascript:P';</style>",
    "<iframe src=\"javascript:P\"></iframe>",
    "<iframe srcdoc=\"<script>P</script>\"></iframe>",
    "<object data=\"javascript:P\"></object>",
    "<embed src=\"javascript:P\">",
    "<form action=\"javascript:P\"><button formaction=javascript:P>b</button></form>",
    "<input autofocus onfocus=P>",
    "<details open ontoggle=P>",
    "<body onload=P>",
    "<a href=\"javascript:P\">a</a>",
    "<a href=\"JaVaScRiPt:P\">a</a>",
    "<a href=\" &#14; javascript:P\">a</a>",
    "<a href=\"&#106;avascript:P\">a</a>",
    "<a href=\"&#x6A;avascript&colon;P\">a</a>",
    "<a href=\"java&#x09;script:P\">a</a>",
    "<a href=\"java&Tab;script:P\">a</a>",
    "<a href=\"java\nscript:P\">a</a>",
    "<a href=\"vbscript:P\">a</a>",
    "<a href=\"data:text/html,<script>P</script>\">a</a>",
    "<img src=\"data:image/svg+xml,<svg onload=P>\">",
    "<img srcset=\"x 1x, javascript:P 2x\">",
    "<picture><source srcset=\"javascript:P\"><img src=x></picture>",
    "<a href=x onmouseover=P style=\"x:expression(P)\">a</a>",
    "<div style=\"background:url(javascript:P)\">d</div>",
    "<base href=\"javascript:P//\">",
    "<meta http-equiv=refresh content=\"0;url=javascript:P\">",
    "<link rel=import href=\"data:text/html,<script>P</script>\">",
    "<!-- <img src=x onerror=P> -->",
    "<!--><img src=x onerror=P>-->",
    "<![CDATA[<img src=x onerror=P>]]>",
    "<?xml <img src=x onerror=P>?>",
    "</p></div></td></table></li></ul></body></html>",
    "<table><tr><td><img src=x onerror=P></td>",
    "<div id=app class=\"x onclick\">",
    "<a name=\"main\" id=\"main\" href=\"#main\">m</a>",
    "[a](javascript:P)",
    "[a](<javascript:P>)",
    "![i](javascript:P)",
    "<javascript:P>",
    "[r]\n\n[r]: javascript:P",
    "`<img src=x onerror=P>`",
    "```html\n<img src=x onerror=P>\n```",
    "<Vec<T>> and Box<dyn Fn()>",
    "<",
    "</",
    ">",
    "\"",
    "'",
    "=",
    "&",
    "&amp;",
    "&#",
    "<a ",
    "<img ",
    " onerror=P",
    " src=x",
    " href=javascript:P",
    "\n",
    "\n\n",
    "    ",
    "text",
    "## Heading\n",
    "- item\n",
    "| a |\n|---|\n| b |\n",
    "> quote\n",
];

fn window() -> Window {
    web_sys::window().expect("a window")
}

fn document() -> Document {
    window().document().expect("a document")
}

/// A small deterministic generator (xorshift64*), so a failure names a reproducible case.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One random post: 1 to 12 pieces, each attack's payload setting `window.__fuzz<case>`.
fn post(random: &mut Random, case: usize) -> String {
    let payload = format!("window.__fuzz{case}=1");
    let mut post = String::new();
    for _ in 0..1 + random.below(12) {
        post.push_str(&PIECES[random.below(PIECES.len())].replace('P', &payload));
    }
    post
}

/// Whether a URL attribute's value, as the browser holds it, has a scheme that runs code or
/// loads a document (`data:` is allowed only for raster images).
fn dangerous_url(value: &str, raster_image: bool) -> bool {
    let folded: String = value
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    folded.starts_with("javascript:")
        || folded.starts_with("vbscript:")
        || (folded.starts_with("data:")
            && !(raster_image
                && [
                    "data:image/png",
                    "data:image/gif",
                    "data:image/jpeg",
                    "data:image/webp",
                ]
                .iter()
                .any(|p| folded.starts_with(p))))
}

/// Every problem the DOM below `root` shows, as `<tag attr>` descriptions.
fn problems(root: &Element) -> Vec<String> {
    let mut found = Vec::new();
    let all = root.query_selector_all("*").unwrap();
    for i in 0..all.length() {
        let element: Element = all.item(i).unwrap().dyn_into().unwrap();
        let tag = element.tag_name().to_ascii_lowercase();
        if matches!(
            tag.as_str(),
            "script"
                | "iframe"
                | "object"
                | "embed"
                | "base"
                | "meta"
                | "link"
                | "form"
                | "svg"
                | "math"
                | "style"
                | "template"
                | "frame"
        ) {
            found.push(format!("<{tag}>"));
        }
        for name in element.get_attribute_names().iter() {
            let name = name.as_string().unwrap_or_default().to_ascii_lowercase();
            let value = element.get_attribute(&name).unwrap_or_default();
            if name.starts_with("on") || name == "style" || name == "srcdoc" {
                found.push(format!("<{tag} {name}>"));
            }
            let raster = tag == "img" && name == "src";
            let url_attribute = matches!(
                name.as_str(),
                "href" | "src" | "xlink:href" | "action" | "formaction" | "data" | "poster"
            );
            if url_attribute && dangerous_url(&value, raster) {
                found.push(format!("<{tag} {name}={value:?}>"));
            }
            if name == "srcset"
                && value
                    .split(|c: char| c == ',' || c.is_ascii_whitespace())
                    .any(|candidate| dangerous_url(candidate, true))
            {
                found.push(format!("<{tag} srcset={value:?}>"));
            }
            if name == "id" && APP_IDS.contains(&value.as_str()) {
                found.push(format!(
                    "<{tag} id={value:?}> takes an id of the app's page"
                ));
            }
        }
    }
    found
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn random_adversarial_posts_leave_no_script_handler_or_script_url_in_the_dom() {
    const CASES: usize = 1500;
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let body = document().body().expect("a body");

    // Control: the same kind of posts without the pipeline do run in this browser, and the
    // checker does see their problems, so a clean result below means something.
    let control = document().create_element("div").unwrap();
    control.set_inner_html(
        "<img src=x onerror=\"window.__fuzzcontrol=1\"><a href=\"java&#x09;script:x\">a</a>",
    );
    body.append_child(&control).unwrap();
    assert_eq!(
        problems(&control).len(),
        2,
        "the checker misses what it must find"
    );

    let mut failures = Vec::new();
    for case in 0..CASES {
        let markdown = post(&mut random, case);
        let html = render_article(&markdown).html;
        let container = document().create_element("div").unwrap();
        container.set_inner_html(&html);
        body.append_child(&container).unwrap();
        let found = problems(&container);
        if !found.is_empty() && failures.len() < 5 {
            failures.push(format!(
                "case {case}: {found:?}\n  post: {markdown:?}\n  html: {html}"
            ));
        }
        // Kept in the page until the end, so late events (image errors) could still fire.
        container
            .set_attribute("data-case", &case.to_string())
            .unwrap();
    }
    // Let image errors and other events fire, after the control's has.
    for _ in 0..60 {
        if !js_sys::Reflect::get(&window(), &JsValue::from_str("__fuzzcontrol"))
            .unwrap()
            .is_undefined()
        {
            break;
        }
        sleep(50).await;
    }
    sleep(200).await;
    assert!(
        !js_sys::Reflect::get(&window(), &JsValue::from_str("__fuzzcontrol"))
            .unwrap()
            .is_undefined(),
        "control: an unsanitised onerror never ran, so this test could not see an attack"
    );
    let ran: Vec<usize> = (0..CASES)
        .filter(|case| {
            !js_sys::Reflect::get(&window(), &JsValue::from_str(&format!("__fuzz{case}")))
                .unwrap()
                .is_undefined()
        })
        .collect();
    assert!(ran.is_empty(), "payloads ran in cases {ran:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
