use super::*;

/// Resolves `second` (Jekyll) and `toml-post.md` (Hugo) only.
struct Fixed;

impl PostRefs for Fixed {
    fn post_url(&self, name: &str) -> Result<String, String> {
        match name {
            "2024-02-03-second" => Ok("posts/second".to_owned()),
            _ => Err("no such post".to_owned()),
        }
    }

    fn hugo_ref(&self, target: &str) -> Result<String, String> {
        match target.split_once('#') {
            Some(("toml-post.md", fragment)) => Ok(format!("posts/toml-post#{fragment}")),
            None if target == "toml-post.md" => Ok("posts/toml-post".to_owned()),
            _ => Err("no such post".to_owned()),
        }
    }
}

fn run(markdown: &str) -> Converted {
    convert(markdown, &Fixed)
}

fn text(markdown: &str) -> String {
    run(markdown).markdown
}

#[test]
fn highlight_becomes_a_fenced_block() {
    assert_eq!(
        text("Before\n\n{% highlight rust linenos %}\nprintln!(\"{}\", 1);\n{% endhighlight %}\n\nAfter\n"),
        "Before\n\n```rust\nprintln!(\"{}\", 1);\n```\n\nAfter\n"
    );
    // On one line, and with code holding backticks: the fence is longer than any run inside.
    assert_eq!(
        text("x {%- highlight sh -%}echo `a` ```{%- endhighlight -%} y"),
        "x \n````sh\necho `a` ```\n````\n y"
    );
    // Indented (in a list item), the closing fence keeps the indentation.
    assert_eq!(
        text("- a\n\n  {% highlight js %}\n  let a;\n  {% endhighlight %}\n"),
        "- a\n\n  ```js\n  let a;\n  ```\n"
    );
}

#[test]
fn raw_is_unwrapped_and_its_content_untouched() {
    assert_eq!(
        text("{% raw %}{{ page.title }} {% post_url x %}{% endraw %} and {% raw %}\n"),
        "{{ page.title }} {% post_url x %} and {% raw %}\n"
    );
}

#[test]
fn site_urls_are_the_root() {
    assert_eq!(
        text("![a]({{ site.baseurl }}/assets/a.png) [b]({{site.url}}{{site.baseurl}}/b)"),
        "![a](/assets/a.png) [b](/b)"
    );
    assert_eq!(
        text("![c]({{ \"/assets/c.png\" | relative_url }}) {{ '/d' | absolute_url }}"),
        "![c](/assets/c.png) /d"
    );
    assert_eq!(text("{{ \"x\" | upcase }}"), "{{ \"x\" | upcase }}");
}

#[test]
fn post_links_are_resolved_or_left_with_a_note() {
    let source = concat!(
        "[j]({% post_url 2024-02-03-second %}) [h]({{< ref \"toml-post.md\" >}})\n",
        "[r]({{% relref toml-post.md#part %}}) [x]({% post_url 2020-01-01-gone %})\n",
    );
    let converted = run(source);
    assert_eq!(
        converted.markdown,
        "[j](posts/second) [h](posts/toml-post)\n\
         [r](posts/toml-post#part) [x]({% post_url 2020-01-01-gone %})\n"
    );
    assert_eq!(
        converted.notes,
        [Note {
            offset: source.find("{% post_url 2020").unwrap(),
            message: "Jekyll post_url 2020-01-01-gone names no published post (no such post); \
                      shown as text"
                .to_owned()
        }]
    );
}

#[test]
fn a_figure_is_html_with_its_caption() {
    assert_eq!(
        text("{{< figure src=\"a.png\" alt=\"An <a>\" caption=\"Fig & 1\" >}}\nText.\n"),
        "<figure><img src=\"a.png\" alt=\"An &lt;a&gt;\"><figcaption>Fig &amp; 1</figcaption>\
         </figure>\n\nText.\n"
    );
}

#[test]
fn in_a_plain_folder_liquid_tags_stay_as_text_with_one_note_per_name() {
    let source = "a {% include x.html %} b {% include y.html %} {% assign z = 1 %}\n";
    let converted = run(source);
    assert_eq!(converted.markdown, source);
    let messages: Vec<&str> = converted.notes.iter().map(|n| n.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Jekyll shortcode include is not supported; shown as text",
            "Jekyll shortcode assign is not supported; shown as text",
        ]
    );
    assert_eq!(converted.notes[0].offset, 2);
    // Liquid output and braces in prose are not tags anyone needs to hear about.
    assert!(run("{{ page.title }} and {{}} and {%").notes.is_empty());
}

#[test]
fn code_is_never_touched() {
    let source = concat!(
        "```liquid\n{% highlight rust %}\n{{< youtube x >}} {{ site.baseurl }}\n```\n\n",
        "    {% raw %}{{< ref \"toml-post.md\" >}}\n\n",
        "Inline `{% post_url 2024-02-03-second %}` too.\n",
    );
    let converted = run(source);
    assert_eq!(converted.markdown, source);
    assert!(converted.notes.is_empty());
}

#[test]
fn escaped_tags_are_shown_as_the_tag() {
    assert_eq!(
        text("{{</* youtube x */>}} {{/* gist(id=1) */}}"),
        "{{< youtube x >}} {{ gist(id=1) }}"
    );
}

#[test]
fn offsets_map_back_to_the_source() {
    let source = "a {% highlight rust %}x{% endhighlight %} b\n[l](x.md)\n";
    let converted = run(source);
    assert_eq!(converted.markdown, "a \n```rust\nx\n```\n b\n[l](x.md)\n");
    let link = converted.markdown.find("[l]").unwrap();
    assert_eq!(
        converted.source_map.source_offset(link),
        source.find("[l]").unwrap()
    );
}

#[path = "site_tests.rs"]
mod site_tests;
