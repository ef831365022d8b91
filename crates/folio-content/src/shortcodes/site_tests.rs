//! Template syntax of real sites: Hugo's built-in shortcodes, a site's own shortcodes (Hugo
//! and Zola), Jekyll's Liquid values and tags.

use super::super::*;

/// A site of the given generator with one site value, one page value, a `baseurl` shortcode
/// writing the site's address and one post reachable by `link`.
struct Site(Generator);

impl PostRefs for Site {
    fn post_url(&self, _: &str) -> Result<String, String> {
        Err("no such post".to_owned())
    }

    fn hugo_ref(&self, _: &str) -> Result<String, String> {
        Err("no such post".to_owned())
    }

    fn jekyll_link(&self, path: &str) -> Result<String, String> {
        match path {
            "_posts/2024-01-02-a.markdown" => Ok("posts/a".to_owned()),
            _ => Err(format!("no post {path}")),
        }
    }

    fn generator(&self) -> Generator {
        self.0
    }

    fn site_value(&self, key: &str) -> Option<String> {
        match key {
            "repository" => Some("me/blog".to_owned()),
            "params.author" => Some("Ann".to_owned()),
            _ => None,
        }
    }

    fn page_value(&self, key: &str) -> Option<String> {
        (key == "reddit_link").then(|| "https://reddit.com/r/x".to_owned())
    }

    fn writes_site_address(&self, name: &str) -> bool {
        name == "baseurl"
    }
}

fn hugo(markdown: &str) -> Converted {
    convert(markdown, &Site(Generator::Hugo))
}

fn messages(converted: &Converted) -> Vec<&str> {
    converted.notes.iter().map(|n| n.message.as_str()).collect()
}

#[test]
fn youtube_is_a_thumbnail_link_and_other_embeds_plain_links() {
    assert_eq!(
        hugo("{{< youtube dQw4 >}}").markdown,
        "<a href=\"https://www.youtube.com/watch?v=dQw4\"><img src=\"https://i.ytimg.com/vi/dQw4/\
         hqdefault.jpg\" alt=\"Video on YouTube\" width=\"480\" height=\"360\"></a>"
    );
    assert_eq!(
        hugo("{{< youtube id=\"abc\" title=\"Talk\" >}}").markdown,
        "<a href=\"https://www.youtube.com/watch?v=abc\"><img src=\"https://i.ytimg.com/vi/abc/\
         hqdefault.jpg\" alt=\"Talk\" width=\"480\" height=\"360\"></a>"
    );
    assert_eq!(
        hugo("{{< vimeo 146022717 >}}").markdown,
        "<a href=\"https://vimeo.com/146022717\">Video on Vimeo</a>"
    );
    assert_eq!(
        hugo("{{< gist spf13 7896402 \"img.html\" >}}").markdown,
        "<a href=\"https://gist.github.com/spf13/7896402#file-img-html\">Gist img.html</a>"
    );
    assert_eq!(
        hugo("{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}").markdown,
        "<a href=\"https://x.com/SanDiegoZoo/status/1453110110599868418\">Post on X by \
         SanDiegoZoo</a>"
    );
    assert_eq!(
        hugo("{{< tweet user=\"a\" id=\"1\" >}}").markdown,
        "<a href=\"https://x.com/a/status/1\">Post on X by a</a>"
    );
    assert!(hugo("{{< youtube dQw4 >}}").notes.is_empty());
}

#[test]
fn details_highlight_and_param_become_html_code_and_text() {
    assert_eq!(
        hugo("{{< details summary=\"More & less\" >}}\nHidden *text*\n{{< /details >}}\n").markdown,
        "\n\n<details><summary>More &amp; less</summary>\n\n\nHidden *text*\n\n\n</details>\n\n\n"
    );
    assert_eq!(
        hugo("{{< highlight go \"linenos=table\" >}}\nfmt.Println(\"{}\")\n{{< /highlight >}}\n")
            .markdown,
        "\n```go\nfmt.Println(\"{}\")\n```\n\n"
    );
    let param = hugo("By {{< param author >}}, see {{< param reddit_link >}} {{< param nope >}}.");
    assert_eq!(param.markdown, "By Ann, see https://reddit.com/r/x .");
    assert_eq!(
        messages(&param),
        ["Hugo param nope is set neither in the front matter nor the site's params; left out"]
    );
}

