#![cfg(not(target_arch = "wasm32"))]
//! Template syntax from Jekyll, Hugo and Zola in posts: converted where Markdown has an
//! equivalent (code blocks, images, site URLs), otherwise shown as text with one warning per
//! file; code blocks are never touched.

mod common;

use common::{toml_post, Fixture};
use folio_content::Report;

fn body(report: &Report, slug: &str) -> String {
    report
        .posts
        .iter()
        .find(|p| p.slug == slug)
        .unwrap_or_else(|| panic!("no post {slug}"))
        .html
        .clone()
}

fn warnings_about(report: &Report, file: &str) -> Vec<String> {
    report
        .warnings
        .iter()
        .map(|w| w.to_string())
        .filter(|w| w.contains(file))
        .collect()
}

#[test]
fn jekyll_highlight_is_a_highlighted_code_block_with_straight_quotes() {
    let fx = Fixture::new();
    fx.write(
        "_posts/2024-01-02-code.md",
        "---\ntitle: Code\n---\nBefore.\n\n{% highlight rust linenos %}\n\
         fn main() { println!(\"{}\", 1); }\n{% endhighlight %}\n\nAfter \"quoted\".\n",
    );
    let html = body(&fx.report(), "code");
    assert!(
        html.contains("<pre tabindex=\"0\"><code class=\"language-rust\">"),
        "{html}"
    );
    assert!(html.contains("hl-"), "highlighted: {html}");
    assert!(
        html.contains("After “quoted”"),
        "prose keeps smart quotes: {html}"
    );
    let code = html
        .split("<pre tabindex=\"0\">")
        .nth(1)
        .unwrap()
        .split("</pre>")
        .next()
        .unwrap();
    assert!(!code.contains('“') && !code.contains("highlight"), "{code}");
    assert!(
        code.contains("&quot;{}&quot;") || code.contains("\"{}\""),
        "{code}"
    );
}

#[test]
fn jekyll_raw_and_site_baseurl() {
    let fx = Fixture::new();
    fx.write(
        "_posts/2024-01-02-liquid.md",
        "---\ntitle: Liquid\n---\n{% raw %}Write {{ page.title }}.{% endraw %}\n\n\
         ![Chart]({{ site.baseurl }}/assets/chart.png)\n\n\
         ![Logo]({{site.url}}{{site.baseurl}}/assets/logo.png)\n",
    );
    let report = fx.report();
    let html = body(&report, "liquid");
    assert!(html.contains("Write {{ page.title }}."), "{html}");
    assert!(!html.contains("raw %}"), "{html}");
    assert!(
        html.contains("<img src=\"/assets/chart.png\" alt=\"Chart\""),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"/assets/logo.png\" alt=\"Logo\""),
        "{html}"
    );
    assert_eq!(warnings_about(&report, "liquid.md"), Vec::<String>::new());
}

#[test]
fn hugo_figure_is_an_image_beside_the_post_with_its_caption() {
    let fx = Fixture::new();
    fx.write(
        "posts/bundle/index.md",
        toml_post(
            "Bundle",
            "2024-01-02",
            "",
            "{{< figure src=\"diagram.png\" alt=\"A diagram\" caption=\"How it flows\" >}}\n\
             Text after.\n",
        ),
    );
    fx.write("posts/bundle/diagram.png", b"not really a png");
    let html = body(&fx.report(), "bundle");
    assert!(
        html.contains("<figure><img src=\"files/posts/bundle/diagram.png\" alt=\"A diagram\"")
            && html.contains("<figcaption>How it flows</figcaption></figure>"),
        "{html}"
    );
    assert!(html.contains("<p>Text after.</p>"), "{html}");
}

#[test]
fn other_shortcodes_are_text_with_one_warning_per_file_and_code_is_untouched() {
    let fx = Fixture::new();
    let hugo = fx.write(
        "hugo.md",
        toml_post(
            "Hugo",
            "2024-01-02",
            "",
            "Intro.\n\n{{< youtube abc >}}\n\n{{% notice %}}x{{% /notice %}}\n\n\
             ```\n{{< youtube in-code >}}\n```\n",
        ),
    );
    let zola = fx.write(
        "zola.md",
        toml_post("Zola", "2024-01-02", "", "{{ gist(url=\"x\") }}\n"),
    );
    let jekyll = fx.write(
        "_posts/2024-01-02-jekyll.md",
        "---\ntitle: Jekyll\n---\n\n    {% include in-code.html %}\n\n{% include note.html %}\n",
    );
    let report = fx.report();
    assert_eq!(
        warnings_about(&report, "hugo.md"),
        [format!(
            "{}:9: Hugo shortcode youtube is not supported; shown as text",
            hugo.display()
        )]
    );
    assert_eq!(
        warnings_about(&report, "zola.md"),
        [format!(
            "{}:7: Zola shortcode gist is not supported; shown as text",
            zola.display()
        )]
    );
    assert_eq!(
        warnings_about(&report, "jekyll.md"),
        [format!(
            "{}:7: Jekyll shortcode include is not supported; shown as text",
            jekyll.display()
        )]
    );
    let html = body(&report, "hugo");
    assert!(html.contains("{{&lt; youtube abc &gt;}}"), "{html}");
    assert!(html.contains("{{&lt; youtube in-code &gt;}}"), "{html}");
}
