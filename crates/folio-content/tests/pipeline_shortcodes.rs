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
    // The quotes stay straight in the code's text (the highlighter's spans split it).
    let text: String = code
        .split('<')
        .map(|piece| piece.split_once('>').map_or(piece, |(_, text)| text))
        .collect();
    assert!(
        text.contains("&quot;{}&quot;") || text.contains("\"{}\""),
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
         ![Logo]({{site.url}}{{site.baseurl}}/assets/logo.png)\n\n![Gone](/assets/gone.png)\n",
    );
    // Files the site publishes at its root, which the root paths name.
    fx.write("assets/chart.png", b"not really a png");
    fx.write("assets/logo.png", b"not really a png");
    let report = fx.report();
    let html = body(&report, "liquid");
    assert!(html.contains("Write {{ page.title }}."), "{html}");
    assert!(!html.contains("raw %}"), "{html}");
    assert!(
        html.contains("<img src=\"files/assets/chart.png\" alt=\"Chart\""),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"files/assets/logo.png\" alt=\"Logo\""),
        "{html}"
    );
    let warned = warnings_about(&report, "liquid.md");
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0]
            .ends_with("liquid.md:10: missing /assets/gone.png: the site has no such file or post"),
        "{warned:?}"
    );
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
fn other_shortcodes_are_converted_or_kept_with_one_warning_per_name_and_code_is_untouched() {
    let fx = Fixture::new();
    let hugo = fx.write(
        "hugo.md",
        toml_post(
            "Hugo",
            "2024-01-02",
            "",
            "Intro.\n\n{{< youtube abc >}}\n\n{{% notice %}}x{{% /notice %}}\n\n\
             {{% notice %}}y{{% /notice %}}\n\n```\n{{< youtube in-code >}}\n```\n",
        ),
    );
    let zola = fx.write(
        "zola.md",
        toml_post(
            "Zola",
            "2024-01-02",
            "",
            "{{ gist(url=\"https://gist.github.com/a/1\") }}\n",
        ),
    );
    let jekyll = fx.write(
        "_posts/2024-01-02-jekyll.md",
        "---\ntitle: Jekyll\n---\n\n    {% include in-code.html %}\n\n{% include note.html %}\n",
    );
    let report = fx.report();
    assert_eq!(
        warnings_about(&report, "hugo.md"),
        [format!(
            "{}:11: Hugo shortcode notice is the site's own: left out, its content kept",
            hugo.display()
        )]
    );
    assert_eq!(
        warnings_about(&report, "zola.md"),
        [format!(
            "{}:7: Zola shortcode gist is the site's own: shown as a link",
            zola.display()
        )]
    );
    // Without a `_config.yml` nothing says the folder is Jekyll's: the tag stays as text.
    assert_eq!(
        warnings_about(&report, "jekyll.md"),
        [format!(
            "{}:7: Jekyll shortcode include is not supported; shown as text",
            jekyll.display()
        )]
    );
    let html = body(&report, "hugo");
    assert!(
        html.contains("https://i.ytimg.com/vi/abc/hqdefault.jpg"),
        "{html}"
    );
    assert!(
        html.contains("<p>x</p>") && html.contains("<p>y</p>"),
        "{html}"
    );
    assert!(!html.contains("notice"), "{html}");
    assert!(html.contains("{{&lt; youtube in-code &gt;}}"), "{html}");
    let html = body(&report, "zola");
    assert!(
        html.contains("<a href=\"https://gist.github.com/a/1\""),
        "{html}"
    );
}