#[test]
fn a_sites_own_shortcode_is_what_it_names_or_its_content_never_raw() {
    let source = concat!(
        "{{< notice warning >}}\nCareful.\n{{< /notice >}}\n\n",
        "{{< img src=\"cat.jpg\" alt=\"A cat\" >}}\n",
        "{{< inline-file filename=\"main.py\" >}}\n",
        "{{% aside %}}*Side*{{% /aside %}}\n",
    );
    let converted = hugo(source);
    assert_eq!(
        converted.markdown,
        "\nCareful.\n\n\n<img src=\"cat.jpg\" alt=\"A cat\">\n\n\
         <a href=\"main.py\">main.py</a>\n\n*Side*\n",
        "HTML alone on a line ends with its line, so the Markdown after it stays Markdown"
    );
    assert_eq!(
        messages(&converted),
        [
            "Hugo shortcode notice is the site's own: left out, its content kept",
            "Hugo shortcode img is the site's own: shown as an image",
            "Hugo shortcode inline-file is the site's own: shown as a link",
            "Hugo shortcode aside is the site's own: left out, its content kept",
        ]
    );
    let second_line = source.find("{{< img").unwrap();
    assert_eq!(converted.notes[1].offset, second_line);
    // One writing the site's address is the root path.
    assert_eq!(
        hugo("![x]({{< baseurl >}}/assets/x.png)").markdown,
        "![x](/assets/x.png)"
    );
    assert!(hugo("![x]({{< baseurl >}}/x.png)").notes.is_empty());
}

#[test]
fn zola_shortcodes_of_the_site_are_images_links_or_their_body() {
    let zola = |s: &str| convert(s, &Site(Generator::Zola));
    let converted = zola(concat!(
        "{{ figure(src=\"a.png\", caption=\"Fig, 1\") }}\n",
        "{% info(kind=\"note\") %}\nInside **bold**\n{% end %}\n",
        "{{ load_stars() }}\n",
    ));
    assert_eq!(
        converted.markdown,
        "<img src=\"a.png\" alt=\"Fig, 1\">\n\n\nInside **bold**\n\n\n"
    );
    assert_eq!(
        messages(&converted),
        [
            "Zola shortcode figure is the site's own: shown as an image",
            "Zola shortcode info is the site's own: left out, its content kept",
            "Zola shortcode load_stars is the site's own: left out, its content kept",
        ]
    );
    // Liquid output is text on a Zola site, as Zola shows it.
    assert_eq!(zola("{{ page.title }}").markdown, "{{ page.title }}");
}

#[test]
fn jekyll_values_and_tags() {
    let jekyll = |s: &str| convert(s, &Site(Generator::Jekyll));
    let converted = jekyll(concat!(
        "Code at {{ site.repository }}; [Reddit]({{ page.reddit_link }}).\n",
        "{{ site.missing | escape }}{% include toc.html %}[a]({% link _posts/2024-01-02-a.markdown %})\n",
        "{{ \"quoted\" }} [b]({% link about.md %})\n",
        "{% comment %}A note to self, {{ site.repository }}.{% endcomment %}",
    ));
    assert_eq!(
        converted.markdown,
        "Code at me/blog; [Reddit](https://reddit.com/r/x).\n[a](posts/a)\nquoted [b](/about.md)\n"
    );
    assert_eq!(
        messages(&converted),
        [
            "Liquid {{ site.missing }} has no value here; left out",
            "Jekyll tag include is the site's template; left out",
            "Jekyll link about.md names no published post (no post about.md); linked as a path",
        ]
    );
}
